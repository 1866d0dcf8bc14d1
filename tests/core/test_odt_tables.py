"""An .odt's tables are read cell by cell once: a table inside a cell gives its cells once, in their place
(found in a review: a nested table's cells came out twice and its 4321件 was counted twice)."""

from __future__ import annotations

from pathlib import Path

from reviewer.analyze import analyze_document
from reviewer.load import load


def _nested_odt(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
    from odf.text import P

    def row(*cells: object) -> TableRow:
        tr = TableRow()
        for value in cells:
            cell = TableCell()
            if isinstance(value, str):
                cell.addElement(P(text=value))
            else:
                cell.addElement(value)
            tr.addElement(cell)
        return tr

    inner = Table(name="内表")
    inner.addElement(TableColumn(numbercolumnsrepeated=2))
    inner.addElement(row("受理行政复议案件", "4321件"))
    outer = Table(name="外表")
    outer.addElement(TableColumn(numbercolumnsrepeated=2))
    header = TableHeaderRows()
    header.addElement(row("指标", "数值"))
    outer.addElement(header)
    outer.addElement(row("行政复议", inner))
    outer.addElement(row("行政应诉", "89件"))
    doc = OpenDocumentText()
    doc.text.addElement(P(text="附表"))
    doc.text.addElement(outer)
    doc.text.addElement(P(text="特此报告。"))
    doc.save(str(path))
    return path


def test_a_table_in_a_table_cell_is_read_once_in_its_place(tmp_path: Path) -> None:
    doc = load(_nested_odt(tmp_path / "nested.odt"))
    assert doc.text == "附表\n指标\n数值\n行政复议\n受理行政复议案件\n4321件\n行政应诉\n89件\n特此报告。\n"
    assert [m.text for m in analyze_document(doc).metrics if m.value == 4321] == ["4321件"]
