"""Correcting one mis-keyed named vote while its ballot is open (issue 12, point 4): the stored
choice changes, the audit log keeps the old and the new choice with the reason, the tally at
closing counts the corrected vote, and the berita acara (parsed back from the real PDF) lists the
correction. Refused, changing nothing, once the ballot is closed, for a secret ballot, without a
reason, for a member who has not voted, and when nothing would change; an edit made in the
file behind the service's back is not listed as a correction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from assembly.domain.ballots import BallotMode, Choice
from assembly.domain.errors import DomainError
from assembly.persistence import audit_log
from assembly.persistence.tables import named_votes
from assembly.services.bundle import Services
from tests.behind_the_back import tamper
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall


def _stored(hall: Hall, ballot_id: int) -> dict[int, str]:
    with hall.services.ctx.db.read() as conn:
        rows = conn.execute(
            sa.select(named_votes.c.member_id, named_votes.c.choice).where(
                named_votes.c.ballot_id == ballot_id
            )
        )
        return {r[0]: r[1] for r in rows}


def _head(s: Services) -> int:
    with s.ctx.db.read() as conn:
        head = audit_log.head(conn)
    assert head is not None
    return head.seq


def _named_ballot(hall: Hall) -> int:
    s = hall.services
    item = no_consensus(hall, 2)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU dibagi")
    assert ballot.id is not None
    for number, choice in (("0001", Choice.YES), ("0002", Choice.YES), ("0003", Choice.NO)):
        s.ballots.cast(ballot.id, number, choice)
    return ballot.id


def test_a_mis_keyed_vote_is_corrected_audited_counted_and_minuted(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    ballot_id = _named_ballot(hall)

    corrected, changes = s.vote_corrections.correct_named_vote(
        ballot_id, "0003", Choice.YES, "  salah tekan: anggota menyatakan setuju  "
    )
    assert (corrected.number, corrected.old, corrected.new) == ("0003", "Tidak setuju", "Setuju")
    assert corrected.reason == "salah tekan: anggota menyatakan setuju"
    assert changes.areas
    assert _stored(hall, ballot_id)[hall.ids["0003"]] == "setuju"
    with s.ctx.db.read() as conn:
        event = next(e for e in audit_log.events(conn) if e.kind == "ballot.vote_corrected")
    assert json.loads(event.payload) == {
        "ballot": ballot_id, "member": "0003", "name": "Anggota Nomor 3",
        "old": "tidak_setuju", "new": "setuju",
        "reason": "salah tekan: anggota menyatakan setuju",
    }  # fmt: skip
    assert [(c.number, c.old, c.new) for c in s.vote_corrections.corrections(ballot_id)] == [
        ("0003", "Tidak setuju", "Setuju")
    ]
    assert s.audit.verify().intact  # the correction is chained like every change

    result, _ = s.ballots.close(ballot_id)
    assert result.tally["setuju"] == 3 and result.tally["tidak_setuju"] == 0

    # Once closed, the tally is final.
    before = _head(s)
    with pytest.raises(DomainError, match="sudah ditutup"):
        s.vote_corrections.correct_named_vote(ballot_id, "0003", Choice.NO, "lagi")
    assert _head(s) == before and _stored(hall, ballot_id)[hall.ids["0003"]] == "setuju"

    pdf = tmp_path / "ba.pdf"
    s.minutes.export(hall.meeting_id, pdf)
    text = " ".join((p.extract_text() or "") for p in PdfReader(pdf).pages)
    text = " ".join(text.split())
    assert "1 suara dikoreksi: 0003 Anggota Nomor 3 dari Tidak setuju menjadi Setuju" in text
    assert "alasan: salah tekan: anggota menyatakan setuju" in text
    # The embedded data file says it too, for a member checking the numbers.
    (data,) = PdfReader(pdf).attachments["hasil_suara.json"]
    (first,) = [b for b in json.loads(data)["pemungutan_suara"] if b["mode"] == "terbuka"]
    assert first["koreksi_suara"] == [
        {"nomor_anggota": "0003", "nama": "Anggota Nomor 3", "semula": "tidak_setuju",
         "menjadi": "setuju", "alasan": "salah tekan: anggota menyatakan setuju"}
    ]  # fmt: skip
    assert {"nomor_anggota": "0003", "nama": "Anggota Nomor 3", "pilihan": "setuju",
            "melalui_kuasa": None} in first["suara_terbuka"]  # fmt: skip


def test_refusals_change_nothing(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    ballot_id = _named_ballot(hall)
    stored, head = _stored(hall, ballot_id), _head(s)
    cases = (
        ("0003", Choice.YES, "   ", "Sebutkan alasan koreksi suara"),
        ("0004", Choice.YES, "salah", "Anggota Nomor 4 belum memberikan suara"),
        ("0003", Choice.NO, "salah", "sama dengan suara yang tercatat"),
        ("0003", Choice.INVALID, "salah", "Pilih setuju, tidak setuju atau abstain"),
        ("0777", Choice.YES, "salah", "Nomor anggota 0777 tidak ditemukan"),
    )
    for number, choice, reason, message in cases:
        with pytest.raises(DomainError, match=message):
            s.vote_corrections.correct_named_vote(ballot_id, number, choice, reason)
    assert _stored(hall, ballot_id) == stored and _head(s) == head


def test_a_secret_ballot_cannot_be_corrected(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    item = no_consensus(hall, 2)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, item, BallotMode.SECRET, "SHU dibagi")
    assert ballot.id is not None
    s.ballots.cast(ballot.id, "0001", Choice.NO)
    head = _head(s)
    with pytest.raises(DomainError, match="Hanya suara pada pemungutan suara terbuka"):
        s.vote_corrections.correct_named_vote(ballot.id, "0001", Choice.YES, "salah tekan")
    assert _head(s) == head


def test_an_election_vote_is_corrected_by_candidate(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    item = no_consensus(hall, 4)
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pengawas", 1, ["0002", "0003"], BallotMode.NAMED
    )
    assert ballot.id is not None
    s.ballots.cast(ballot.id, "0001", ["0002"])
    corrected, _ = s.vote_corrections.correct_named_vote(ballot.id, "0001", ["0003"], "salah")
    assert (corrected.old, corrected.new) == ("Anggota Nomor 2", "Anggota Nomor 3")
    assert s.elections.ranking(ballot.id)[0] == ("Anggota Nomor 3", 1)
    with pytest.raises(DomainError, match="paling banyak 1 calon"):
        s.vote_corrections.correct_named_vote(ballot.id, "0001", ["0002", "0003"], "salah")


def test_a_silent_edit_in_the_file_is_no_correction(cooperative: Services, db_path: Path) -> None:
    """The attack: someone edits a named vote in the file, not through the service. The
    audit log has no correction for it, so the minutes' list of corrections stays empty and
    the vote's own audit record still says what was keyed."""
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    ballot_id = _named_ballot(hall)
    with s.ctx.db.write() as conn:
        conn.execute(
            sa.update(named_votes)
            .where(named_votes.c.member_id == hall.ids["0003"])
            .values(choice="setuju")
        )
    assert s.vote_corrections.corrections(ballot_id) == []
    with s.ctx.db.read() as conn:
        voted = [json.loads(e.payload) for e in audit_log.events(conn) if e.kind == "ballot.voted"]
    assert {"ballot": ballot_id, "member": "0003", "choice": "tidak_setuju"} in voted


def test_rewriting_a_correction_in_the_file_breaks_the_audit_chain(
    cooperative: Services, db_path: Path
) -> None:
    """The attack: someone opens the file (or the server as its superuser), drops any guard
    triggers and rewrites the logged reason (or the old choice) of a correction. The chain no
    longer verifies, and says which event was altered."""
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    ballot_id = _named_ballot(hall)
    s.vote_corrections.correct_named_vote(ballot_id, "0003", Choice.YES, "salah tekan")
    assert s.audit.verify().intact
    changed = tamper(
        db_path,
        "UPDATE audit_events SET payload = replace(payload, 'salah tekan', 'permintaan ketua')"
        " WHERE kind = 'ballot.vote_corrected'",
        guards_of=("audit_events",),
    )
    assert changed == [1]
    assert s.vote_corrections.corrections(ballot_id)[0].reason == "permintaan ketua"
    report = s.audit.verify()
    assert not report.intact and "telah diubah" in report.summary
