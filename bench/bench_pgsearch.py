"""The register's search on PostgreSQL (issue 13): the same queries and the same goal as
``bench_register``'s search on SQLite (p95 <= 10 ms per keystroke, count plus first page),
against a throwaway local server (initdb in a temporary folder, as the tests start theirs;
Debian's postgresql binaries). Run alone with ``python -m bench.bench_pgsearch [quick|full]``.
"""

from __future__ import annotations

import sys

import sqlalchemy as sa

from bench.bench_register import SIZES, bench_search, fill


def run(scale: str) -> list[dict[str, object]]:
    """The search figure on PostgreSQL at ``scale`` ("full": 300,000 members, "quick": 30,000)."""
    from tests.pg_server import start_server

    members = SIZES[scale]
    server = start_server()
    try:
        admin = sa.create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql("CREATE DATABASE register")
        admin.dispose()
        url = server.url("register")
        fill(url, members)  # type: ignore[arg-type]
        engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM ANALYZE members")  # as autovacuum leaves it
        engine.dispose()
        rows = bench_search(url, members)  # type: ignore[arg-type]
    finally:
        server.stop()
    for row in rows:
        row["work"] = f"PostgreSQL: {row['work']}"
    return rows


if __name__ == "__main__":
    for row in run(sys.argv[1] if len(sys.argv) > 1 else "quick"):
        print(f"{row['work']}\n    {row['figure']}  |  {row['baseline']}  |  {row['target']}")
