"""The demo cooperative: a savings-and-loan cooperative in Sleman with a register that looks
like one kept for forty years, so that a new user, a tester or a benchmark can try Kuorum on
realistic data without typing any.

Everything is drawn from one seeded generator: the same size gives the same register, byte for
byte, which the tests rely on. All of it (profile, AD profile, register, sample meetings, the
audit event) is one write transaction, so a cancelled demo leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import asdict

from assembly.domain.ad_profile import ADProfile, ItemKind, MajorityBase, MajorityRule
from assembly.domain.cooperative import Cooperative, Level, TimeZone
from assembly.domain.errors import DomainError
from assembly.domain.members import Category, Member, Status
from assembly.domain.quorum import Comparison, QuorumBase, QuorumRule, Threshold
from assembly.i18n import tr
from assembly.persistence import audit_log, cooperative_store, member_store
from assembly.services.changes import Area, Changes
from assembly.services.context import ServiceContext
from assembly.services.demo_meeting import add_sample_meetings
from assembly.services.demo_people import PeopleMaker
from assembly.services.progress import Progress

MAX_MEMBERS = 300_000
SEED = 1985_07_12  # the cooperative was founded on Hari Koperasi, 12 July 1985
CHUNK = 10_000
FOUNDED = dt.date(1985, 7, 12)
FOUNDERS = 20
LAST_JOIN = dt.date(2025, 12, 31)

# Shares of the register, as DESIGN.md's demo describes it.
RESIGNED, DECEASED, EXPELLED = 0.03, 0.01, 0.005
CANDIDATES, EXTRAORDINARY, ARREARS = 0.04, 0.01, 0.06

DEMO_COOPERATIVE = Cooperative(
    name="Koperasi Simpan Pinjam Sido Makmur",
    legal_entity_number="1465/BH/XIV/1985",
    registration_number="3404020010000173",
    address="Jl. Kaliurang Km 7,5 No. 12, Condongcatur, Kec. Depok",
    city="Kabupaten Sleman, DI Yogyakarta 55283",
    level=Level.PRIMARY,
    time_zone=TimeZone.WIB,
    fiscal_year_end_month=12,
    fiscal_year_end_day=31,
    code="KSP-SM",
)

_RESIGN_REASONS = (
    "Mengundurkan diri atas permintaan sendiri",
    "Pindah domisili ke luar daerah",
    "Pindah tugas ke luar kota",
    "Alasan ekonomi keluarga",
    "Bergabung dengan koperasi di tempat kerja baru",
)
_DEATH_REASONS = ("", "Surat keterangan kematian dari kalurahan", "Dilaporkan oleh ahli waris")
_EXPEL_REASONS = (
    "Tidak membayar simpanan wajib 12 bulan berturut-turut (AD Pasal 11 ayat (2))",
    "Kredit macet dan tidak beriktikad baik (AD Pasal 11 ayat (3))",
    "Melanggar Anggaran Dasar dan merugikan koperasi (AD Pasal 11 ayat (3))",
)


def demo_profile() -> ADProfile:
    """The demo's AD profile: common practice, with the AD article behind each value."""
    two_thirds = Threshold(2, 3, Comparison.AT_LEAST)
    three_quarters = Threshold(3, 4, Comparison.AT_LEAST)
    special_quorum = {
        kind: QuorumRule(three_quarters if kind is ItemKind.DISSOLUTION else two_thirds)
        for kind in sorted(k for k in ItemKind if k.is_special)
    }
    special_majority: dict[ItemKind, MajorityRule | None] = {
        kind: MajorityRule(
            three_quarters if kind is ItemKind.DISSOLUTION else two_thirds, MajorityBase.PRESENT
        )
        for kind in special_quorum
    }
    return ADProfile(
        quorum=QuorumRule(Threshold(1, 2, Comparison.MORE_THAN), QuorumBase.VOTING_MEMBERS),
        suspension_minutes=30,
        rechecks=1,
        second_call_quorum=QuorumRule(Threshold(1, 3, Comparison.AT_LEAST)),
        reconvene_within_days=14,
        notice_days=14,
        special_quorum=dict(special_quorum),
        special_majority=special_majority,
        term_years=3,
        articles={
            "term_years": "Pasal 27 ayat (2)",
            "quorum": "Pasal 20 ayat (2)",
            "suspension_minutes": "Pasal 20 ayat (3)",
            "rechecks": "Pasal 20 ayat (3)",
            "second_call_quorum": "Pasal 20 ayat (4)",
            "reconvene_within_days": "Pasal 20 ayat (4)",
            "notice_days": "Pasal 19 ayat (2)",
            "rat_deadline_months": "Pasal 18 ayat (1)",
            "candidates_may_vote": "Pasal 8 ayat (3)",
            "extraordinary_may_vote": "Pasal 9 ayat (2)",
            "arrears_suspend_vote": "Pasal 10 ayat (4)",
            "proxies_enabled": "Pasal 21 ayat (5)",
            "majority": "Pasal 21 ayat (2)",
            "special_quorum": "Pasal 34 ayat (1)",
            "special_majority": "Pasal 34 ayat (2)",
            "secret_ballot_for_persons": "Pasal 25 ayat (3)",
        },
    )


