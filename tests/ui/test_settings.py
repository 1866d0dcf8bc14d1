"""Settings survive a restart with their types (INI returns strings otherwise)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

from ui.settings import LAST_REPORTS, PLACES, Place, Settings, SettingsStore


def test_settings_round_trip_with_types(tmp_path: Path) -> None:
    path = str(tmp_path / "s.ini")
    s = Settings(reviewer="李四", checklist_path="/x/清单.toml", language="en", text_size=15)
    s.remember_project("/p/a.review")
    s.remember_project("/p/b.review")
    s.remember_project("/p/a.review")
    SettingsStore(QSettings(path, QSettings.Format.IniFormat)).save(s)
    back = SettingsStore(QSettings(path, QSettings.Format.IniFormat)).load()
    assert back == s
    assert back.recent_projects == ["/p/a.review", "/p/b.review"]
    assert isinstance(back.text_size, int)


def test_single_recent_project_and_bad_values(tmp_path: Path) -> None:
    path = str(tmp_path / "s.ini")
    Path(path).write_text("[ui]\ntext_size=huge\nlanguage=xx\n[project]\nrecent=/only/one.review\n", encoding="utf-8")
    back = SettingsStore(QSettings(path, QSettings.Format.IniFormat)).load()
    assert back.recent_projects == ["/only/one.review"]
    assert back.language == "zh_CN"
    assert 8 <= back.text_size <= 32


def test_where_each_project_was_left_survives_a_restart(tmp_path: Path) -> None:
    path = str(tmp_path / "s.ini")
    s = Settings()
    s.remember_project("/p/a.review")
    s.remember_project("postgresql://h:5432/区县审阅")
    s.places["/p/a.review"] = Place(report="a" * 64, text='津南, "区" =;#', status="审阅中", compare=True, tab=2)
    s.places["postgresql://h:5432/区县审阅"] = Place(everyone=True)
    s.places["/gone.review"] = Place(report="b" * 64)
    s.remember_project("/p/a.review")  # a project dropped from the recent ones is forgotten
    SettingsStore(QSettings(path, QSettings.Format.IniFormat)).save(s)
    back = SettingsStore(QSettings(path, QSettings.Format.IniFormat)).load()
    assert back.places == {"/p/a.review": s.places["/p/a.review"],
                           "postgresql://h:5432/区县审阅": Place(everyone=True)}


def test_the_report_on_show_of_an_older_settings_file_is_kept_and_bad_places_are_defaults(tmp_path: Path) -> None:
    path = str(tmp_path / "s.ini")
    old = QSettings(path, QSettings.Format.IniFormat)
    old.setValue(LAST_REPORTS, ["/p/a.review\x1f" + "a" * 64, "/p/b.review\x1f" + "b" * 64])
    old.setValue(PLACES, json.dumps({"/p/b.review": {"text": 3, "tab": "1", "compare": True}, "/p/c.review": []}))
    old.sync()
    back = SettingsStore(QSettings(path, QSettings.Format.IniFormat)).load()
    assert back.places == {"/p/a.review": Place(report="a" * 64), "/p/b.review": Place(compare=True),
                           "/p/c.review": Place()}
    Path(path).write_text("[project]\nplaces=not json\n", encoding="utf-8")
    assert SettingsStore(QSettings(path, QSettings.Format.IniFormat)).load().places == {}
