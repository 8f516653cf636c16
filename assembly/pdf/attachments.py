"""Data files carried inside a PDF (PDF 1.7 section 7.11.4, embedded file streams), so a
member can open the attendance and the votes behind the berita acara's numbers.

They are written by ReportLab in the same pass as the pages, not added afterwards:
- one revision only, so the first signature covers them and nothing has to be re-parsed;
- deterministic: the embedded file's parameters carry its size and MD5 checksum but no
  creation or modification date, and no random id, so the same records give the same bytes
  under ReportLab's ``invariant`` mode;
- no second PDF library at run time (pypdf is only a test dependency), and pyHanko's own
  ``FileSpec(af_relationship=...)`` would raise the file to PDF 2.0 (stack.md section 6).
Each file specification carries ``/AFRelationship /Data`` and the catalogue an ``/AF`` array,
as PDF/A-3 expects of associated files; readers of PDF 1.7 ignore both keys.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.platypus import Flowable


@dataclass(frozen=True)
class Attachment:
    """One file to embed: its name, bytes, MIME type and a one-line description."""

    name: str
    data: bytes
    mime: str
    description: str


class EmbeddedFiles(Flowable):  # type: ignore[misc]
    """An invisible flowable that, when drawn, puts ``files`` into the document catalogue's
    ``/Names /EmbeddedFiles`` tree (and ``/AF``). Place it first in the story: it takes no
    room, so it never moves a page break."""

    def __init__(self, files: Sequence[Attachment]) -> None:
        super().__init__()
        self.files = sorted(files, key=lambda f: f.name)  # a name tree is sorted by key
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """No room taken."""
        return 0, 0

    def draw(self) -> None:
        """Write each file as an embedded file stream with its file specification."""
        if not self.files:
            return
        doc = self.canv._doc
        names: list[object] = []
        specs = []
        for file in self.files:
            stream = PDFStream(
                PDFDictionary(
                    {
                        "Type": PDFName("EmbeddedFile"),
                        "Subtype": _mime_name(file.mime),
                        "Params": PDFDictionary(
                            {
                                "Size": len(file.data),
                                "CheckSum": PDFString(hashlib.md5(file.data).digest(), enc="raw"),
                            }
                        ),
                        "Filter": PDFArray([PDFName("FlateDecode")]),
                    }
                ),
                content=zlib.compress(file.data, 9),
            )
            spec = PDFDictionary(
                {
                    "Type": PDFName("Filespec"),
                    "F": PDFString(file.name),
                    "UF": PDFString(file.name),
                    "Desc": PDFString(file.description),
                    "EF": PDFDictionary({"F": doc.Reference(stream)}),
                    "AFRelationship": PDFName("Data"),
                }
            )
            ref = doc.Reference(spec)
            names += [PDFString(file.name), ref]
            specs.append(ref)
        catalog = doc.Catalog
        catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})})
        # /AF is not among the keys ReportLab's catalogue writes; add it for this one.
        catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "AF"]
        catalog.AF = PDFArray(specs)


def _mime_name(mime: str) -> bytes:
    """The MIME type as a PDF name, "/" written as #2F (PDFName would escape the "#")."""
    return b"/" + mime.encode("ascii").replace(b"/", b"#2F")


def read_attachment(data: bytes, name: str) -> bytes | None:
    """The bytes of the embedded file ``name`` in the PDF ``data`` (None when it has none);
    DomainError for a file that is not a readable PDF. Read from the file as it stands: a
    later revision that swapped the file out fails the signatures' check, which the caller
    makes beside this."""
    from assembly.pdf.signed_pdf import open_pdf

    reader = open_pdf(data)
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        for index in range(0, len(names) - 1, 2):
            if str(names[index]) == name:
                stream = names[index + 1]["/EF"]["/F"]
                return bytes(stream.data)
    except (KeyError, TypeError, IndexError, AttributeError, ValueError):
        return None
    return None
