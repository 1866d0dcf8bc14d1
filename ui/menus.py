"""The window's actions, menus and toolbar (text and shortcuts in one place)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar


@dataclass
class Actions:
    new_project: QAction
    open_project: QAction
    connect_server: QAction
    open_files: QAction
    open_folder: QAction
    export: QAction
    annotate: QAction
    previous_report: QAction
    next_report: QAction
    reanalyze: QAction
    remove_reports: QAction
    reimport: QAction
    samples: QAction
    settings: QAction
    shortcuts: QAction
    guide: QAction
    about: QAction
    find: QAction
    zoom_in: QAction
    zoom_out: QAction
    quit: QAction
    view_review: QAction
    view_compare: QAction
    recent: QMenu


def _action(w: QMainWindow, text: str, shortcut: str | QKeySequence.StandardKey | None = None,
            icon: QStyle.StandardPixmap | None = None, tip: str = "") -> QAction:
    act = QAction(text, w)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        act.setIcon(w.style().standardIcon(icon))
    if tip:
        act.setToolTip(tip)
        act.setStatusTip(tip)
    w.addAction(act)  # shortcuts work even when the toolbar is hidden
    return act


def build_actions(w: QMainWindow) -> Actions:
    sp = QStyle.StandardPixmap
    tr = w.tr
    zoom_in = _action(w, tr("放大文字"), "Ctrl+=")
    zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    return Actions(
        new_project=_action(w, tr("新建审阅项目…"), "Ctrl+N", sp.SP_FileDialogNewFolder),
        open_project=_action(w, tr("打开审阅项目…"), None, sp.SP_DialogOpenButton),
        connect_server=_action(w, tr("连接审阅服务器…"), None, sp.SP_DriveNetIcon,
                               tr("打开团队在审阅服务器上共享的项目")),
        open_files=_action(w, tr("打开文件…"), "Ctrl+O", sp.SP_FileIcon, tr("打开一份或多份报告 (Ctrl+O)")),
        open_folder=_action(
            w, tr("打开文件夹…"), "Ctrl+Shift+O", sp.SP_DirOpenIcon, tr("打开文件夹中的全部报告 (Ctrl+Shift+O)")
        ),
        export=_action(
            w, tr("导出Excel…"), "Ctrl+E", sp.SP_DialogSaveButton, tr("把审阅结果导出为 Excel 工作簿 (Ctrl+E)")
        ),
        annotate=_action(w, tr("退回单位（批注版）…"), None, None,
                         tr("把审阅意见写成 Word 批注，生成退回单位的批注版报告和审阅意见书")),
        previous_report=_action(w, tr("上一份"), "Alt+Up", sp.SP_ArrowUp, tr("上一份报告 (Alt+↑)")),
        next_report=_action(w, tr("下一份"), "Alt+Down", sp.SP_ArrowDown, tr("下一份报告 (Alt+↓)")),
        reanalyze=_action(w, tr("重新分析"), "F5", sp.SP_BrowserReload, tr("用当前核查清单重新分析项目中的报告 (F5)")),
        remove_reports=_action(w, tr("从项目中移除…"), None, sp.SP_TrashIcon, tr("把选中的报告移出项目 (Delete)")),
        reimport=_action(
            w, tr("重新导入已更改的报告"), None, None, tr("源文件已更改的报告：重新读入，原有判断标为待复核")
        ),
        samples=_action(w, tr("打开示例项目")),
        settings=_action(w, tr("设置…"), "Ctrl+,"),
        shortcuts=_action(w, tr("快捷键…")),
        guide=_action(w, tr("审阅指南…"), "F1"),
        about=_action(w, tr("关于")),
        find=_action(w, tr("查找…"), "Ctrl+F"),
        zoom_in=zoom_in,
        zoom_out=_action(w, tr("缩小文字"), "Ctrl+-"),
        quit=_action(w, tr("退出"), "Ctrl+Q"),
        view_review=_page(w, tr("审阅"), "Ctrl+1", tr("逐份审阅：报告、正文和核查清单 (Ctrl+1)"), True),
        view_compare=_page(w, tr("对比"), "Ctrl+2", tr("全部报告对比：核查矩阵和指标图 (Ctrl+2)"), False),
        recent=QMenu(tr("最近的审阅项目"), w),
    )


def _page(w: QMainWindow, text: str, shortcut: str, tip: str, checked: bool) -> QAction:
    """One of the two exclusive page actions (审阅 / 对比)."""
    act = _action(w, text, shortcut, None, tip)
    act.setCheckable(True)
    act.setChecked(checked)
    group = w.findChild(QActionGroup, "pages") or QActionGroup(w)
    group.setObjectName("pages")
    group.addAction(act)
    return act


def all_actions(a: Actions) -> list[QAction]:
    """Every action of the window, in menu order (the shortcut list and filter read them)."""
    return [v for v in vars(a).values() if isinstance(v, QAction)]


def build_menus(w: QMainWindow, a: Actions) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu(w.tr("文件(&F)"))
    for act in (a.new_project, a.open_project, a.connect_server):
        file_menu.addAction(act)
    file_menu.addMenu(a.recent)
    file_menu.addSeparator()
    for act in (a.open_files, a.open_folder):
        file_menu.addAction(act)
    file_menu.addSeparator()
    file_menu.addAction(a.export)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    review = bar.addMenu(w.tr("审阅(&R)"))
    for act in (a.previous_report, a.next_report, a.reanalyze):
        review.addAction(act)
    review.addSeparator()
    for act in (a.reimport, a.remove_reports):
        review.addAction(act)
    export_menu = bar.addMenu(w.tr("导出(&X)"))
    for act in (a.export, a.annotate):
        export_menu.addAction(act)
    view = bar.addMenu(w.tr("视图(&V)"))
    for act in (a.view_review, a.view_compare):
        view.addAction(act)
    view.addSeparator()
    for act in (a.find, a.zoom_in, a.zoom_out):
        view.addAction(act)
    tools = bar.addMenu(w.tr("工具(&T)"))
    tools.addAction(a.settings)
    help_menu = bar.addMenu(w.tr("帮助(&H)"))
    for act in (a.guide, a.shortcuts, a.samples):
        help_menu.addAction(act)
    help_menu.addSeparator()
    help_menu.addAction(a.about)


def build_toolbar(w: QMainWindow, a: Actions) -> QToolBar:
    tb = w.addToolBar(w.tr("工具栏"))
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setToolButtonStyle(tb.toolButtonStyle().ToolButtonTextBesideIcon)
    for act in (a.open_files, a.open_folder, a.export):
        tb.addAction(act)
    tb.addSeparator()
    for act in (a.previous_report, a.next_report, a.reanalyze):
        tb.addAction(act)
    tb.addSeparator()
    for act in (a.view_review, a.view_compare):
        tb.addAction(act)
    return tb
