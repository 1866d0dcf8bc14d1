"""The system check names every library Qt lacks and a missing Chinese font, in one go."""

from __future__ import annotations

from ui.syscheck import FONT_PACKAGE, LIBRARIES, missing_packages


def _ldconfig(without: set[str]) -> str:
    return "\n".join(f"\t{so} (libc6,x86-64) => /usr/lib/{so}" for so in LIBRARIES if so not in without)


def test_everything_present_needs_nothing() -> None:
    assert missing_packages(_ldconfig(set()), "/usr/share/fonts/NotoSansCJK-Regular.ttc: Noto Sans CJK SC\n") == []


def test_the_libraries_the_issue_saw_missing_are_named_with_the_font() -> None:
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    assert missing_packages(_ldconfig(gone), "") == ["libxcb-icccm4", "libxcb-keysyms1", FONT_PACKAGE]
    assert missing_packages(_ldconfig(set()), None) == [FONT_PACKAGE]  # no fc-list at all
