"""The test session's own PostgreSQL server answers, with a password, over TCP."""

from __future__ import annotations

import sqlalchemy as sa


def test_the_session_server_accepts_a_password_login(pg_server: object) -> None:
    engine = sa.create_engine(pg_server.url())  # type: ignore[attr-defined]
    try:
        with engine.connect() as conn:
            version = conn.execute(sa.text("SHOW server_version_num")).scalar_one()
            user = conn.execute(sa.text("SELECT current_user")).scalar_one()
    finally:
        engine.dispose()
    assert int(version) >= 150000
    assert user == "kuorum_test"


def test_a_wrong_password_is_refused(pg_server: object) -> None:
    url = pg_server.url().replace("kuorum-test-password", "salah")  # type: ignore[attr-defined]
    engine = sa.create_engine(url)
    try:
        with engine.connect():
            raise AssertionError("a wrong password was accepted")
    except sa.exc.OperationalError as exc:
        assert "password authentication failed" in str(exc)
    finally:
        engine.dispose()
