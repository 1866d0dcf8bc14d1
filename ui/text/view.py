"""The centre pane: one report's text exactly as written, read-only, with a find bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reviewer.model import Analysis
from ui import plain
from ui.spans import Utf16Index
from ui.text.highlighter import ReportHighlighter
from ui.text.spans import MarkIndex, build_marks

MIN_SIZE, MAX_SIZE = 8, 32
# The evidence shown: dark blue with white text, unlike any topic's pastel, the amber of a selection
# (style.qss) and a search hit.
EVIDENCE_COLOUR, EVIDENCE_TEXT = "#2f5597", "#ffffff"


class ReportEditor(QPlainTextEdit):
    """Read-only plain text with tooltips taken from the marks under the mouse."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.marks = MarkIndex([])
        hint = self.tr("把报告文件或文件夹拖到窗口中，或按 Ctrl+O 打开文件、Ctrl+Shift+O 打开文件夹。")
        self.setPlaceholderText(hint)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            pos = self.cursorForPosition(self.viewport().mapFrom(self, e.pos())).position()
            tip = self.marks.tip_at(pos)
            if tip:
                QToolTip.showText(e.globalPos(), plain.tip(tip), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


class FindBar(QWidget):
    """Signals: find_requested(text, backwards); closed() when the reviewer closes it (Esc, ×)."""

    find_requested = Signal(str, bool)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("查找"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        prev_btn = QToolButton()
        prev_btn.setText(self.tr("上一个"))
        next_btn = QToolButton()
        next_btn.setText(self.tr("下一个"))
        close_btn = QToolButton()
        close_btn.setText("×")
        close_btn.setToolTip(self.tr("关闭查找栏 (Esc)"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        lay.addWidget(QLabel(self.tr("查找：")))
        lay.addWidget(self.edit, 1)
        lay.addWidget(prev_btn)
        lay.addWidget(next_btn)
        lay.addWidget(self.status)
        lay.addWidget(close_btn)
        self.edit.returnPressed.connect(lambda: self.find_requested.emit(self.edit.text(), False))
        next_btn.clicked.connect(lambda: self.find_requested.emit(self.edit.text(), False))
        prev_btn.clicked.connect(lambda: self.find_requested.emit(self.edit.text(), True))
        close_btn.clicked.connect(self.close_bar)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Shift+Return"), self.edit, lambda: self.find_requested.emit(self.edit.text(), True))

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()


class ReportView(QWidget):
    """Shows one ``Analysis``; positions in the public methods are core (Python) offsets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = ReportEditor()
        self.highlighter = ReportHighlighter(self.editor.document())
        self.find_bar = FindBar()
        self.find_bar.hide()
        self._index = Utf16Index("")
        self.analysis: Analysis | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.editor, 1)
        lay.addWidget(self.find_bar)
        self.find_bar.find_requested.connect(self.find_text)
        # Back to the text, where the reviewer was reading: the focus would otherwise go to the next
        # widget in the window, the report list's filter, and the next key typed filter the list away.
        self.find_bar.closed.connect(self.editor.setFocus)
        self.set_text_size(12)

    def show_analysis(self, a: Analysis | None) -> None:
        if a is self.analysis:
            return
        before, self.analysis = self.analysis, a
        if a is not None and before is not None and a.sha256 == before.sha256 and a.text == before.text:
            self._remark(a)  # the same report analysed again: the reader keeps the place
            return
        text = a.text if a is not None else ""
        self._index = Utf16Index(text)
        marks = MarkIndex(build_marks(a, self._index) if a is not None else [])
        self.editor.marks = marks
        # Marks first, then text: the highlighter formats each block once as it is laid out.
        self.highlighter.set_marks(marks, rehighlight=False)
        self.editor.setPlainText(text)
        self.editor.setExtraSelections([])

    def _remark(self, a: Analysis) -> None:
        """New marks on the text shown (findings over the whole project arrive after the report)."""
        marks = build_marks(a, self._index)
        if marks != self.editor.marks.marks:
            self.editor.marks = MarkIndex(marks)
            self.highlighter.set_marks(self.editor.marks)

    def text_size(self) -> int:
        return self.editor.font().pointSize()

    def set_text_size(self, size: int) -> None:
        font = QFont(self.editor.font())
        font.setPointSize(min(max(size, MIN_SIZE), MAX_SIZE))
        self.editor.setFont(font)
        self.highlighter.set_base_size(font.pointSize())

    def zoom(self, delta: int) -> None:
        self.set_text_size(self.text_size() + delta)

    def scroll_to(self, offset: int) -> None:
        """Put the line holding ``offset`` at the top of the view and the cursor there."""
        pos = self._index.to_qt(offset)
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)  # scrolling back up leaves the target line on top
        cursor.setPosition(pos)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def select_span(self, start: int, end: int) -> None:
        """Show ``[start, end)`` with the evidence highlight (light blue, unlike a selection).

        A span within one line is centred; a longer one (a whole section) is highlighted only on
        its first line, put at the top of the view, so the reviewer sees where it begins instead of
        a screen washed in colour. The cursor goes to its start; nothing is selected, so the
        highlight never looks like a selection the reviewer made.
        """
        qs, qe = self._index.span_to_qt(start, end)
        doc = self.editor.document()
        first = doc.findBlock(qs)
        multi_line = qe > first.position() + first.length()
        if multi_line:
            qe = first.position() + max(first.length() - 1, 0)
            self.scroll_to(self._index.to_py(qs))
        mark = QTextCursor(doc)
        mark.setPosition(qs)
        mark.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        cursor = QTextCursor(doc)
        cursor.setPosition(qs)
        self.editor.setTextCursor(cursor)
        if not multi_line:
            self.editor.centerCursor()
        sel = QTextEdit.ExtraSelection()
        sel.cursor = mark
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(EVIDENCE_COLOUR))
        fmt.setForeground(QColor(EVIDENCE_TEXT))
        sel.format = fmt
        self.editor.setExtraSelections([sel])

    def clear_highlight(self) -> None:
        self.editor.setExtraSelections([])

    def highlighted_span(self) -> tuple[int, int] | None:
        """The evidence shown, in core offsets (None when nothing is highlighted)."""
        sels = self.editor.extraSelections()
        if not sels:
            return None
        c = sels[0].cursor
        return self._index.to_py(c.selectionStart()), self._index.to_py(c.selectionEnd())

    def selected_span(self) -> tuple[int, int]:
        """The reviewer's own selection in core offsets (for tests and callers)."""
        c = self.editor.textCursor()
        return self._index.to_py(c.selectionStart()), self._index.to_py(c.selectionEnd())

    def first_visible_offset(self) -> int:
        return self._index.to_py(self.editor.firstVisibleBlock().position())

    def show_find(self) -> None:
        self.find_bar.show()
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 40:
            self.find_bar.edit.setText(selected)
        self.find_bar.edit.setFocus()
        self.find_bar.edit.selectAll()

    def find_text(self, text: str, backwards: bool = False) -> bool:
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        found = self.editor.find(text, flags)
        if not found:  # wrap around once
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start)
            self.editor.setTextCursor(cursor)
            found = self.editor.find(text, flags)
        self.find_bar.status.setText("" if found else self.tr("未找到"))
        if found:
            self.editor.centerCursor()
        return found

