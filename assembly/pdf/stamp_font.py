"""The font of the signature stamps: DejaVu Sans rescaled to 1000 units per em.

pyHanko writes a TrueType font's raw glyph widths into the PDF, which a reader takes as
thousandths of the font size; DejaVu has 2048 units per em, so its stamps come out
letter-spaced and clipped (stack.md section 5, pitfall 3). The cure is a copy with
unitsPerEm = 1000. We keep the Latin ranges only (names in a cooperative's register are
written in Latin script), which makes the copy small and quick to build, and rename it,
as the Bitstream Vera licence of DejaVu asks of modified copies.

The copy is looked up in ``resources/fonts/KuorumStampSans.ttf`` (shipped) and otherwise
built once into the user's cache folder. ``python -m assembly.pdf.stamp_font FILE`` writes it.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fontTools.ttLib.scaleUpem import scale_upem  # type: ignore[import-untyped]
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

from assembly.domain.errors import DomainError
from assembly.i18n import tr

FAMILY = "Kuorum Stamp Sans"
POSTSCRIPT_NAME = "KuorumStampSans"
UNITS_PER_EM = 1000

_FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SHIPPED = _FONTS / "KuorumStampSans.ttf"
_SOURCES = (
    _FONTS / "DejaVuSans.ttf",
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
)

# Basic Latin to Latin Extended-B, Latin Extended Additional, and the punctuation a
# name or a date can carry (dashes, quotes, ellipsis, the dot of "Hj.", the middle dot).
_UNICODES = [
    *range(0x20, 0x250),
    *range(0x1E00, 0x1F00),
    *range(0x2010, 0x2027),
    0x2030,
    0x20AC,
    0x2122,
]


@dataclass(frozen=True)
class StampFont(GlyphAccumulatorFactory):
    """pyHanko's font factory, fed from memory: its own opens the font file for every
    stamp and never closes it (a ResourceWarning, an error under our tests)."""

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        """A glyph accumulator over the font's bytes, read once per process."""
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(_font_bytes(self.font_file)),
            font_size=self.font_size,
            ot_script_tag=self.ot_script_tag,
            ot_language_tag=self.ot_language_tag,
            writing_direction=self.writing_direction,
            bcp47_lang_code=self.bcp47_lang_code,
            obj_stream=obj_stream,
        )


def stamp_font(size: int) -> StampFont:
    """The stamp font at ``size`` points."""
    return StampFont(str(stamp_font_path()), font_size=size)


@functools.cache
def _font_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


def stamp_font_path() -> Path:
    """The 1000-UPM stamp font: the shipped copy, or one built once into the cache."""
    if SHIPPED.is_file():
        return SHIPPED
    source = _source_font()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    cached = Path(platformdirs.user_cache_dir("Kuorum", appauthor=False))
    target = cached / f"{POSTSCRIPT_NAME}-{digest}.ttf"
    if not target.is_file():
        build_stamp_font(source, target)
    return target


def build_stamp_font(source: Path, target: Path) -> None:
    """Write the Latin subset of ``source`` at 1000 units per em, renamed, to ``target``
    (atomically, so two processes building it at once do no harm)."""
    font = TTFont(source)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables = [*options.drop_tables, "FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_UNICODES)
    subsetter.subset(font)
    scale_upem(font, UNITS_PER_EM)
    _rename(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".ttf")
    os.close(handle)
    try:
        font.save(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _source_font() -> Path:
    for path in _SOURCES:
        if path.is_file():
            return path
    raise DomainError(
        tr(
            "Fon stempel tanda tangan tidak ditemukan: taruh DejaVuSans.ttf di {folder}.",
            folder=_FONTS,
        )
    )


def _rename(font: TTFont) -> None:
    """A new name for the modified copy; copyright and licence records stay."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(
                POSTSCRIPT_NAME, record.nameID, record.platformID, record.platEncID, record.langID
            )


if __name__ == "__main__":
    build_stamp_font(_source_font(), Path(sys.argv[1]) if len(sys.argv) > 1 else SHIPPED)
