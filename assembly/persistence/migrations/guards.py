"""The guards the revisions install, on SQLite and on PostgreSQL: triggers that refuse a change
(the append-only histories, the lock of a signed meeting, the recorded anchors).

SQLite takes the trigger's text as the revisions always wrote it (so a file migrated by an
earlier version holds exactly the same triggers). PostgreSQL has no ``RAISE(ABORT, …)`` and no
subquery in a trigger's WHEN: there each guard is a row trigger calling one of two PL/pgSQL
functions, :data:`REFUSE` (always refuses, with the message it is given) and :data:`LOCK_GUARD`
(refuses when the row's meeting, found through ``meeting_id`` or ``ballot_id``, is locked).
Both raise the same message as on SQLite, so :mod:`assembly.persistence.database` maps the
``kuorum:meeting-locked`` mark to the same refusal on both engines.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

REFUSE = "kuorum_refuse"
LOCK_GUARD = "kuorum_lock_guard"

# "%%": the driver reads "%" as a placeholder mark; PostgreSQL receives one "%".
_FUNCTIONS = (
    f"""CREATE OR REPLACE FUNCTION {REFUSE}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%%', TG_ARGV[0];
END $$""",
    f"""CREATE OR REPLACE FUNCTION {LOCK_GUARD}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r jsonb;
    meeting integer;
BEGIN
    IF TG_OP = 'INSERT' THEN r := to_jsonb(NEW); ELSE r := to_jsonb(OLD); END IF;
    IF TG_ARGV[0] = 'ballot_id' THEN
        SELECT b.meeting_id INTO meeting FROM ballots b WHERE b.id = (r->>'ballot_id')::integer;
    ELSE
        meeting := (r->>'meeting_id')::integer;
    END IF;
    IF (SELECT m.state FROM meetings m WHERE m.id = meeting) = 'locked' THEN
        RAISE EXCEPTION '%%', TG_ARGV[1];
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$""",
)


@dataclass(frozen=True)
class Guard:
    """One refusing trigger: ``name`` BEFORE ``event`` ON ``table``.

    ``when`` is SQLite's condition (None: always); ``via`` the column through which the row
    reaches its meeting for a lock guard (PostgreSQL); ``pg_when`` a condition PostgreSQL can
    put in the trigger itself (no subquery)."""

    name: str
    table: str
    event: str
    message: str
    when: str | None = None
    via: str | None = None
    pg_when: str | None = None

    def sqlite(self) -> str:
        when = f"WHEN {self.when} " if self.when else ""
        return (
            f"CREATE TRIGGER {self.name} BEFORE {self.event} ON {self.table} "
            f"{when}BEGIN SELECT RAISE(ABORT, '{self.message}'); END"
        )

    def postgresql(self) -> str:
        if self.via is not None:
            call = f"{LOCK_GUARD}('{self.via}', '{self.message}')"
        else:
            call = f"{REFUSE}('{self.message}')"
        when = f"WHEN ({self.pg_when}) " if self.pg_when else ""
        return (
            f"CREATE TRIGGER {self.name} BEFORE {self.event} ON {self.table} "
            f"FOR EACH ROW {when}EXECUTE FUNCTION {call}"
        )


def is_postgresql(bind: sa.Connection) -> bool:
    """Whether the revision runs on PostgreSQL (else SQLite)."""
    return bind.dialect.name == "postgresql"


def create(bind: sa.Connection, guards: list[Guard] | tuple[Guard, ...]) -> None:
    """Install ``guards`` in the engine's own form."""
    postgresql = is_postgresql(bind)
    if postgresql:
        for function in _FUNCTIONS:
            bind.exec_driver_sql(function)
    for guard in guards:
        bind.exec_driver_sql(guard.postgresql() if postgresql else guard.sqlite())


def drop(bind: sa.Connection, guards: list[Guard] | tuple[Guard, ...]) -> None:
    """Remove ``guards`` (those already gone are skipped)."""
    for guard in guards:
        on = f" ON {guard.table}" if is_postgresql(bind) else ""
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {guard.name}{on}")


def trigger_names(bind: sa.Connection) -> set[str]:
    """The names of the triggers in the database (PostgreSQL: the user-defined ones)."""
    if is_postgresql(bind):
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return {str(name) for name in bind.exec_driver_sql(query).scalars()}
