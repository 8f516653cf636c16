"""Where things landed: an invisible flowable that notes the page it is drawn on, so that the
reconciliation check can name the page of every figure the berita acara states."""

from __future__ import annotations

from reportlab.platypus import Flowable


class PageMark(Flowable):  # type: ignore[misc]
    """Takes no room; when drawn, records its page under ``label`` in ``pages`` (a later
    pass of the layout overwrites an earlier one)."""

    def __init__(self, label: str, pages: dict[str, int]) -> None:
        super().__init__()
        self.label = label
        self.pages = pages
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """No room taken."""
        return 0, 0

    def draw(self) -> None:
        """Note the page."""
        self.pages[self.label] = self.canv.getPageNumber()
