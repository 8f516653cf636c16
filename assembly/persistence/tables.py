"""The tables, as SQLAlchemy Core metadata. Alembic revisions create them; a test checks that a
database upgraded to head matches this metadata exactly."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

cooperative = sa.Table(
    "cooperative",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("legal_entity_number", sa.String(100), nullable=False, server_default=""),
    sa.Column("registration_number", sa.String(40), nullable=False, server_default=""),
    sa.Column("address", sa.String(400), nullable=False, server_default=""),
    sa.Column("city", sa.String(100), nullable=False, server_default=""),
    sa.Column("level", sa.String(20), nullable=False),
    sa.Column("time_zone", sa.String(4), nullable=False),
    sa.Column("fiscal_year_end_month", sa.Integer, nullable=False),
    sa.Column("fiscal_year_end_day", sa.Integer, nullable=False),
    sa.Column("code", sa.String(40), nullable=False, server_default=""),
    sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.CheckConstraint("id = 1", name="single_row"),
)

ad_profile_versions = sa.Table(
    "ad_profile_versions",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("saved_at", sa.String(40), nullable=False),
    sa.Column("confirmed", sa.Boolean, nullable=False),
    sa.Column("note", sa.String(400), nullable=False, server_default=""),
    sa.Column("data", sa.Text, nullable=False),
)

members = sa.Table(
    "members",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("number", sa.String(20), nullable=False, unique=True),
    sa.Column("name", sa.String(120, collation="NOCASE"), nullable=False),
    sa.Column("nik", sa.String(16), nullable=True, index=True),
    sa.Column("sex", sa.String(1), nullable=True),
    sa.Column("birth_date", sa.Date, nullable=True),
    sa.Column("address", sa.String(400), nullable=False, server_default=""),
    sa.Column("phone", sa.String(40), nullable=False, server_default=""),
    sa.Column("joined_on", sa.Date, nullable=True),
    sa.Column("category", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("exit_date", sa.Date, nullable=True),
    sa.Column("exit_reason", sa.String(400), nullable=False, server_default=""),
    sa.Column("arrears", sa.Boolean, nullable=False, server_default=sa.false()),
    # The number's digits without leading zeros ("KSP-012345" -> "12345"), to find a member
    # by the number as people say it (domain.member_numbers.number_key).
    sa.Column("number_key", sa.String(20), nullable=False, server_default=""),
    sa.Index("ix_members_name", "name"),
    sa.Index("ix_members_category_status", "category", "status"),
    sa.Index("ix_members_joined_on", "joined_on"),
    sa.Index("ix_members_status_number", "status", "number"),
    sa.Index("ix_members_number_key", "number_key"),
)

audit_events = sa.Table(
    "audit_events",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(120), nullable=False),
    sa.Column("kind", sa.String(60), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

# --- meetings, attendance and quorum (issue 3) ---------------------------------------------------
# Times are ISO-8601 text in UTC; dates are dates. ``registered``/``entitled`` are the register's
# figures at the cut-off, fixed when check-in opens and refreshed at each recorded quorum check.

meetings = sa.Table(
    "meetings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("subject", sa.String(200), nullable=False, server_default=""),
    sa.Column("financial_year", sa.Integer, nullable=True),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("start_time", sa.Time, nullable=False),
    sa.Column("time_zone", sa.String(4), nullable=False),
    sa.Column("venue", sa.String(300), nullable=False, server_default=""),
    sa.Column("mode", sa.String(10), nullable=False),
    sa.Column("platform", sa.String(200), nullable=False, server_default=""),
    sa.Column("document_number", sa.String(60), nullable=False, server_default=""),
    sa.Column("cutoff_date", sa.Date, nullable=False),
    sa.Column("invitation_date", sa.Date, nullable=True),
    sa.Column(
        "profile_version",
        sa.Integer,
        sa.ForeignKey("ad_profile_versions.version"),
        nullable=False,
    ),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("check_in_opened_at", sa.String(40), nullable=True),
    sa.Column("opened_at", sa.String(40), nullable=True),
    sa.Column("suspended_until", sa.String(40), nullable=True),
    sa.Column("closed_at", sa.String(40), nullable=True),
    sa.Column("registered", sa.Integer, nullable=True),
    sa.Column("entitled", sa.Integer, nullable=True),
    # The optional roles that must sign the berita acara ("saksi1,saksi2,mengetahui"), NULL
    # for a meeting saved before the setting existed.
    sa.Column("required_signers", sa.String(60), nullable=True),
    sa.Index("ix_meetings_date", "date"),
)

agenda_items = sa.Table(
    "agenda_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    # When the chair took the item up and moved on: the minutes place events by these times.
    sa.Column("started_at", sa.String(40), nullable=True),
    sa.Column("ended_at", sa.String(40), nullable=True),
    sa.Index("ix_agenda_items_meeting_id", "meeting_id", "position"),
)

meeting_officers = sa.Table(
    "meeting_officers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=True),
    sa.Index("ix_meeting_officers_meeting_id", "meeting_id", "position"),
)

proxies = sa.Table(
    "proxies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    sa.Column("grantor_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("holder_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("reference", sa.String(100), nullable=False),
    sa.Column("granted_on", sa.Date, nullable=True),
    sa.Column("state", sa.String(12), nullable=False),
    sa.Column("recorded_at", sa.String(40), nullable=False),
    sa.Column("ended_at", sa.String(40), nullable=True),
    sa.Index("ix_proxies_meeting_id", "meeting_id", "holder_id", "state"),
    sa.Index("ix_proxies_grantor_id", "grantor_id"),
)

attendance = sa.Table(
    "attendance",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("state", sa.String(10), nullable=False),
    sa.Column("arrived_at", sa.String(40), nullable=False),
    sa.Column("left_at", sa.String(40), nullable=True),
    sa.Column("may_vote", sa.Boolean, nullable=False),
    sa.Column("counted", sa.Boolean, nullable=False),
    sa.Column("proxy_id", sa.Integer, sa.ForeignKey("proxies.id"), nullable=True),
    # One row per member per meeting: a member is checked in once.
    sa.UniqueConstraint("meeting_id", "member_id", name="uq_attendance_meeting_id"),
    # The live quorum: a COUNT over this index alone.
    sa.Index("ix_attendance_meeting_id", "meeting_id", "state", "counted", "channel"),
    # The attendance list in order of arrival, filtered by state and channel, from the index.
    sa.Index("ix_attendance_arrived_at", "meeting_id", "arrived_at", "state", "channel"),
    sa.Index("ix_attendance_member_id", "member_id"),
)

attendance_events = sa.Table(
    "attendance_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("channel", sa.String(10), nullable=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(120), nullable=False),
    sa.Column("before", sa.Text, nullable=True),
    sa.Column("undoes", sa.Integer, sa.ForeignKey("attendance_events.id"), nullable=True),
    sa.Column("proxy_id", sa.Integer, sa.ForeignKey("proxies.id"), nullable=True),
    sa.Index("ix_attendance_events_meeting_id", "meeting_id", "member_id", "id"),
)

# Who was present when, each member's stays as the history replays them (r0012): kept
# by attendance_store in the same transaction as every history entry, so that the berita acara,
# the Daftar Hadir and the snapshots read 150,000 stays without replaying the history. Derived,
# never the record: ``minutes check`` recounts from attendance_events alone, and the anchor
# digests the history, not this. Clustered by (meeting, member, order) on SQLite.
attendance_stays = sa.Table(
    "attendance_stays",
    metadata,
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), primary_key=True),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("started_at", sa.String(40), nullable=False),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("ended_at", sa.String(40), nullable=True),
    sa.Column("returned", sa.Boolean, nullable=False),
    sa.Column("left_meeting", sa.Boolean, nullable=False),
    sqlite_with_rowid=False,
)

quorum_checks = sa.Table(
    "quorum_checks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("step", sa.String(20), nullable=False),
    sa.Column("base", sa.Integer, nullable=False),
    sa.Column("present", sa.Integer, nullable=False),
    sa.Column("minimum", sa.Integer, nullable=False),
    sa.Column("reached", sa.Boolean, nullable=False),
    sa.Column("rule_text", sa.String(300), nullable=False),
    sa.Column("article", sa.String(120), nullable=False, server_default=""),
    sa.Column("until", sa.String(40), nullable=True),
    sa.Column("actor", sa.String(120), nullable=False),
    sa.Column("note", sa.String(400), nullable=False, server_default=""),
    sa.Index("ix_quorum_checks_meeting_id", "meeting_id", "id"),
)

# --- decisions and ballots (issue 4) -------------------------------------------------------------
# A decision per agenda item: by consensus (UU 25/1992 Pasal 24(1)), the record that consensus
# failed, or the result of a closed ballot (Pasal 24(2)). A ballot keeps the quorum snapshot taken
# when it opened and who was entitled then; one vote per member per ballot is a UNIQUE constraint.

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    sa.Column("item_id", sa.Integer, sa.ForeignKey("agenda_items.id"), nullable=False),
    sa.Column("method", sa.String(10), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("dissent", sa.Text, nullable=False, server_default=""),
    sa.Column("result", sa.Text, nullable=False),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("ballot_id", sa.Integer, sa.ForeignKey("ballots.id"), nullable=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Index("ix_decisions_meeting_id", "meeting_id", "item_id", "id"),
)

ballots = sa.Table(
    "ballots",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    sa.Column("item_id", sa.Integer, sa.ForeignKey("agenda_items.id"), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("mode", sa.String(10), nullable=False),
    sa.Column("state", sa.String(10), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("cancel_reason", sa.Text, nullable=False, server_default=""),
    sa.Column("opened_at", sa.String(40), nullable=False),
    sa.Column("closed_at", sa.String(40), nullable=True),
    sa.Column("present", sa.Integer, nullable=False),
    sa.Column("minimum", sa.Integer, nullable=False),
    sa.Column("reached", sa.Boolean, nullable=False),
    sa.Column("rule_text", sa.String(300), nullable=False),
    sa.Column("article", sa.String(120), nullable=False, server_default=""),
    sa.Column("eligible", sa.Integer, nullable=False),
    sa.Column("members", sa.Integer, nullable=False),
    sa.Column("seats", sa.Integer, nullable=True),
    sa.Column("revote_reason", sa.Text, nullable=False, server_default=""),
    sa.Column("revote_of", sa.Integer, sa.ForeignKey("ballots.id"), nullable=True),
    sa.Column("runoff_of", sa.Integer, sa.ForeignKey("ballots.id"), nullable=True),
    sa.Column("office", sa.String(20), nullable=True),  # r0010_adrules
    sa.Index("ix_ballots_meeting_id", "meeting_id", "state"),
)

ballot_eligible = sa.Table(
    "ballot_eligible",
    metadata,
    sa.Column("ballot_id", sa.Integer, sa.ForeignKey("ballots.id"), primary_key=True),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), primary_key=True),
    sa.Column("proxy_holder_id", sa.Integer, sa.ForeignKey("members.id"), nullable=True),
)

named_votes = sa.Table(
    "named_votes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ballot_id", sa.Integer, sa.ForeignKey("ballots.id"), nullable=False),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("choice", sa.String(400), nullable=False),
    # The holder of a surat kuasa who cast the grantor's vote (law.md rule 13: shown apart).
    sa.Column("proxy_holder_id", sa.Integer, sa.ForeignKey("members.id"), nullable=True),
    sa.Column("cast_at", sa.String(40), nullable=False),
    # One member, one vote (UU 25/1992 Pasal 24(3)), held by the database itself.
    sa.UniqueConstraint("ballot_id", "member_id", name="uq_named_votes_ballot_id"),
)

secret_participation = sa.Table(
    "secret_participation",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ballot_id", sa.Integer, sa.ForeignKey("ballots.id"), nullable=False),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("via_proxy", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.UniqueConstraint("ballot_id", "member_id", name="uq_secret_participation_ballot_id"),
)

# A secret ballot's choices exist only as totals: one counter per option (a motion's answer, an
# election's candidate, a blank ballot) and one of the ballots cast, all made when the ballot
# opens and raised in the transaction that records the member's participation. No row per vote
# exists, so no rowid, key, time or byte offset can be paired with the public order of voting
# (issue 10; ballot_store explains the rest).
secret_totals = sa.Table(
    "secret_totals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ballot_id", sa.Integer, sa.ForeignKey("ballots.id"), nullable=False),
    sa.Column("option", sa.String(40), nullable=False),
    sa.Column("votes", sa.Integer().with_variant(sa.BigInteger(), "postgresql"), nullable=False),
    sa.UniqueConstraint("ballot_id", "option", name="uq_secret_totals_ballot_id"),
)

counted_totals = sa.Table(
    "counted_totals",
    metadata,
    sa.Column("ballot_id", sa.Integer, sa.ForeignKey("ballots.id"), primary_key=True),
    sa.Column("yes", sa.Integer, nullable=False),
    sa.Column("no", sa.Integer, nullable=False),
    sa.Column("abstain", sa.Integer, nullable=False),
    sa.Column("invalid", sa.Integer, nullable=False),
    sa.Column("blank", sa.Integer, nullable=False),
    sa.Column("issued", sa.Integer, nullable=True),
    sa.Column("returned", sa.Integer, nullable=True),
    sa.Column("tellers", sa.Text, nullable=False),
    sa.Column("entered_at", sa.String(40), nullable=False),
)

candidates = sa.Table(
    "candidates",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ballot_id", sa.Integer, sa.ForeignKey("ballots.id"), nullable=False),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    # r0010_adrules: the candidate's declarations (SE Menkop 1/2025 warnings).
    sa.Column("village_head", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("kin_group", sa.String(60), nullable=False, server_default=""),
    sa.UniqueConstraint("ballot_id", "member_id", name="uq_candidates_ballot_id"),
)


# The signed berita acara and its addenda: the SHA-256 of each signed file as recorded. Rows
# are only added (an addendum after the lock too); triggers (r0016) refuse UPDATE and
# DELETE, and a berita acara row for a meeting already locked.
meeting_documents = sa.Table(
    "meeting_documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("file_name", sa.String(400), nullable=False),
    sa.Column("signers", sa.Text, nullable=False, server_default=""),
    sa.Column("cites_sha256", sa.String(64), nullable=True),
    sa.Column("recorded_at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(120), nullable=False),
    sa.Index("ix_meeting_documents_meeting_id", "meeting_id"),
)

# The signed file of each recorded document, byte for byte (r0008_lock): what re-exporting a
# locked meeting's berita acara gives, and the one copy every check reads (r0014: the
# anchor no longer keeps a second). Only added; triggers refuse UPDATE and DELETE.
signed_files = sa.Table(
    "signed_files",
    metadata,
    sa.Column("document_id", sa.Integer, sa.ForeignKey("meeting_documents.id"), primary_key=True),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

# Settings that belong to the cooperative's file (the backup folder, say), as key and value.
settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(60), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# What a meeting's lock anchored: the digest of its records then, the audit head, and the SHA-256
# of the signed berita acara, whose bytes are kept in signed_files (migration r0007_anchor; the
# copy it kept moved there in r0014; rows are never changed).
meeting_anchors = sa.Table(
    "meeting_anchors",
    metadata,
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), primary_key=True),
    sa.Column("digest", sa.Text, nullable=False),
    sa.Column("audit_seq", sa.Integer, nullable=False),
    sa.Column("audit_hash", sa.String(64), nullable=False),
    sa.Column("signed_sha256", sa.String(64), nullable=False),
    sa.Column("recorded_at", sa.String(40), nullable=False),
)

# What each write transaction changed, for the other windows and desks on the same SQLite file
# (assembly.persistence.change_feed; migration r0013): the origin (one open database) and
# the tables it wrote. No ids, no times; only the last few hundred notes are kept.
change_log = sa.Table(
    "change_log",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.String(32), nullable=False),
    sa.Column("tables", sa.Text, nullable=False),
)
