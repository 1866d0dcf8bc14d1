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


def test_an_empty_table_cell_gives_no_line(tmp_path: Path) -> None:
    """An empty cell (an empty paragraph, as LibreOffice writes one, or a blank one) gave a blank line in
    the middle of the table; a cell's blank paragraphs give nothing, as in a .docx."""
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P

    table = Table(name="统计表")
    table.addElement(TableColumn(numbercolumnsrepeated=3))
    for values in (("指标", "", "数值"), ("行政复议", " ", "59件"), ("", None, "")):
        tr = TableRow()
        for value in values:
            cell = TableCell()
            if value is not None:
                cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    cell = TableCell()  # a heading after an empty paragraph in one cell keeps its hint on its own line
    cell.addElement(P(text=""))
    cell.addElement(H(outlinelevel=2, text="（一）备注"))
    tr = TableRow()
    tr.addElement(cell)
    table.addElement(tr)
    doc = OpenDocumentText()
    doc.text.addElement(P(text="附表"))
    doc.text.addElement(table)
    doc.text.addElement(P(text=""))  # a blank line outside a table stays, as written
    doc.text.addElement(P(text="特此报告。"))
    path = tmp_path / "empty_cells.odt"
    doc.save(str(path))
    loaded = load(path)
    assert loaded.text == "附表\n指标\n数值\n行政复议\n59件\n（一）备注\n\n特此报告。\n"
    assert [(h.line, h.level) for h in loaded.hints] == [(5, 2)]
