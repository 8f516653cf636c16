"""Online attendance from the platform's participant list: all or nothing, unknown numbers
listed with their rows, repeated joins counted once, only for daring or hibrida meetings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assembly.domain.attendance import Channel, EventKind
from assembly.domain.errors import DomainError, ValidationError
from assembly.domain.meeting import MeetingMode
from assembly.services.bundle import Services
from tests.meeting_fixtures import draft_meeting, open_meeting, register_members


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / "peserta.csv"
    path.write_text(text, encoding=encoding)
    return path


def test_a_participant_list_is_recorded_once_per_member(
    cooperative: Services, tmp_path: Path
) -> None:
    ids = register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    cooperative.checkin.check_in(meeting_id, "0001")  # in the hall already
    path = _csv(
        tmp_path,
        "Nomor Anggota;Waktu Bergabung\n"
        "0002;08:55\n"
        "0003;2026-03-14 08:58:30\n"
        "\n"
        "0002;08:50\n"  # left and rejoined: the earliest time counts
        "0001;08:59\n"
        "0009;14/03/2026 08.57\n",
    )
    result, changes = cooperative.attendance_import.import_file(meeting_id, path)
    assert result.imported == 3 and result.skipped == ((6, "0001", "sudah tercatat hadir"),)
    assert "3 peserta daring dicatat hadir" in result.summary
    status = cooperative.checkin.quorum(meeting_id)
    assert status.by_channel[Channel.ONLINE] == 2 and status.by_channel[Channel.IN_PERSON] == 1
    assert status.attending == 4
    (event,) = cooperative.checkin.history(meeting_id, ids["0002"])
    assert event.kind is EventKind.IMPORT
    assert event.at == dt.datetime(2026, 3, 14, 1, 50, tzinfo=dt.UTC)
    assert "attendance" in {a.value for a in changes.areas}
    assert cooperative.audit.verify().intact


def test_unknown_numbers_and_bad_times_are_listed_and_nothing_is_recorded(
    cooperative: Services, tmp_path: Path
) -> None:
    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    head = cooperative.audit.head_hash()
    path = _csv(
        tmp_path,
        "0002,08:55\n0404,08:56\n0003,jam sembilan\n0004,2026-03-13 08:00\n0010,08:57\n0005,\n",
    )
    with pytest.raises(ValidationError) as refused:
        cooperative.attendance_import.import_file(meeting_id, path)
    located = [p.located() for p in refused.value.problems]
    assert located == [
        "baris 2, kolom Nomor anggota: Nomor 0404 tidak terdaftar",
        'baris 3, kolom Waktu bergabung: Waktu "jam sembilan" tidak dapat dibaca',
        "baris 4, kolom Waktu bergabung: Waktu 2026-03-13 08:00 bukan pada tanggal rapat",
        "baris 6, kolom Waktu bergabung: Waktu bergabung wajib diisi",
    ]
    assert "tidak ada yang dicatat" in refused.value.message
    assert cooperative.checkin.quorum(meeting_id).attending == 0
    assert cooperative.audit.head_hash() == head
    # A resigned member on the list is refused the same way, after the lookup.
    with pytest.raises(ValidationError, match="baris 2, kolom Nomor anggota: 0010 Keluar"):
        cooperative.attendance_import.import_file(
            meeting_id, _csv(tmp_path, "0002,08:55\n0010,08:57\n")
        )
    assert cooperative.checkin.quorum(meeting_id).attending == 0


def test_only_online_meetings_take_the_list(cooperative: Services, tmp_path: Path) -> None:
    register_members(cooperative)
    offline = open_meeting(cooperative, MeetingMode.OFFLINE)
    path = _csv(tmp_path, "0002,08:55\n")
    with pytest.raises(DomainError, match="hanya untuk rapat daring atau hibrida"):
        cooperative.attendance_import.import_file(offline, path)
    draft = draft_meeting(cooperative)
    with pytest.raises(DomainError, match="setelah pendaftaran hadir dibuka"):
        cooperative.attendance_import.import_file(draft.id, path)
    with pytest.raises(DomainError, match="kosong"):
        cooperative.attendance_import.import_file(offline, _csv(tmp_path, "\n\n"))


def test_windows_encoded_lists_with_a_future_time_are_refused(
    cooperative: Services, tmp_path: Path
) -> None:
    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    path = _csv(tmp_path, "nomor\twaktu\n0002\t09:30\n", encoding="cp1252")
    with pytest.raises(ValidationError, match=r"Waktu 09\.30 belum terjadi"):
        cooperative.attendance_import.import_file(meeting_id, path)
