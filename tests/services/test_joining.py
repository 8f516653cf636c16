"""A desk joining the host laptop: the connection string from what was typed, and a clear
message, with nothing changed, for a wrong password, an unreachable host, a host without a
cooperative, one holding another cooperative than before, and one of a newer Kuorum."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.domain.cooperative import Cooperative
from assembly.domain.errors import DomainError
from assembly.persistence.pg_database import scrub_after_secret_ballot
from assembly.services.bundle import Services
from assembly.services.host import HostService
from assembly.services.joining import JoinedHosts, OtherCooperative, join_url, open_desk
from tests.host_fixtures import running_host
from tests.pg_server import free_port

COOP = Cooperative(name="KSP Sejahtera Bersama", legal_entity_number="518/BH/XIII.12/2001")


def test_connection_string_from_address_and_password() -> None:
    assert join_url("192.168.1.10", " k7m2-p9xq-4tvw ") == (
        "postgresql://kuorum_meja:k7m2-p9xq-4tvw@192.168.1.10:54329/kuorum"
    )
    assert join_url("192.168.1.10:6000", "a b").endswith("a%20b@192.168.1.10:6000/kuorum")
    pasted = "postgresql://kuorum_meja:x@10.0.0.2:54329/kuorum"
    assert join_url("", "", f"  {pasted} ") == pasted


@pytest.mark.parametrize(
    ("address", "password", "pasted", "message"),
    [
        ("", "rahasia", "", "Isi alamat laptop induk"),
        ("192.168.1.300", "rahasia", "", "tidak dikenali"),
        ("192.168.1.10:99999", "rahasia", "", "bukan angka 1–65535"),
        ("192.168.1.10:abc", "rahasia", "", "bukan angka 1–65535"),
        ("192.168.1.10", "  ", "", "Isi kata sandi meja"),
        ("", "", "http://192.168.1.10/kuorum", "String koneksi harus berbentuk"),
        ("", "", "kuorum.sqlite", "String koneksi harus berbentuk"),
    ],
)
def test_bad_input_says_what_is_wrong(
    address: str, password: str, pasted: str, message: str
) -> None:
    with pytest.raises(DomainError, match=message):
        join_url(address, password, pasted)


@pytest.fixture(scope="module")
def host() -> Iterator[HostService]:
    with running_host() as service:
        yield service


def _owner(host: HostService) -> sa.Engine:
    url = host.state().host_url.replace("postgresql://", "postgresql+psycopg://", 1)
    return sa.create_engine(url)


def test_a_host_without_a_cooperative_yet_says_how_to_fill_it(
    host: HostService, tmp_path: Path
) -> None:
    with pytest.raises(DomainError, match=r"belum berisi koperasi.*host copy-in"):
        open_desk(host.state().desk_url, joined=JoinedHosts(tmp_path / "j.json"))
    assert not (tmp_path / "j.json").exists()


def test_wrong_password_and_unreachable_host_are_told_apart(
    host: HostService, tmp_path: Path
) -> None:
    state = host.state()
    joined = JoinedHosts(tmp_path / "j.json")
    wrong = join_url(f"{state.address}:{state.port}", "salah-salah-saja")
    with pytest.raises(DomainError, match=r"Kata sandi atau nama pengguna .* salah"):
        open_desk(wrong, joined=joined)
    nobody = join_url(f"127.0.0.1:{free_port()}", state.desk_password)
    with pytest.raises(DomainError, match="tidak dapat dihubungi"):
        open_desk(nobody, joined=joined)


def test_another_cooperative_and_a_newer_schema_are_refused(
    host: HostService, tmp_path: Path
) -> None:
    state = host.state()
    joined = JoinedHosts(tmp_path / "j.json")
    owner = Services.open(state.host_url)
    try:
        owner.cooperative.save_cooperative(COOP)
    finally:
        owner.close()
    open_desk(state.desk_url, joined=joined).close()  # remembered: KSP Sejahtera Bersama

    # The host now holds another cooperative (another meeting's laptop at the same address).
    engine = _owner(host)
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE cooperative SET name = 'KUD Tani Makmur', legal_entity_number = 'X'")
        )
    with pytest.raises(OtherCooperative, match="KUD Tani Makmur, bukan KSP Sejahtera Bersama"):
        open_desk(state.desk_url, joined=joined)
    # The secretary confirmed: joined, and the new one remembered.
    open_desk(state.desk_url, joined=joined, accept_other=True).close()
    open_desk(state.desk_url, joined=joined).close()

    # A newer Kuorum upgraded the host's schema: this desk refuses, changing nothing.
    with engine.begin() as conn:
        head = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'r9999_future'"))
    try:
        with pytest.raises(DomainError, match="versi Kuorum yang lebih baru"):
            open_desk(state.desk_url, joined=joined)
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE alembic_version SET version_num = :h"), {"h": head})
            conn.execute(sa.text("DELETE FROM cooperative"))
        engine.dispose()


def test_the_desk_closing_a_secret_ballot_may_rewrite_its_tables_and_nothing_else(
    host: HostService,
) -> None:
    desk = sa.create_engine(
        host.state().desk_url.replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
    )
    node = sa.text("SELECT relfilenode FROM pg_class WHERE relname = :t")
    try:
        # The whole scrub a secret ballot's close runs, as the desks' role: every step allowed.
        plain = sa.create_engine(desk.url)
        try:
            assert scrub_after_secret_ballot(plain) is True
        finally:
            plain.dispose()
        with desk.connect() as conn:
            for table in ("secret_participation", "secret_totals"):
                before = conn.execute(node, {"t": table}).scalar_one()
                conn.execute(sa.text(f"VACUUM FULL {table}"))
                # A new file: the old one, with any earlier row versions, is unlinked.
                assert conn.execute(node, {"t": table}).scalar_one() != before
            before = conn.execute(node, {"t": "named_votes"}).scalar_one()
            conn.execute(sa.text("VACUUM FULL named_votes"))  # not the desk's: skipped
            assert conn.execute(node, {"t": "named_votes"}).scalar_one() == before
            with pytest.raises(sa.exc.DBAPIError, match="must be owner"):
                conn.execute(sa.text("ALTER TABLE named_votes DISABLE TRIGGER ALL"))
    finally:
        desk.dispose()
