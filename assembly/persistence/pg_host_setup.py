"""The host cluster's roles, settings and access rules (see :mod:`pg_cluster`): what the server
is told in ``kuorum.conf`` and ``pg_hba.conf``, the two roles and their passwords, and what the
desks' role may do."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa

DATABASE = "kuorum"
HOST_ROLE = "kuorum_induk"
DESK_ROLE = "kuorum_meja"
CONFIG_FILE = "kuorum.conf"
# Readable aloud and typed on a desk: no 0/o, 1/l/i.
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

# What secret ballots and durability need from the server (see the module's docstring).
SERVER_SETTINGS = {
    "fsync": "on",
    "synchronous_commit": "on",
    "full_page_writes": "on",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "archive_mode": "off",
    "wal_recycle": "off",
    "wal_init_zero": "on",
    "password_encryption": "scram-sha-256",
    "log_statement": "none",
    "log_min_error_statement": "panic",
    "log_min_duration_statement": "-1",
    "max_connections": "200",  # eight desks, a chair, a projector, each a small pool
    "unix_socket_directories": "''",
}


@dataclass(frozen=True)
class HostSettings:
    """Where the cluster listens and the passwords of its two roles."""

    address: str
    subnet: str
    port: int
    host_password: str
    desk_password: str

    def desk_url(self) -> str:
        """The connection string a desk joins with (also the QR code's text)."""
        return url(DESK_ROLE, self.desk_password, self.address, self.port)

    def host_url(self) -> str:
        """The superuser's connection from the host laptop itself."""
        return url(HOST_ROLE, self.host_password, "127.0.0.1", self.port)


def url(role: str, password: str, address: str, port: int, database: str = DATABASE) -> str:
    return f"postgresql://{role}:{quote(password, safe='')}@{address}:{port}/{database}"


def new_password(length: int = 12) -> str:
    """A random password in groups of four (``k7m2-p9xq-4tvw``), about 59 bits."""
    chars = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))
    return "-".join(chars[i : i + 4] for i in range(0, length, 4))


def write_config(data: Path, settings: HostSettings, give: Callable[[Path], None]) -> None:
    """Write the server's settings (``kuorum.conf``, included by ``postgresql.conf``) and
    ``pg_hba.conf`` into the cluster's ``data`` folder; ``give`` hands a new file to the
    server's system user."""
    values = dict(SERVER_SETTINGS)
    addresses = dict.fromkeys(["127.0.0.1", settings.address])
    values["listen_addresses"] = "'" + ",".join(addresses) + "'"
    values["port"] = str(settings.port)
    config = data / CONFIG_FILE
    config.write_text(
        "# Written by Kuorum (assembly/persistence/pg_cluster.py); changed by 'host start'.\n"
        + "".join(f"{key} = {value}\n" for key, value in values.items()),
        encoding="utf-8",
    )
    give(config)
    main = data / "postgresql.conf"
    text = main.read_text(encoding="utf-8")
    include = f"include = '{CONFIG_FILE}'\n"
    if include not in text:
        main.write_text(text + "\n" + include, encoding="utf-8")
    # Only these lines: every other address, role or database is refused.
    (data / "pg_hba.conf").write_text(
        "# Written by Kuorum: the host laptop's superuser from this computer only, the\n"
        "# desks' role from the chosen LAN only; everything else is refused.\n"
        f"host {DATABASE},postgres {HOST_ROLE} 127.0.0.1/32 scram-sha-256\n"
        f"host {DATABASE} {DESK_ROLE} 127.0.0.1/32 scram-sha-256\n"
        f"host {DATABASE} {DESK_ROLE} {settings.subnet} scram-sha-256\n",
        encoding="utf-8",
    )


def create_roles(settings: HostSettings) -> None:
    """The desks' role, the ``kuorum`` database owned by the host's superuser, and what the
    desks may do in it (the cluster runs, fresh from ``initdb``)."""
    admin = sa.create_engine(
        driver(url(HOST_ROLE, settings.host_password, "127.0.0.1", settings.port, "postgres")),
        isolation_level="AUTOCOMMIT",
    )
    try:
        with admin.connect() as conn:
            conn.execute(
                sa.text(
                    f"CREATE ROLE {DESK_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                    "NOREPLICATION NOBYPASSRLS"
                )
            )
            _set_password(conn, DESK_ROLE, settings.desk_password)
            conn.execute(sa.text(f"CREATE DATABASE {DATABASE} OWNER {HOST_ROLE}"))
            conn.execute(sa.text(f"REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC"))
            conn.execute(sa.text(f"GRANT CONNECT, TEMPORARY ON DATABASE {DATABASE} TO {DESK_ROLE}"))
            # A secret ballot's close ends the WAL segment holding its changes
            # (pg_database.scrub_after_secret_ballot), from whichever desk closes it.
            conn.execute(sa.text(f"GRANT pg_checkpoint TO {DESK_ROLE}"))
    finally:
        admin.dispose()
    owner = sa.create_engine(driver(settings.host_url()), isolation_level="AUTOCOMMIT")
    try:
        with owner.connect() as conn:
            for statement in desk_grants():
                conn.execute(sa.text(statement))
    finally:
        owner.dispose()


def desk_grants() -> list[str]:
    """What the desks' role may do in the ``kuorum`` database: read and write the rows of the
    tables the host's migrations create, use their sequences; no DDL (the schema is the
    host's, created by its superuser)."""
    return [
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {DESK_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {DESK_ROLE}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {DESK_ROLE}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {HOST_ROLE} IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {DESK_ROLE}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {HOST_ROLE} IN SCHEMA public "
        f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {DESK_ROLE}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {HOST_ROLE} IN SCHEMA public "
        f"GRANT EXECUTE ON FUNCTIONS TO {DESK_ROLE}",
        # Granted in the database that holds the function's catalogue entry: this one.
        f"GRANT EXECUTE ON FUNCTION pg_switch_wal() TO {DESK_ROLE}",
    ]


def _set_password(conn: sa.Connection, role: str, password: str) -> None:
    # ALTER ROLE takes no bind parameters; the password's alphabet has no quote in it.
    if not set(password) <= set(_PASSWORD_ALPHABET + "-"):
        raise ValueError("unexpected character in a generated password")
    conn.execute(sa.text(f"ALTER ROLE {role} PASSWORD '{password}'"))


def driver(url: str) -> str:
    """The SQLAlchemy form of a libpq URL (psycopg 3)."""
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


# The tables a secret ballot's votes change (pg_database.scrub_after_secret_ballot).
SECRET_BALLOT_TABLES = ("secret_participation", "secret_totals")


def hand_secret_tables_to_desks(
    settings: HostSettings, tables: tuple[str, ...] = SECRET_BALLOT_TABLES
) -> None:
    """Make the desks' role the owner of a secret ballot's ``tables``: the desk that closes a
    ballot rewrites them (``CLUSTER``, which only their owner may run), so no earlier
    version of their rows stays in the cluster's files (docs/security.md). Every other table
    stays the host's: a desk changes no other table's shape or triggers."""
    owner = sa.create_engine(driver(settings.host_url()), isolation_level="AUTOCOMMIT")
    try:
        with owner.connect() as conn:
            present = set(sa.inspect(conn).get_table_names())
            for table in tables:
                if table in present:
                    conn.execute(sa.text(f'ALTER TABLE "{table}" OWNER TO {DESK_ROLE}'))
    finally:
        owner.dispose()
