"""The demo cooperative on a real SQLite file: NIKs that validate, unique numbers, a sane
spread of statuses, the same register every time, and an intact audit chain."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from stdnum.id import nik as stdnum_nik

from assembly.domain.errors import DomainError
from assembly.domain.members import Category, Member, Sex, Status
from assembly.persistence import member_store
from assembly.persistence.database import open_database
from assembly.persistence.tables import members as members_table
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from assembly.services.progress import Cancelled, Progress
from tests.conftest import FIXED_NOW

SIZE = 2000


def all_members(services: Services) -> list[Member]:
    with services.ctx.db.read() as conn:
        rows = conn.execute(sa.select(members_table).order_by(members_table.c.id))
        return [member_store.from_row(row._mapping) for row in rows]


def open_services(path: Path) -> Services:
    return Services.create(ServiceContext(open_database(path), "sekretaris", lambda: FIXED_NOW))


@pytest.fixture(scope="module")
def demo(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One demo of 2,000 members for the whole module (read-only tests)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(template_db, path)
    services = open_services(path)
    reports: list[tuple[int, int]] = []
    services.demo.create(members=SIZE, progress=Progress(lambda d, t: reports.append((d, t))))
    services.reports = reports  # type: ignore[attr-defined]
    yield services
    services.close()


@pytest.fixture(scope="module")
def register(demo: Services) -> list[Member]:
    return all_members(demo)


def test_the_cooperative_is_marked_demo_with_a_confirmed_ad_profile(demo: Services) -> None:
    coop = demo.cooperative.cooperative()
    assert coop is not None and coop.name.startswith("Koperasi Simpan Pinjam")
    assert re.fullmatch(r"\d{16}", coop.registration_number)
    assert "/BH/" in coop.legal_entity_number
    assert "Sleman" in coop.city and coop.time_zone.value == "WIB"
    assert demo.cooperative.is_demo()
    version = demo.cooperative.ad_profile()
    assert version.confirmed
    assert version.profile.article("quorum") == "Pasal 20 ayat (2)"
    assert version.profile.quorum.minimum(1250) == 626
    assert not version.profile.unset_special_rules({k for k in version.profile.special_quorum})


def test_every_nik_validates_and_matches_birth_date_and_sex(register: list[Member]) -> None:
    with_nik = [m for m in register if m.nik]
    assert len(with_nik) > 0.9 * SIZE
    for member in with_nik:
        assert stdnum_nik.is_valid(member.nik), member.nik
        encoded = stdnum_nik.get_birth_date(member.nik)  # the NIK holds only 2 year digits
        assert member.birth_date is not None
        assert (encoded.day, encoded.month) == (member.birth_date.day, member.birth_date.month)
        assert encoded.year % 100 == member.birth_date.year % 100
        female_day = int(member.nik[6:8]) > 40
        assert female_day == (member.sex is Sex.FEMALE), member
    assert len({m.nik for m in with_nik}) == len(with_nik)


def test_numbers_are_unique_and_in_joining_order(register: list[Member]) -> None:
    assert len(register) == SIZE
    numbers = [m.number for m in register]
    assert len(set(numbers)) == SIZE
    assert all(re.fullmatch(r"KSP-\d{6}", n) for n in numbers)
    joins = [m.joined_on for m in register]
    assert joins == sorted(joins)  # type: ignore[type-var]
    assert joins[0] == dt.date(1985, 7, 12)
    assert joins[-1] is not None and joins[-1] <= dt.date(2025, 12, 31)
    assert len({j.year for j in joins if j}) >= 35  # spread over four decades


def test_statuses_and_categories_are_spread_as_described(register: list[Member]) -> None:
    statuses = Counter(m.status for m in register)
    assert statuses[Status.RESIGNED] == 60
    assert statuses[Status.DECEASED] == 20
    assert statuses[Status.EXPELLED] == 10
    categories = Counter(m.category for m in register)
    assert categories[Category.CANDIDATE] == 80
    assert categories[Category.EXTRAORDINARY] == 20
    arrears = sum(m.arrears for m in register)
    assert 0.04 * SIZE < arrears < 0.08 * SIZE
    assert all(m.status is Status.ACTIVE for m in register if m.arrears)
    sexes = Counter(m.sex for m in register)
    assert 0.4 * SIZE < sexes[Sex.FEMALE] < 0.6 * SIZE


def test_ended_memberships_have_a_date_and_reason(register: list[Member]) -> None:
    ended = [m for m in register if m.status is not Status.ACTIVE]
    for member in ended:
        assert member.exit_date is not None and member.joined_on is not None
        assert member.joined_on <= member.exit_date <= FIXED_NOW.date()
        if member.status is not Status.DECEASED:
            assert member.exit_reason
    for member in register:
        if member.status is Status.ACTIVE:
            assert member.exit_date is None and not member.exit_reason


def test_names_addresses_and_phones_look_indonesian(register: list[Member]) -> None:
    assert all(m.name and m.name == " ".join(m.name.split()) for m in register)
    assert any(" br. " in m.name for m in register)  # Batak women: boru + marga
    assert any(m.name.startswith(("Yohanes", "Maria", "Fransiskus")) for m in register)
    assert all(re.search(r"RT \d{3}/RW \d{3}", m.address) for m in register)
    assert all("Kec. " in m.address for m in register)
    phones = [m.phone for m in register if m.phone]
    assert len(phones) > 0.8 * SIZE
    assert all(re.fullmatch(r"08\d{9,11}", p) for p in phones)


def test_the_register_service_refuses_no_demo_member(
    demo: Services, register: list[Member]
) -> None:
    for member in register:
        problems = demo.register.check(member)
        assert problems == [], (member, problems)


def test_progress_is_reported_per_chunk_to_the_end(demo: Services) -> None:
    reports = demo.reports  # type: ignore[attr-defined]
    assert reports[0] == (0, SIZE)
    assert reports[-1] == (SIZE, SIZE)


def test_audit_chain_verifies_and_ends_with_the_demo_event(demo: Services) -> None:
    report = demo.audit.verify()
    assert report.intact, report.summary
    with demo.ctx.db.read() as conn:
        kinds = [row.kind for row in conn.execute(sa.text("SELECT kind FROM audit_events"))]
    assert kinds.count("demo.created") == 1


def test_same_size_gives_the_same_register(db_path: Path, other_db_path: Path) -> None:
    first, second = open_services(db_path), open_services(other_db_path)
    try:
        first.demo.create(members=300)
        second.demo.create(members=300)
        strip = [m.__dict__ | {"id": None} for m in all_members(first)]
        assert strip == [m.__dict__ | {"id": None} for m in all_members(second)]
    finally:
        first.close()
        second.close()


def test_a_second_demo_in_the_same_file_is_refused_and_changes_nothing(
    services: Services,
) -> None:
    services.demo.create(members=50)
    before = services.audit.verify().events
    with pytest.raises(DomainError, match="sudah berisi koperasi"):
        services.demo.create(members=50)
    assert services.register.count() == 50
    assert services.audit.verify().events == before


def test_cancel_leaves_an_empty_database(services: Services) -> None:
    cancel = threading.Event()

    def report(done: int, _total: int) -> None:
        if done >= 10_000:
            cancel.set()

    with pytest.raises(Cancelled):
        services.demo.create(members=25_000, progress=Progress(report, cancel))
    assert services.register.count() == 0
    assert services.cooperative.cooperative() is None
    assert services.audit.verify().events == 0


@pytest.mark.parametrize("size", [0, -1, 300_001])
def test_sizes_out_of_range_are_refused(services: Services, size: int) -> None:
    with pytest.raises(DomainError, match=r"1 sampai 300\.000"):
        services.demo.create(members=size)
    assert services.cooperative.cooperative() is None
