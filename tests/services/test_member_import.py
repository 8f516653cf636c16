"""Importing the register from real files on a real SQLite file: the encodings, delimiters and
layouts cooperatives use, every problem with its row and column, re-imports, and all rows or
none."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from assembly.domain.errors import DomainError, ValidationError
from assembly.domain.members import Category, Member, Sex, Status
from assembly.services.bundle import Services
from assembly.services.progress import Cancelled, Progress
from tests.behind_the_back import fail_inserts, rows

SITI_NIK = "3171015708450001"  # female, born 17/08/1945, Jakarta
BUDI_NIK = "3273011203700002"  # male, born 12/03/1970, Bandung


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def last_event(db_path: Path) -> tuple[str, dict[str, object]]:
    kind, payload = rows(db_path, "SELECT kind, payload FROM audit_events ORDER BY seq DESC")[0]
    return kind, json.loads(payload)


def test_a_comma_csv_with_the_titles_on_the_first_row(services: Services, tmp_path: Path) -> None:
    source = write(
        tmp_path / "anggota.csv",
        "No Anggota,Nama Lengkap,NIK,Jenis Kelamin,Tgl Lahir,Alamat,Tgl Masuk,Status\n"
        f'A-001,Siti Aminah,{SITI_NIK},P,17/08/1945,"Jl. Merdeka 1, Jakarta",02/05/2001,Aktif\n'
        f"A-002,Budi Santoso,{BUDI_NIK},L,12 Maret 1970,Jl. Asia Afrika 5,2005-01-10,Aktif\n",
    )
    preview = services.importer.preview(source)
    assert (preview.kind, preview.delimiter, preview.encoding) == ("csv", ",", "UTF-8")
    assert preview.header_row == 1 and not preview.problems
    assert preview.summary() == "2 anggota baru, 0 anggota berubah, 0 tidak berubah"
    outcome, changes = services.importer.commit(preview)
    assert outcome.added == 2 and "members" in {a.value for a in changes.areas}
    assert outcome.summary.startswith("Impor selesai: 2 anggota baru ditambahkan")
    siti = services.register.member_by_number("A-001")
    assert siti is not None
    assert (siti.nik, siti.sex, siti.birth_date, siti.address, siti.joined_on) == (
        SITI_NIK,
        Sex.FEMALE,
        dt.date(1945, 8, 17),
        "Jl. Merdeka 1, Jakarta",
        dt.date(2001, 5, 2),
    )


def test_a_semicolon_csv_with_bom_and_the_cooperative_name_above_the_titles(
    services: Services, tmp_path: Path, db_path: Path
) -> None:
    source = write(
        tmp_path / "daftar.csv",
        "\ufeffKOPERASI SIMPAN PINJAM SEJAHTERA;;;;\r\n"
        "BUKU DAFTAR ANGGOTA per 31 Desember 2025;;;;\r\n"
        ";;;;\r\n"
        "No.;No. Anggota;Nama;Kategori;Status;Tgl Keluar\r\n"
        "1;2;3;4;5;6\r\n"
        "1;KSP-0001;Siti Aminah, S.Pd.;Anggota;Aktif;\r\n"
        "2;KSP-0002;Budi;Calon Anggota;Aktif;\r\n"
        "3;KSP-0003;Wayan Sudirta;Anggota;Meninggal Dunia;23 Nov 2025\r\n"
        ";;;;\r\n"
        "Bandung, 31 Desember 2025;;;;\r\n",
    )
    preview = services.importer.preview(source)
    assert (preview.delimiter, preview.encoding, preview.header_row) == (";", "UTF-8 (BOM)", 4)
    assert preview.columns[:3] == ["No.", "No. Anggota", "Nama"]
    assert preview.mapping == {
        "number": "No. Anggota",
        "name": "Nama",
        "category": "Kategori",
        "status": "Status",
        "exit_date": "Tgl Keluar",
    }
    # The "1 2 3" line is skipped silently, the signature line with a warning.
    assert [(p.row, p.warning) for p in preview.problems] == [(10, True)]
    services.importer.commit(preview)
    assert services.register.count() == 3
    wayan = services.register.member_by_number("KSP-0003")
    assert wayan is not None and wayan.status is Status.DECEASED
    assert wayan.exit_date == dt.date(2025, 11, 23)
    budi = services.register.member_by_number("KSP-0002")
    assert budi is not None and budi.category is Category.CANDIDATE
    kind, payload = last_event(db_path)
    assert kind == "members.imported"
    assert payload["file"] == "daftar.csv" and payload["sha256"] == preview.sha256
    assert (payload["added"], payload["updated"], payload["unchanged"]) == (3, 0, 0)


def test_windows_1252_names_with_accents(services: Services, tmp_path: Path) -> None:
    source = write(
        tmp_path / "excel-windows.csv",
        "sep=;\r\nNo. Anggota;Nama Lengkap;Alamat\r\n"
        "K-01;José Muñoz;Jl. Cendana\r\n"
        "K-02;Renée Siregar;Jl. Kenari\r\n",
        encoding="cp1252",
    )
    preview = services.importer.preview(source)
    assert preview.encoding == "Windows-1252" and not preview.problems
    assert preview.delimiter == ";" and preview.header_row == 1  # Excel hides the sep= line
    services.importer.commit(preview)
    names = [services.register.member_by_number(n).name for n in ("K-01", "K-02")]  # type: ignore[union-attr]
    assert names == ["José Muñoz", "Renée Siregar"]


def make_xlsx(path: Path, rows: list[list[object]], title_rows: int = 3) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Anggota"
    sheet.append(["KOPERASI KONSUMEN MAJU BERSAMA"])
    sheet.append(["Buku Daftar Anggota"])
    for _ in range(title_rows - 2):
        sheet.append([])
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=title_rows + 2):
        for cell in cells:
            if isinstance(cell.value, dt.datetime | dt.date):
                cell.number_format = "DD/MM/YYYY"
    book.save(path)
    return path


def test_an_xlsx_with_real_date_cells_and_the_titles_on_row_4(
    services: Services, tmp_path: Path
) -> None:
    source = make_xlsx(
        tmp_path / "anggota.xlsx",
        [
            ["No", "Nomor Induk Anggota", "Nama Anggota", "No. KTP", "Tanggal Masuk", "L/P"],
            [1, 1001, "Siti Aminah", SITI_NIK, dt.datetime(2001, 5, 2), "P"],
            [2, 1002, "Budi Santoso", BUDI_NIK, dt.datetime(1999, 12, 31), "L"],
            ["No", "Nomor Induk Anggota", "Nama Anggota", "No. KTP", "Tanggal Masuk", "L/P"],
            [3, 1003, "Ani", None, "23 Agustus 2010", "P"],
        ],
    )
    preview = services.importer.preview(source)
    assert (preview.kind, preview.sheet, preview.header_row) == ("xlsx", "Anggota", 4)
    assert [r.row for r in preview.rows] == [5, 6, 7, 8]  # row 7 repeats the titles
    assert not preview.problems and len(preview.new) == 3
    services.importer.commit(preview)
    siti = services.register.member_by_number("1001")
    ani = services.register.member_by_number("1003")
    assert siti is not None and siti.joined_on == dt.date(2001, 5, 2) and siti.nik == SITI_NIK
    assert ani is not None and ani.joined_on == dt.date(2010, 8, 23)


def test_a_faulty_file_lists_every_problem_and_writes_nothing(
    services: Services, tmp_path: Path, db_path: Path
) -> None:
    services.register.save(Member("KSP-0100", "Pemegang NIK", nik=SITI_NIK))
    head, count = services.audit.head_hash(), services.register.count()
    source = write(
        tmp_path / "rusak.csv",
        "No. Anggota;Nama;NIK;Tgl Masuk;Status;Tgl Keluar\n"
        f"KSP-0001;Siti;{SITI_NIK};02/05/2001;Aktif;\n"  # 2: NIK of KSP-0100 (both active)
        "KSP-0002;Budi;3273013302001234;31/02/2010;Aktif;\n"  # 3: NIK birth date, impossible date
        "KSP-0003;;;01/01/2030;pasif;\n"  # 4: no name, future date, unknown status
        "KSP-0002;Dodi;;;Keluar;\n"  # 5: duplicate number (no exit date: only counted)
        ";Tanpa Nomor;;;;\n"  # 6: no number
        "KSP-0004;Eka;3.17102E+15;;;\n",  # 7: NIK rounded by Excel
    )
    preview = services.importer.preview(source)
    assert preview.blocking
    located = [(p.row, p.column) for p in preview.problems if not p.warning]
    assert located == [
        (2, "NIK"),
        (3, "NIK"),
        (3, "Tgl Masuk"),
        (4, "Nama"),
        (4, "Tgl Masuk"),
        (4, "Status"),
        (5, "No. Anggota"),
        (6, "No. Anggota"),
        (7, "NIK"),
    ]
    lines = [p.located() for p in preview.problems]
    assert (
        "baris 2, kolom NIK: NIK ini sudah tercatat pada anggota KSP-0100 (Pemegang NIK)" in lines
    )
    assert "baris 5, kolom No. Anggota: Nomor KSP-0002 sudah dipakai di baris 3" in lines
    with pytest.raises(ValidationError, match="Impor ditolak"):
        services.importer.commit(preview)
    assert services.register.count() == count and services.audit.head_hash() == head


def test_a_re_import_shows_and_applies_what_changes(
    services: Services, tmp_path: Path, db_path: Path
) -> None:
    header = "No. Anggota,Nama,Alamat,Telepon,Status,Tgl Keluar,Alasan Keluar\n"
    first = write(
        tmp_path / "2024.csv",
        header + "A-1,Siti,Jl. Lama 1,0811,Aktif,,\n"
        "A-2,Budi,Jl. Dua,0812,Aktif,,\n"
        "A-3,Ani,Jl. Tiga,0813,Aktif,,\n",
    )
    services.importer.commit(services.importer.preview(first))
    second = write(
        tmp_path / "2025.csv",
        header + "A-1,Siti,Jl. Baru 9,,Aktif,,\n"  # address changes; empty phone keeps 0811
        "A-2,Budi,Jl. Dua,0812,Mengundurkan diri,05/01/2026,Pindah\n"
        "A-3,Ani,Jl. Tiga,0813,Aktif,,\n"
        "A-4,Dewi,Jl. Empat,0814,Aktif,,\n",
    )
    preview = services.importer.preview(second)
    assert preview.summary() == "1 anggota baru, 2 anggota berubah, 1 tidak berubah"
    assert [m.number for m in preview.new] == ["A-4"]
    diffs = {c.before.number: c.diffs() for c in preview.changed}
    assert diffs == {
        "A-1": [("address", "Jl. Lama 1", "Jl. Baru 9")],
        "A-2": [
            ("status", Status.ACTIVE, Status.RESIGNED),
            ("exit_date", None, dt.date(2026, 1, 5)),
            ("exit_reason", "", "Pindah"),
        ],
    }
    outcome, _ = services.importer.commit(preview)
    assert (outcome.added, outcome.updated, outcome.unchanged) == (1, 2, 1)
    siti = services.register.member_by_number("A-1")
    assert siti is not None and (siti.address, siti.phone) == ("Jl. Baru 9", "0811")
    assert services.register.count() == 4
    kind, payload = last_event(db_path)
    assert kind == "members.imported"
    assert payload["changed"][0] == {  # type: ignore[index]
        "id": siti.id,
        "number": "A-1",
        "before": {"address": "Jl. Lama 1"},
        "after": {"address": "Jl. Baru 9"},
    }
    again = services.importer.preview(second)
    assert again.summary() == "0 anggota baru, 0 anggota berubah, 4 tidak berubah"


def big_csv(path: Path, count: int) -> Path:
    lines = ["No. Anggota;Nama;Tgl Masuk"]
    lines += [f"N-{n:05d};Anggota {n};01/01/2020" for n in range(count)]
    return write(path, "\n".join(lines) + "\n")


def test_cancel_while_saving_leaves_nothing(services: Services, tmp_path: Path) -> None:
    preview = services.importer.preview(big_csv(tmp_path / "besar.csv", 5000))
    head = services.audit.head_hash()
    seen: list[int] = []
    progress = Progress()

    def report(done: int, total: int) -> None:
        seen.append(done)
        if done >= 2000:  # the first batch is in the transaction by now
            progress.cancel.set()

    progress.report = report
    with pytest.raises(Cancelled, match="Dibatalkan; tidak ada yang diubah"):
        services.importer.commit(preview, progress)
    assert max(seen) >= 2000
    assert services.register.count() == 0 and services.audit.head_hash() == head


def test_cancel_while_reading(services: Services, tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel.set()
    with pytest.raises(Cancelled):
        services.importer.preview(big_csv(tmp_path / "besar.csv", 10), progress=progress)


def test_a_failure_half_way_writes_no_row(
    services: Services, tmp_path: Path, db_path: Path
) -> None:
    preview = services.importer.preview(big_csv(tmp_path / "besar.csv", 5000))
    head = services.audit.head_hash()
    # A real failure inside the transaction, after the first batches went in.
    fail_inserts(db_path, "members", "number", "N-04500", "disk full")
    with pytest.raises(Exception, match="disk full"):  # the database's own error
        services.importer.commit(preview)
    assert services.register.count() == 0 and services.audit.head_hash() == head


def test_the_file_or_the_register_changed_since_the_preview(
    services: Services, tmp_path: Path
) -> None:
    source = write(tmp_path / "a.csv", "No Anggota,Nama\nA-1,Siti\nA-2,Budi\n")
    preview = services.importer.preview(source)
    services.register.save(Member("A-2", "Budi Lain"))
    with pytest.raises(DomainError, match="Buku daftar anggota berubah sejak pratinjau"):
        services.importer.commit(preview)
    preview = services.importer.preview(source)
    assert [c.before.number for c in preview.changed] == ["A-2"]
    write(source, "No Anggota,Nama\nA-1,Siti\nA-2,Budi Santoso\n")
    with pytest.raises(DomainError, match=r"Berkas a\.csv berubah sejak pratinjau"):
        services.importer.commit(preview)
    assert services.register.count() == 1


def test_columns_matched_by_hand(services: Services, tmp_path: Path) -> None:
    source = write(tmp_path / "kode.csv", "Kode;Nama;Catatan\nX1;Siti;Jl. A\nX2;Budi;Jl. B\n")
    detected = services.importer.preview(source)
    assert detected.blocking
    assert [p.message for p in detected.problems] == [
        "Kolom untuk Nomor anggota tidak ditemukan; pilih kolomnya"
    ]
    chosen = services.importer.preview(source, {"number": "Kode", "address": "Catatan"})
    assert not chosen.problems and chosen.mapping["number"] == "Kode"
    services.importer.commit(chosen)
    x2 = services.register.member_by_number("X2")
    assert x2 is not None and x2.address == "Jl. B"
    with pytest.raises(DomainError, match="Kolom Tidak Ada tidak ada di berkas"):
        services.importer.preview(source, {"number": "Tidak Ada"})


def test_a_title_row_chosen_by_hand(services: Services, tmp_path: Path) -> None:
    source = write(tmp_path / "aneh.csv", "Daftar\nKode,Panggilan\nX1,Siti\n")
    preview = services.importer.preview(source)
    assert preview.header_row is None and preview.blocking
    assert "tidak ditemukan" in preview.problems[0].message
    chosen = services.importer.preview(
        source, {"number": "Kode", "name": "Panggilan"}, header_row=2
    )
    assert chosen.header_row == 2 and not chosen.problems and len(chosen.new) == 1


def test_files_that_cannot_be_read(services: Services, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="tidak dapat dibaca"):
        services.importer.preview(tmp_path / "tidak-ada.csv")
    old = tmp_path / "lama.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(DomainError, match="Excel lama"):
        services.importer.preview(old)
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DomainError, match="bukan berkas XLSX"):
        services.importer.preview(broken)
