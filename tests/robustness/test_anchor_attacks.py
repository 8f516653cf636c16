"""The signed berita acara anchors the database (issue 10, points 2 and 6): attacks on the real
files, each found by ``verify FILE.pdf --db`` and by ``audit verify``.

The meeting is locked through the command line (``sign --meeting``); then, as someone holding
the laptop would, the lock triggers are dropped with sqlite3 and the records edited, the audit
chain cut or re-hashed, and the signed PDF appended to or cut back a revision.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from assembly.cli import main
from assembly.domain.cooperative import TimeZone
from assembly.domain.record_digest import AuditHead
from tests.robustness.anchor_fixtures import (
    Locked,
    cut_back_one_revision,
    drop_lock_triggers,
    locked_meeting,
    raw,
    rehash_chain,
)
from tests.services.signing_fixtures import Keys


def verify(
    locked: Locked, capsys: pytest.CaptureFixture[str], pdf: Path | None = None
) -> tuple[int, str]:
    code = main(["verify", str(pdf or locked.pdf), "--db", str(locked.db)])
    return code, capsys.readouterr().out


def audit(locked: Locked, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", str(locked.db), *extra])
    return code, capsys.readouterr().out


def test_the_signed_file_carries_the_anchor_and_an_untouched_database_matches(
    locked: Locked, capsys: pytest.CaptureFixture[str]
) -> None:
    reader = PdfReader(locked.pdf)
    anchor = json.loads(reader.attachments["jangkar.json"][0])
    assert anchor["rapat"] == locked.meeting_id
    assert anchor["log_audit"]["peristiwa"] == locked.anchor_seq
    assert set(anchor["bagian"]) == {"kehadiran", "anggota", "partisipasi", "perolehan",
                                     "suara_terbuka", "keputusan", "catatan"}  # fmt: skip
    assert anchor["bagian"]["kehadiran"]["jumlah"] == 7
    # Printed on every page, the signature page among them.
    for page in reader.pages:
        text = "".join(page.extract_text().split())
        assert f"logauditperistiwa{locked.anchor_seq}" in text
        assert anchor["intisari"] in text

    code, out = verify(locked, capsys)
    assert code == 0, out
    assert "Basis data cocok" in out and "HASIL: SAH dan basis data cocok" in out
    code, out = audit(locked, capsys)
    assert code == 0, out
    assert "Log audit utuh" in out


def test_five_attendance_rows_deleted_with_the_triggers_dropped(
    locked: Locked, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute(
        "DELETE FROM attendance WHERE id IN (SELECT id FROM attendance WHERE meeting_id = ? "
        "ORDER BY id LIMIT 5)",
        (locked.meeting_id,),
    )
    conn.close()
    code, out = verify(locked, capsys)
    assert code == 1
    assert "kehadiran berubah: 5 anggota dihapus" in out
    assert "HASIL: TIDAK SAH" in out
    code, out = audit(locked, capsys)
    assert code == 1
    assert "pemicu penguncian hilang" in out and "lock_attendance_delete" in out
    assert f"rapat {locked.meeting_id}: kehadiran berubah: 5 anggota dihapus" in out


def test_a_named_vote_changed(locked: Locked, capsys: pytest.CaptureFixture[str]) -> None:
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute(
        "UPDATE named_votes SET choice = 'tidak_setuju' WHERE ballot_id = ? AND choice = 'setuju'",
        (locked.ballot_id,),
    )
    conn.close()
    code, out = verify(locked, capsys)
    assert code == 1
    assert f"suara ballot {locked.ballot_id} berubah" in out
    assert "kehadiran berubah" not in out  # the difference is named, not everything
    code, out = audit(locked, capsys)
    assert code == 1 and f"suara ballot {locked.ballot_id} berubah" in out


def test_a_note_changed(locked: Locked, capsys: pytest.CaptureFixture[str]) -> None:
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute(
        "UPDATE agenda_items SET notes = 'Laporan ditolak.' WHERE meeting_id = ? AND position = 1",
        (locked.meeting_id,),
    )
    conn.close()
    code, out = verify(locked, capsys)
    assert code == 1 and "catatan acara 1 berubah" in out


def test_the_audit_chain_truncated(locked: Locked, capsys: pytest.CaptureFixture[str]) -> None:
    keep = locked.anchor_seq - 4
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
    conn.close()
    code, out = verify(locked, capsys)
    assert code == 1
    assert f"log audit dipotong setelah peristiwa {keep}" in out
    code, out = audit(locked, capsys)
    assert code == 1 and f"log audit dipotong setelah peristiwa {keep}" in out


def test_the_audit_chain_rehashed_after_a_deletion(
    locked: Locked, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute("DELETE FROM audit_events WHERE seq = ?", (locked.anchor_seq // 2,))
    rehash_chain(conn)
    conn.close()
    code, out = main(["audit", "verify", "--db", str(locked.db)]), capsys.readouterr().out
    # The chain alone is whole again; only the anchors outside it show the rewrite.
    assert code == 1
    assert f"log audit ditulis ulang: peristiwa {locked.anchor_seq} tidak sama" in out
    code, out = verify(locked, capsys)
    assert code == 1 and "log audit ditulis ulang" in out


def test_something_appended_to_the_signed_pdf(
    locked: Locked, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An incremental update after the last signature that changes the page."""
    writer = PdfWriter(locked.pdf, incremental=True)
    writer.pages[0].merge_page(_stamp("DIBATALKAN"))
    changed = tmp_path / "ditambah.pdf"
    with changed.open("wb") as out:
        writer.write(out)
    assert changed.read_bytes().startswith(locked.pdf.read_bytes())  # appended, not rewritten
    code, out = main(["verify", str(changed)]), capsys.readouterr().out
    assert code == 1 and "HASIL: TIDAK SAH" in out
    code, out = verify(locked, capsys, changed)
    assert code == 1


