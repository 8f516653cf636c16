"""The register search service: plain rows with labels, a member's detail with whether they
may vote today, and the count a quorum is taken of."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from assembly.domain.ad_profile import ADProfile
from assembly.domain.errors import DomainError
from assembly.domain.members import Category, Member, Status
from assembly.domain.quorum import QuorumBase, QuorumRule
from assembly.domain.register_query import RegisterQuery, SortColumn

MEMBERS = [
    Member("KSP-0001", "Siti Aminah", nik="3171015708450001", joined_on=dt.date(2001, 5, 2)),
    Member("KSP-0002", "Budi Santoso", arrears=True, joined_on=dt.date(2010, 1, 4)),
    Member("KSP-0003", "Agnes Bataona", category=Category.CANDIDATE),
    Member(
        "KSP-0004",
        "Yohanes Kleden",
        status=Status.DECEASED,
        exit_date=dt.date(2024, 2, 1),
        joined_on=dt.date(1999, 3, 3),
    ),
    Member("KSP-0005", "Made Aminah Putri", category=Category.EXTRAORDINARY),
]


@pytest.fixture
def register(cooperative: object) -> object:
    s: Any = cooperative
    for member in MEMBERS:
        s.register.save(member)
    return s


def test_rows_come_ready_to_show(register: object) -> None:
    s: Any = register
    (total, _more), rows = s.search.search(RegisterQuery("aminah"), 10)
    assert total == 2
    assert [(r.number, r.name, r.category_label, r.status_label) for r in rows] == [
        ("KSP-0001", "Siti Aminah", "Anggota", "Aktif"),
        ("KSP-0005", "Made Aminah Putri", "Anggota luar biasa", "Aktif"),
    ]
    assert rows[0].nik == "3171015708450001" and rows[0].joined_on == dt.date(2001, 5, 2)


def test_number_nik_filters_and_order(register: object) -> None:
    s: Any = register
    assert [r.name for r in s.search.page(RegisterQuery("ksp-0002"), 0, 5)] == ["Budi Santoso"]
    assert s.search.count(RegisterQuery("3171 0157")) == 1
    dead = RegisterQuery(statuses=frozenset({Status.DECEASED}))
    assert [r.number for r in s.search.page(dead, 0, 5)] == ["KSP-0004"]
    by_name = RegisterQuery(sort=SortColumn.NAME, descending=True)
    names = [r.name for r in s.search.page(by_name, 0, 10)]
    assert names == sorted(names, reverse=True)


def test_the_detail_says_who_may_vote_today_and_why_not(register: object) -> None:
    s: Any = register
    ids = {r.number: r.id for r in s.search.page(RegisterQuery(), 0, 10)}
    siti = s.search.member(ids["KSP-0001"])
    assert siti.eligibility.may_vote and siti.on == dt.date(2026, 3, 14)
    candidate = s.search.member(ids["KSP-0003"]).eligibility
    assert candidate.may_attend and not candidate.may_vote
    assert "Calon anggota" in candidate.reason
    dead = s.search.member(ids["KSP-0004"]).eligibility
    assert not dead.may_attend and "meninggal" in dead.reason
    with pytest.raises(DomainError, match="tidak ditemukan"):
        s.search.member(999)


def test_the_quorum_base_follows_the_ad_profile(register: object) -> None:
    s: Any = register
    profile = ADProfile()
    assert s.search.quorum_base(profile) == 2
    assert s.search.quorum_base(replace(profile, arrears_suspend_vote=True)) == 1
    assert s.search.quorum_base(replace(profile, candidates_may_vote=True)) == 3
    everyone = replace(profile, quorum=QuorumRule(base=QuorumBase.ALL_MEMBERS))
    assert s.search.quorum_base(everyone) == 4
    assert s.search.quorum_base(profile, on=dt.date(2005, 1, 1)) == 1


def test_a_change_is_found_by_the_next_search(register: object) -> None:
    s: Any = register
    query = RegisterQuery("Kleden")
    assert s.search.count(query) == 1
    s.register.save(Member("KSP-0006", "Maria Kleden"))
    assert s.search.count(query) == 2


def test_a_search_text_counts_up_to_the_cap_and_the_register_stays_exact(
    cooperative: object,
) -> None:
    """The cap and 100 members whose number begins "KSP-1", and 150 others: "ksp-1" is
    more than the cap (the count stops there); the whole register and a filter are counted
    exactly; narrowing the text below the cap counts exactly again."""
    from assembly.persistence import member_store
    from assembly.persistence.member_search import KEYSTROKE_CAP
    from assembly.services.register_search import Counted

    s: Any = cooperative
    matching = KEYSTROKE_CAP + 100
    many = [Member(f"KSP-1{n:04d}", f"Anggota {n}") for n in range(matching)]
    others = [Member(f"B-{n:03d}", f"Bukan {n}", category=Category.CANDIDATE) for n in range(150)]
    # Bulk rows straight into the real database: the fixture is data, not the behaviour.
    with s.ctx.db.write() as conn:
        member_store.insert_many(conn, many + others)
    found = s.search.search(RegisterQuery("ksp-1"), 100)
    assert found.counted == Counted(KEYSTROKE_CAP, more=True)
    assert [r.number for r in found.rows] == [f"KSP-1{n:04d}" for n in range(100)]
    assert s.search.counted(RegisterQuery("ksp-1")) == Counted(KEYSTROKE_CAP, more=True)
    assert s.search.counted(RegisterQuery()) == Counted(matching + 150, more=False)
    assert s.search.search(RegisterQuery(), 10).counted == Counted(matching + 150, more=False)
    candidates = RegisterQuery(categories=frozenset({Category.CANDIDATE}))
    assert s.search.search(candidates, 10).counted == Counted(150, more=False)
    assert s.search.search(RegisterQuery("ksp-10"), 10).counted == Counted(1000, more=False)
    # Reading on past the cap, as the table does when scrolled: the rest, in order.
    rest = s.search.page(RegisterQuery("ksp-1"), KEYSTROKE_CAP, 201)
    assert [r.number for r in rest] == [f"KSP-1{n:04d}" for n in range(KEYSTROKE_CAP, matching)]
