"""``python -m tests.screenshot_team OUT.png [--offline]``: the window of a reviewer on a project the
team shares on a real PostgreSQL (started here, as the tests start it).

张三 is connected; the lead has assigned two reports to 张三 (so 我的报告 shows them first) and 李四
has decided an item 张三 is looking at (the decision shows who made it and when). ``--offline``
stops the server after 张三 ticks an item: the status bar shows the outbox. Run under Xvfb with a
CJK font (``Xvfb :98 -screen 0 1366x768x24``; ``DISPLAY=:98 QT_QPA_PLATFORM=xcb``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]


def _prepare(cluster: object, scratch: Path) -> tuple[str, list[str]]:
    from reviewer.batch import import_reports
    from reviewer.checklist import load_checklist
    from reviewer.server_admin import add_reviewer, init_server
    from reviewer.store import open_store
    from tests.pgcluster import PgCluster

    assert isinstance(cluster, PgCluster)
    cluster.create_database("法治年报2026")
    owner = cluster.url("法治年报2026")
    init_server(owner)
    for name, lead in (("张三", False), ("李四", False), ("王组长", True)):
        add_reviewer(owner, name, f"pw-{name}", lead=lead)
    store = open_store(owner)
    import_reports([str(ROOT / "seeds")], load_checklist(), store)
    shas = [r.sha256 for r in store.reports()]
    store.close()
    li = open_store(cluster.url("法治年报2026", "李四", "pw-李四"))
    li.set_decision(shas[0], "measures", "不符合", "举措部分缺少具体数据，请补充办理件数", "李四")
    li.close()
    lead = open_store(cluster.url("法治年报2026", "王组长", "pw-王组长"))
    lead.assign([shas[2], shas[0]], "张三")  # type: ignore[attr-defined]
    lead.close()
    return cluster.url("法治年报2026", "张三", "pw-张三"), shas


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--offline", action="store_true")
    args = ap.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="team-shot-"))
    os.environ["FAZHI_REVIEWER_DATA"] = str(scratch)
    from tests.pgcluster import PgCluster

    cluster = PgCluster()
    cluster.init()
    cluster.start()
    try:
        url, shas = _prepare(cluster, scratch)
        return _shoot(url, shas, args.out, args.offline, cluster)
    finally:
        cluster.destroy()


def _shoot(url: str, shas: list[str], out: Path, offline: bool, cluster: object) -> int:
    import keyring

    from reviewer.credentials import SERVICE
    from reviewer.location import parse_server
    from tests.keyring_backend import FileKeyring
    from tests.pgcluster import PgCluster
    from ui.app import apply_style
    from ui.main_window import MainWindow
    from ui.settings import SettingsStore

    assert isinstance(cluster, PgCluster)
    os.environ["FAZHI_TEST_KEYRING"] = str(Path(os.environ["FAZHI_REVIEWER_DATA"]) / "keyring.json")
    keyring.set_keyring(FileKeyring())
    address = parse_server(url)
    keyring.set_password(SERVICE, address.key, address.password or "")
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_style(app)
    settings = SettingsStore(QSettings(str(Path(os.environ["FAZHI_REVIEWER_DATA"]) / "s.ini"),
                                       QSettings.Format.IniFormat))
    window = MainWindow(settings, address.url())
    window.show()
    window.controller.load_project()

    def pose() -> None:
        window.reports.select_report(shas[0])
        window.checklist.select_item("measures")
        if offline:
            cluster.stop()
            window.session.set_decision(shas[0], "first_responsible", "符合", "")
        QTimer.singleShot(6000 if offline else 2500, grab)

    def grab() -> None:
        window.grab().save(str(out))
        app.quit()

    window.controller.project_loaded.connect(lambda: QTimer.singleShot(1500, pose))
    app.exec()
    if offline:
        cluster.start()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
