"""Where the reviewer left a project — the report on show, the list's filters, the page and the tab
under the text — taken when the project is left and put back when it is opened again, so the
window comes back as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.settings import Place

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def taken(w: MainWindow, before: Place) -> Place:
    """The window's place now; the report of ``before`` while none is on show (a project left before
    the report it was opened on arrived keeps it)."""
    text, status, everyone = w.reports.filters()
    return Place(report=w.reports.current_report() or before.report, text=text, status=status,
                 everyone=everyone, compare=w.pages.currentIndex() == 1, tab=w.tabs.currentIndex())


def put_back(w: MainWindow, place: Place) -> None:
    """Filters, page and tab as ``place`` says; the report itself opens as it arrives (``Controller``)."""
    w.reports.set_filters(place.text, place.status, place.everyone, keep=place.report)
    w.show_page(place.compare)
    w.tabs.setCurrentIndex(place.tab if 0 <= place.tab < w.tabs.count() else 0)
