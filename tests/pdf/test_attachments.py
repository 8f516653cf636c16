"""The data files inside the berita acara: extracted with pypdf and parsed, they agree with
the records (attendance rows, tallies as ``status`` reports them; secret ballots only totals);
two exports of the same meeting are byte-identical; and the file signs twice and verifies with
the empty witness fields kept."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from assembly.domain.ballots import BallotMode
from assembly.services.bundle import Services
from assembly.services.signing import SigningService

PASSPHRASE = "rahasia-rapat-2026"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = Services.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    services.demo.create(members=300)
    yield services
    services.close()


@pytest.fixture(scope="module")
def minutes(demo: Services, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ba") / "ba.pdf"
    demo.minutes.export(1, path, invariant=True)
    return path


def attachments(path: Path) -> dict[str, bytes]:
    found = PdfReader(path).attachments
    return {name: data[0] for name, data in found.items()}


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_attendance_csv_has_one_row_per_attendee(demo: Services, minutes: Path) -> None:
    files = attachments(minutes)
    assert sorted(files) == [
        "angka.json",
        "daftar_hadir.csv",
        "hasil_suara.json",
        "jangkar.json",
        "keputusan.csv",
    ]
    table = rows(files["daftar_hadir.csv"])
    entries = demo.checkin.attendance_entries(1)
    assert len(table) == len(entries) > 100
    assert [r["nomor_anggota"] for r in table] == [e.number for e in entries]
    assert table[0]["nama"] == entries[0].name
    assert table[0]["jam_hadir"] == entries[0].arrived_at.strftime("%H:%M")
    assert sum(r["dihitung_kuorum"] == "ya" for r in table) == sum(e.counted for e in entries)


def test_the_vote_json_agrees_with_status_and_keeps_secrets(demo: Services, minutes: Path) -> None:
    data: dict[str, Any] = json.loads(attachments(minutes)["hasil_suara.json"])
    ballots = data["pemungutan_suara"]
    status = [d for d in demo.status.report(1).decisions if d["tally"]]
    assert [b["perolehan"] for b in ballots] == [d["tally"] for d in status]
    assert [b["cuplikan"]["berhak_suara"] for b in ballots] == [
        d["present_at_snapshot"] for d in status
    ]
    by_mode = {b["mode"]: b for b in ballots}
    named = next(b for b in demo.ballots.ballots(1) if b.mode is BallotMode.NAMED)
    votes = by_mode["terbuka"]["suara_terbuka"]
    assert len(votes) == demo.ballots.progress(named.id).voted
    counts: dict[str, int] = {}
    for v in votes:
        counts[v["pilihan"]] = counts.get(v["pilihan"], 0) + 1
    assert counts == {k: n for k, n in by_mode["terbuka"]["perolehan"].items() if n}
    for ballot in ballots:
        if ballot["mode"] != "terbuka":
            assert "suara_terbuka" not in ballot
    secret = by_mode["rahasia"]
    assert secret["partisipasi"]["memberi_suara"] > 0
    assert "nomor_anggota" not in json.dumps(secret)


def test_the_decisions_csv_lists_each_decision(demo: Services, minutes: Path) -> None:
    table = rows(attachments(minutes)["keputusan.csv"])
    status = demo.status.report(1).decisions
    assert [r["hasil"] for r in table] == [d["result"] for d in status]
    shu = next(r for r in table if r["mode"] == "terbuka")
    tally = next(d["tally"] for d in status if d["mode"] == "named")
    assert int(shu["setuju"]) == tally["setuju"]


def test_two_exports_are_byte_identical(demo: Services, minutes: Path, tmp_path: Path) -> None:
    again = tmp_path / "lagi.pdf"
    demo.minutes.export(1, again, invariant=True)
    assert again.read_bytes() == minutes.read_bytes()


def test_the_file_signs_twice_and_verifies(minutes: Path, tmp_path: Path) -> None:
    service = SigningService(None)
    chair, secretary = tmp_path / "ketua.p12", tmp_path / "sekretaris.p12"
    service.new_key("Umi Salamah Mufidah", chair, PASSPHRASE, organisation="KSP Sido Makmur")
    service.new_key("Siti Aminah", secretary, PASSPHRASE, organisation="KSP Sido Makmur")
    signed = tmp_path / "ditandatangani.pdf"
    service.sign(minutes, chair, PASSPHRASE, "ketua", out_path=signed)
    service.sign(signed, secretary, PASSPHRASE, "sekretaris")
    report = service.verify(signed)
    assert report.all_valid and len(report.checks) == 2
    assert {"TTD_Saksi1", "TTD_Saksi2"} <= set(report.unsigned_fields)
    assert attachments(signed) == attachments(minutes)  # still there, unchanged