class DemoService:
    """Creates the demo cooperative in an empty database."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def create(self, members: int, progress: Progress | None = None) -> Changes:
        """The demo cooperative with ``members`` register entries (1 to 300,000), in one
        audited transaction. Refused when the database already holds a cooperative."""
        if not 1 <= members <= MAX_MEMBERS:
            raise DomainError(
                tr("Jumlah anggota harus 1 sampai {n}", n=f"{MAX_MEMBERS:,}".replace(",", "."))
            )
        progress = progress or Progress()
        progress.step(0, members)
        rng = random.Random(SEED)
        register = DemoRegister(rng, members, min(self._ctx.today(), LAST_JOIN))
        with self._ctx.db.write() as conn:
            if cooperative_store.load(conn) is not None:
                raise DomainError(
                    tr("Basis data ini sudah berisi koperasi; demo hanya dibuat di berkas baru.")
                )
            cooperative_store.save(conn, DEMO_COOPERATIVE, demo=True)
            profile = cooperative_store.add_profile_version(
                conn,
                demo_profile(),
                confirmed=True,
                note="Dicocokkan dengan Anggaran Dasar perubahan tahun 2019",
            )
            done = 0
            with member_store.bulk_insert(conn, members):
                while done < members:
                    batch = register.members(done, min(done + CHUNK, members))
                    member_store.insert_many(conn, batch)
                    done += len(batch)
                    progress.step(done, members)
            # Last year's RAT, held and closed, and this year's, still a draft (demo_meeting).
            meetings = add_sample_meetings(self._ctx, conn, rng)
            audit_log.append(
                conn,
                self._ctx.actor,
                "demo.created",
                {
                    "cooperative": asdict(DEMO_COOPERATIVE),
                    "ad_profile_version": profile.version,
                    "members": members,
                    "seed": SEED,
                    "counts": register.counts,
                    "meetings": {"held": meetings.held, "upcoming": meetings.upcoming},
                },
            )
        return Changes.of(
            Area.COOPERATIVE, Area.AD_PROFILE, Area.MEMBERS, Area.MEETINGS, Area.ATTENDANCE
        )


class DemoRegister:
    """Decides, up front, who joins when and how each membership stands, so that members can
    then be made chunk by chunk in register order."""

    def __init__(self, rng: random.Random, size: int, last_day: dt.date) -> None:
        self._rng = rng
        self._last_day = last_day
        self._people = PeopleMaker(rng)
        self._joins = sorted(self._join_dates(size))
        everyone = range(size)
        # Candidates are the newest entries: a calon anggota becomes a member after a while.
        recent = list(range(size - max(1, size // 10), size))
        candidates = set(rng.sample(recent, min(len(recent), round(size * CANDIDATES))))
        others = [i for i in everyone if i not in candidates]
        # Who left had been a member for a while: no exit in the year of joining.
        seasoned = [i for i in others if self._joins[i] <= last_day - dt.timedelta(days=365)]
        exits = rng.sample(
            seasoned, min(len(seasoned), round(size * (RESIGNED + DECEASED + EXPELLED)))
        )
        n_resigned, n_deceased = round(size * RESIGNED), round(size * DECEASED)
        self._status: dict[int, Status] = {}
        for k, i in enumerate(exits):
            if k < n_resigned:
                self._status[i] = Status.RESIGNED
            elif k < n_resigned + n_deceased:
                self._status[i] = Status.DECEASED
            else:
                self._status[i] = Status.EXPELLED
        extraordinary = rng.sample(others, round(size * EXTRAORDINARY))
        self._category = {i: Category.CANDIDATE for i in candidates}
        self._category.update({i: Category.EXTRAORDINARY for i in extraordinary})
        self.counts: dict[str, int] = {}

    def _join_dates(self, size: int) -> list[dt.date]:
        """Founders on the founding day, then joins that grow with the years."""
        rng = self._rng
        years = list(range(FOUNDED.year, self._last_day.year + 1))
        weights = [1 + (y - FOUNDED.year) * 0.15 for y in years]
        dates = [FOUNDED] * min(FOUNDERS, size)
        span_end = self._last_day.toordinal()
        for year in rng.choices(years, weights, k=size - len(dates)):
            start = max(dt.date(year, 1, 1), FOUNDED).toordinal()
            end = min(dt.date(year, 12, 31).toordinal(), span_end)
            dates.append(dt.date.fromordinal(rng.randint(start, end)))
        return dates

    def members(self, start: int, stop: int) -> list[Member]:
        """Register entries ``start`` to ``stop`` (0-based, in joining order)."""
        rng = self._rng
        made = []
        for i in range(start, stop):
            joined = self._joins[i]
            person = self._people.person(joined)
            status = self._status.get(i, Status.ACTIVE)
            category = self._category.get(i, Category.MEMBER)
            exit_date, reason = self._exit(status, joined)
            arrears = status is Status.ACTIVE and rng.random() < ARREARS
            made.append(
                Member(
                    number=f"KSP-{i + 1:06d}",
                    name=person.name,
                    category=category,
                    status=status,
                    nik=person.nik,
                    sex=person.sex,
                    birth_date=person.birth_date,
                    address=person.address,
                    phone=person.phone,
                    joined_on=joined,
                    exit_date=exit_date,
                    exit_reason=reason,
                    arrears=arrears,
                )
            )
            key = f"{category.value}/{status.value}"
            self.counts[key] = self.counts.get(key, 0) + 1
            if arrears:
                self.counts["tunggakan"] = self.counts.get("tunggakan", 0) + 1
        return made

    def _exit(self, status: Status, joined: dt.date) -> tuple[dt.date | None, str]:
        if status is Status.ACTIVE:
            return None, ""
        rng = self._rng
        earliest = min(joined + dt.timedelta(days=180), self._last_day)
        day = dt.date.fromordinal(rng.randint(earliest.toordinal(), self._last_day.toordinal()))
        reasons = {
            Status.RESIGNED: _RESIGN_REASONS,
            Status.DECEASED: _DEATH_REASONS,
            Status.EXPELLED: _EXPEL_REASONS,
        }[status]
        return max(day, joined), rng.choice(reasons)
