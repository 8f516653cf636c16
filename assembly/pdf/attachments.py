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
from pathlib import Path

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.platypus import Flowable

_READ = 1 << 20  # a file embedded from disk is read and compressed a megabyte at a time


@dataclass(frozen=True)
class Attachment:
    """One file to embed: its name, bytes, MIME type and a one-line description. A long file
    (the Daftar Hadir of 150,000 present, their named votes) is written to disk first and
    embedded from ``path`` instead of ``data``: only its compressed bytes are held until the
    PDF is written (issue 11, point 10)."""

    name: str
    data: bytes
    mime: str
    description: str
    path: Path | None = None

    @classmethod
    def from_file(cls, name: str, path: Path, mime: str, description: str) -> Attachment:
        """The file at ``path``, embedded as ``name``; read when the PDF is laid out."""
        return cls(name, b"", mime, description, path)

    def compressed(self) -> tuple[bytes, int, bytes]:
        """The bytes deflated (zlib, level 9), the size, and the MD5 digest of the file."""
        if self.path is None:
            return zlib.compress(self.data, 9), len(self.data), hashlib.md5(self.data).digest()
        packer = zlib.compressobj(9)
        digest = hashlib.md5()
        size = 0
        parts = []
        with self.path.open("rb") as source:
            while block := source.read(_READ):
                size += len(block)
                digest.update(block)
                parts.append(packer.compress(block))
        parts.append(packer.flush())
        return b"".join(parts), size, digest.digest()


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
            content, size, checksum = file.compressed()
            stream = PDFStream(
                PDFDictionary(
                    {
                        "Type": PDFName("EmbeddedFile"),
                        "Subtype": _mime_name(file.mime),
                        "Params": PDFDictionary(
                            {"Size": size, "CheckSum": PDFString(checksum, enc="raw")}
                        ),
                        "Filter": PDFArray([PDFName("FlateDecode")]),
                    }
                ),
                content=content,
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
