"""Typed user settings over ``QSettings``: every key declared once, read back with its type.

QSettings INI values come back as strings across processes (``'false'``, ``'12'``), so every
read passes ``type=``. Review decisions never live here; they belong in the project store.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from PySide6.QtCore import QByteArray, QSettings

REVIEWER = "reviewer/name"
ASKED_NAME = "reviewer/asked"
CHECKLIST = "reviewer/checklist"
LETTER_TEMPLATE = "annotate/letter_template"
LANGUAGE = "ui/language"
TEXT_SIZE = "ui/text_size"
LAST_PROJECT = "project/last"
LAST_REPORTS = "project/last_reports"  # before PLACES: "location\x1fsha256" per recent project, read once
PLACES = "project/places"  # JSON: {location: Place}
RECENT = "project/recent"
GEOMETRY = "window/geometry"
STATE = "window/state"
SPLITTER = "window/panes"  # new names: layouts saved before the 对比 page are not restored
VSPLITTER = "window/text_and_tables"
MAX_RECENT = 8
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Place:
    """Where the reviewer left a project, to open it there again."""

    report: str = ""  # the report on show (sha256)
    text: str = ""  # the reports list's 按单位或文件名筛选
    status: str = ""  # the reports list's status filter; "" for 全部状态
    everyone: bool = False  # a shared project: 全部报告 chosen by hand over 我的报告
    compare: bool = False  # the 对比 page rather than the review panes
    tab: int = 0  # the tab under the text: 数据指标, 问题, 往年对比


@dataclass
class Settings:
    """The user's preferences; ``SettingsStore`` loads and saves them."""

    reviewer: str = ""
    asked_name: bool = False  # the first start asks for the reviewer's name once
    checklist_path: str = ""
    letter_template: str = ""  # the 审阅意见书 template (.docx); "" → the built-in one
    language: str = "zh_CN"
    text_size: int = 12
    last_project: str = ""
    places: dict[str, Place] = field(default_factory=dict)  # project → where it was left
    recent_projects: list[str] = field(default_factory=list)

    def remember_project(self, path: str) -> None:
        self.last_project = path
        self.recent_projects = [path, *[p for p in self.recent_projects if p != path]][:MAX_RECENT]
        self.places = {p: place for p, place in self.places.items() if p in self.recent_projects}


def _strings(value: object) -> list[str]:
    # A one-element list is stored by INI as a plain string, an empty one as None.
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return []


def _place(raw: object) -> Place:
    """A stored place; a field of another type (a hand-edited file) is left at its default."""
    if not isinstance(raw, dict):
        return Place()
    default = Place()
    return Place(**{f.name: raw[f.name] for f in fields(Place)
                    if type(raw.get(f.name)) is type(getattr(default, f.name))})


def _places(stored: object, legacy: object) -> dict[str, Place]:
    """``PLACES``; a settings file written before it has only the reports on show (``LAST_REPORTS``)."""
    places = {}
    for entry in _strings(legacy):
        location, _, sha = entry.partition("\x1f")
        if sha:
            places[location] = Place(report=sha)
    try:
        raw = json.loads(stored) if isinstance(stored, str) and stored else {}
    except ValueError:
        raw = {}
    if isinstance(raw, dict):
        places.update((str(loc), _place(value)) for loc, value in raw.items())
    return places


class SettingsStore:
    """Reads and writes ``Settings`` and window layout blobs in one ``QSettings``."""

    def __init__(self, qsettings: QSettings) -> None:
        self._qs = qsettings

    @property
    def qsettings(self) -> QSettings:
        return self._qs

    def load(self) -> Settings:
        qs = self._qs
        lang = str(qs.value(LANGUAGE, "zh_CN", type=str))
        size = int(qs.value(TEXT_SIZE, 12, type=int))  # type: ignore[call-overload]
        return Settings(
            reviewer=str(qs.value(REVIEWER, "", type=str)),
            asked_name=bool(qs.value(ASKED_NAME, False, type=bool)),
            checklist_path=str(qs.value(CHECKLIST, "", type=str)),
            letter_template=str(qs.value(LETTER_TEMPLATE, "", type=str)),
            language=lang if lang in LANGUAGES else "zh_CN",
            text_size=min(max(size, 8), 32),
            last_project=str(qs.value(LAST_PROJECT, "", type=str)),
            places=_places(qs.value(PLACES, "", type=str), qs.value(LAST_REPORTS, [])),
            recent_projects=_strings(qs.value(RECENT, [])),
        )

    def save(self, s: Settings) -> None:
        qs = self._qs
        qs.setValue(REVIEWER, s.reviewer)
        qs.setValue(ASKED_NAME, s.asked_name)
        qs.setValue(CHECKLIST, s.checklist_path)
        qs.setValue(LETTER_TEMPLATE, s.letter_template)
        qs.setValue(LANGUAGE, s.language)
        qs.setValue(TEXT_SIZE, s.text_size)
        qs.setValue(LAST_PROJECT, s.last_project)
        qs.setValue(PLACES, json.dumps({p: asdict(place) for p, place in s.places.items()}, ensure_ascii=False))
        qs.remove(LAST_REPORTS)  # read into PLACES
        qs.setValue(RECENT, list(s.recent_projects))
        qs.sync()

    def blob(self, key: str) -> QByteArray | None:
        value = self._qs.value(key, None)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_blob(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()
