"""Reading back the data files a PDF carries (PDF 1.7 section 7.11.4): the counterpart of
:mod:`assembly.pdf.attachments`, for checking a received berita acara against its own data."""

from __future__ import annotations

import io

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader


def embedded_files(data: bytes) -> dict[str, bytes]:
    """name -> bytes of every file embedded in the document's name tree (the newest revision);
    an empty dict for a PDF without any. Raises ``ValueError`` for a file that is not a PDF."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        root = reader.root
    except Exception as exc:  # pyHanko raises its own errors for damaged files
        raise ValueError(str(exc)) from exc
    names = root.get("/Names")
    if names is None:
        return {}
    tree = names.get_object().get("/EmbeddedFiles")
    if tree is None:
        return {}
    out: dict[str, bytes] = {}
    _walk(tree.get_object(), out)
    return out


def _walk(node: generic.DictionaryObject, out: dict[str, bytes]) -> None:
    pairs = node.get("/Names")
    if pairs is not None:
        pairs = pairs.get_object()
        for i in range(0, len(pairs) - 1, 2):
            name = str(pairs[i].get_object())
            spec = pairs[i + 1].get_object()
            stream = spec["/EF"].get_object()["/F"].get_object()
            out[name] = stream.data
    for kid in node.get("/Kids", []) or []:
        _walk(kid.get_object(), out)