def test_bytes_appended_after_the_last_signature(
    locked: Locked, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Bytes after the end of the last signed revision that are no revision at all (a
    careless or hostile tool's leftovers): the signatures still cover what they signed, but
    the file is no longer the one signed."""
    changed = tmp_path / "ekor.pdf"
    changed.write_bytes(locked.pdf.read_bytes() + b"\n% ditambahkan setelah ditandatangani\n")
    code, out = main(["verify", str(changed)]), capsys.readouterr().out
    assert code == 1 and "HASIL: TIDAK SAH" in out


def test_the_anchor_swapped_for_one_that_matches_a_changed_database(
    locked: Locked, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The cleverest edit of the file: delete attendance in the database, compute the anchor
    the changed records would give, and put it in place of the signed one by an incremental
    update. The database now "matches" the file, but the signatures no longer hold."""
    from assembly.services.bundle import Services
    from assembly.services.record_digest import anchor_of

    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute(
        "DELETE FROM attendance WHERE id IN (SELECT id FROM attendance ORDER BY id LIMIT 5)"
    )
    conn.close()
    services = Services.open(locked.db, create=False)
    try:
        with services.ctx.db.read() as c:
            meeting = services.meetings.get(locked.meeting_id)
            forged = anchor_of(c, meeting)
    finally:
        services.close()
    forged = replace(forged, head=json_head(locked.pdf))
    writer = PdfWriter(locked.pdf, incremental=True)
    names = writer.root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    index = [str(n) for n in names[::2]].index("jangkar.json") * 2
    stream = names[index + 1].get_object()["/EF"]["/F"].get_object()
    stream.set_data(forged.to_json())
    swapped = tmp_path / "jangkar-diganti.pdf"
    with swapped.open("wb") as out:
        writer.write(out)
    assert swapped.read_bytes().startswith(locked.pdf.read_bytes())
    reader = PdfReader(swapped)
    assert json.loads(reader.attachments["jangkar.json"][-1])["bagian"]["kehadiran"]["jumlah"] == 2
    code, out = verify(locked, capsys, swapped)
    assert code == 1
    assert "Basis data cocok" in out  # the forged anchor agrees with the forged records ...
    assert "Sesudahnya: DIUBAH" in out and "HASIL: TIDAK SAH" in out  # ... the signatures don't


def json_head(pdf: Path) -> AuditHead:
    head = json.loads(PdfReader(pdf).attachments["jangkar.json"][0])["log_audit"]
    return AuditHead(head["peristiwa"], head["hash"])


def test_the_pdf_cut_back_to_before_the_secretary_signed(
    locked: Locked, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    earlier = tmp_path / "dipotong.pdf"
    earlier.write_bytes(cut_back_one_revision(locked.pdf))
    assert len(PdfReader(earlier).pages) == len(PdfReader(locked.pdf).pages)
    code, out = main(["verify", str(earlier)]), capsys.readouterr().out
    assert code == 1
    assert "belum ditandatangani: Sekretaris Rapat" in out
    # The signature that is there holds: only the missing signer fails the file.
    assert "Hasil: SAH" in out and "HASIL: TIDAK SAH" in out


def test_times_are_shown_in_the_zone_the_anchor_carries(
    locked: Locked, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --db the cooperative's zone comes from the file itself (WIB here)."""
    code, out = main(["verify", str(locked.pdf)]), capsys.readouterr().out
    assert code == 0, out
    times = [line for line in out.splitlines() if "Waktu (menurut penanda tangan)" in line]
    assert len(times) == 2 and all(line.rstrip().endswith("WIB") for line in times)


def test_times_are_shown_in_the_cooperatives_zone_without_a_database(
    cooperative: Any,
    db_path: Path,
    tmp_path: Path,
    keys: Keys,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A cooperative in Makassar: the file says WITA, and verify shows WITA without --db."""
    locked = locked_meeting(cooperative, db_path, tmp_path, keys, monkeypatch, TimeZone.WITA)
    assert json.loads(PdfReader(locked.pdf).attachments["jangkar.json"][0])["zona"] == "WITA"
    capsys.readouterr()
    code, out = main(["verify", str(locked.pdf)]), capsys.readouterr().out
    assert code == 0, out
    times = [line for line in out.splitlines() if "Waktu (menurut penanda tangan)" in line]
    assert len(times) == 2 and all(line.rstrip().endswith("WITA") for line in times)
    code, out = verify(locked, capsys)
    assert code == 0 and out.count("WITA") >= 2


def _stamp(text: str) -> Any:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(200, 400, text)
    pdf.save()
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0]


def test_the_reporting_pack_refuses_a_database_that_no_longer_matches(
    locked: Locked, tmp_path: Path
) -> None:
    from assembly.domain.errors import DomainError
    from assembly.services.bundle import Services

    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute(
        "DELETE FROM attendance WHERE id IN (SELECT id FROM attendance WHERE meeting_id = ? "
        "ORDER BY id LIMIT 5)",
        (locked.meeting_id,),
    )
    conn.close()
    services = Services.open(locked.db, create=False)
    try:
        for signed in (locked.pdf, None):  # the file handed in, or the one stored at the lock
            target = tmp_path / f"paket-{signed is None}"
            with pytest.raises(DomainError, match="kehadiran berubah: 5 anggota dihapus"):
                services.reporting.write(locked.meeting_id, target, signed)
            assert not target.exists()
    finally:
        services.close()
