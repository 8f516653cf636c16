"""What signing and verifying share: opening a PDF with a message a person understands, and
keeping pyHanko's diagnostics off the terminal."""

from __future__ import annotations

import io
import logging

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

from assembly.domain.errors import DomainError
from assembly.i18n import tr


def open_pdf(data: bytes) -> PdfFileReader:
    """A reader over ``data``; DomainError with a plain message for anything that is not a
    readable, unencrypted PDF (a truncated download, a Word file renamed .pdf …)."""
    quiet_pyhanko()
    if not data.lstrip()[:5] == b"%PDF-":
        raise DomainError(tr("Berkas ini bukan PDF."))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        encrypted = reader.encrypted
        reader.root  # noqa: B018 -- parse the catalogue now, not halfway through the work
    except (PdfError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        raise DomainError(
            tr("Berkas PDF ini rusak atau terpotong dan tidak dapat dibaca.")
        ) from None
    if encrypted:
        raise DomainError(
            tr("PDF ini dienkripsi dengan kata sandi; Kuorum tidak dapat memprosesnya.")
        )
    return reader


def quiet_pyhanko() -> None:
    """pyHanko logs full tracebacks when it meets changes it cannot explain (stack.md section
    5, pitfall 6); the verification report says the same in words, so keep them off stderr."""
    logger = logging.getLogger("pyhanko")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
