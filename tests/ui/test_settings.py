"""Settings survive a restart with their types (INI returns strings otherwise)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ui.settings import Settings, SettingsStore


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
