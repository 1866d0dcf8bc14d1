"""Which files a batch reads: those given, and the report files found in folders given.

A folder walk names every file a reviewer might expect read (reports, and the archives and office
files of other kinds it can only say it does not read), and the folders it could not look into;
never the system's files and folders, lock files, or the assets of a saved web page.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

# Files a folder walk names although they are no report it reads, so that none goes unmentioned: a
# unit's archive of reports, office files of other kinds, and files with no suffix (read by content).
SAID_IN_FOLDERS = frozenset({".zip", ".rar", ".7z", ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".dps", ".uof", ".uot",
                             ".xps", ".ceb", ".caj", ".docm", ".dot", ".dotx", ".wpt", ".heic", ".heif",
                             ".crdownload", ".part", ".partial", ".download", ""})
_PAGE_ASSETS = (".htm", ".html", ".mht", ".mhtml")
# Files that are no one's document though named like one: Office's, WPS's and editors' lock files
# (~$报告.docx, .~报告.docx, .#报告.txt), LibreOffice's (.~lock.报告.docx#) and the AppleDouble files a
# Mac leaves beside every file it copies to a USB stick (._报告.docx). Other names with a leading dot
# are read: Windows, where reviewers work, shows them as any other file.
_NOT_FILES = ("~$", ".~", "._", ".#")  # .#报告.txt: Emacs's lock (a link to nowhere)


def _not_a_file(name: str) -> bool:
    """A lock or AppleDouble file, or a dot-file without a suffix (.DS_Store, .localized): the system's."""
    return name.startswith(_NOT_FILES) or (name.startswith(".") and "." not in name[1:])


def iter_report_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files given directly, plus the files found recursively in folders, each sorted: report files,
    those in ``SAID_IN_FOLDERS`` and broken links (to be said); not lock files or a Mac's AppleDouble
    files (``_NOT_FILES``), or the pictures and scripts a saved web page keeps in its ``name_files`` folder."""
    from reviewer.formats.registry import report_suffixes

    suffixes = report_suffixes() | SAID_IN_FOLDERS
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files, refused = _walk(p)
            # not folders; a pipe or a device named like a report is said, not skipped (a helper session)
            found = [f for f in files if not f.is_dir()
                     and f.suffix.lower() in suffixes and not _not_a_file(f.name) and not _page_asset(f, p)]
            refused = [d for d in refused if not _page_asset(d / "_", p)]
            listed = sorted([*found, *refused])  # a folder it cannot look into is said, as a file is
            # Files a Mac or Linux hides come after the others: of a hidden copy and the file itself, the
            # one opened is the one the unit sees, the other said to be its copy.
            out.extend(sorted(listed, key=lambda f: f.name.startswith(".")))  # a stable sort: order kept
        else:
            out.append(p)
    return out


def _walk(root: Path) -> tuple[list[Path], list[Path]]:
    """Every file under ``root`` (links to folders not followed; not in hidden or system folders: a
    stick's recycle bin, a .git or .Trash folder), and the folders that could not be listed (no permission): their
    reports would otherwise vanish without a word."""
    files: list[Path] = []
    refused: list[Path] = []

    def not_listed(exc: OSError) -> None:
        if exc.filename is not None:
            refused.append(Path(exc.filename))

    for folder, dirs, names in os.walk(root, onerror=not_listed):
        dirs[:] = [d for d in dirs if not _system_folder(d)]  # a stick's recycle bin holds deleted drafts
        files.extend(Path(folder, n) for n in names)
    return files, refused


# Folders the system keeps on a disk or a USB stick: no unit puts its report there, and they are
# often closed to users (a stick's root then named them as reports that could not be read).
_SYSTEM_FOLDERS = frozenset({"system volume information", "lost+found", "recycler", "recycled"})


def _system_folder(name: str) -> bool:
    return name.startswith((".", "$", "~$")) or name.lower() in _SYSTEM_FOLDERS


def _page_asset(f: Path, root: Path) -> bool:
    """Whether ``f`` lies in the folder of a saved web page's files (``报告_files``, ``报告.files``)."""
    for folder in f.relative_to(root).parents:
        name = folder.name
        stem = name[:-6] if name.endswith(("_files", ".files")) else ""
        if stem and any((root / folder.parent / (stem + s)).is_file() for s in _PAGE_ASSETS):
            return True
    return False
