"""The signed berita acara kept once, and the stays under the lock (DESIGN.md section 7).

Until now the lock stored the signed berita acara twice: in ``signed_files`` (beside each
recorded document, addenda too) and in ``meeting_anchors.signed_pdf``. Two copies can
disagree, and a check read one while an export read the other. From this revision the file
lives only in ``signed_files``; the anchor keeps its SHA-256. Where the two copies disagree,
the one whose SHA-256 the audit chain recorded at the lock (the ``minutes.locked`` event,
whose hash links it into the chain) is kept; when the chain names neither, the one the
anchor's SHA-256 names; else ``signed_files``' own (``audit verify`` then says it is no
longer the signed file). A meeting locked before ``signed_files`` existed gets its row from
the anchor's copy.

``attendance_stays`` (r0012) gets the lock's triggers: once a meeting is locked its stays can
no longer be added, changed or removed, with the same ``kuorum:meeting-locked`` refusal.

Revision ID: r0014
Revises: r0013
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from alembic import op

from assembly.persistence.migrations import guards

revision = "r0014"
down_revision = "r0013"
branch_labels = None
depends_on = None

LOCKED_MARK = "kuorum:meeting-locked"  # as r0005: persistence.database maps it to a refusal
ANCHOR_MARK = "kuorum:anchor-fixed"  # as r0007
BERITA_ACARA = "berita_acara"  # as persistence.document_store


def stays_guards() -> list[guards.Guard]:
    """The lock's triggers of ``attendance_stays`` (as r0005 writes them for its tables)."""
    out = []
    for event, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        out.append(
            guards.Guard(
                f"lock_attendance_stays_{event.lower()}",
                "attendance_stays",
                event,
                LOCKED_MARK,
                when=f"(SELECT state FROM meetings WHERE id = {row}.meeting_id) = 'locked'",
                via="meeting_id",
            )
        )
    return out


# The triggers of the tables this revision rewrites (as r0007 and r0008 created them): off
# while their rows are moved, on again before the revision's commit.
_ANCHOR_GUARDS = tuple(
    guards.Guard(f"anchor_meeting_anchors_{event.lower()}", "meeting_anchors", event, ANCHOR_MARK)
    for event in ("UPDATE", "DELETE")
)
_FILE_GUARDS = tuple(
    guards.Guard(f"signed_files_no_{event.lower()}", "signed_files", event, LOCKED_MARK)
    for event in ("UPDATE", "DELETE")
)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _chained(bind: sa.Connection) -> dict[int, str]:
    """The SHA-256 of the berita acara each lock's audit event recorded, by meeting."""
    out: dict[int, str] = {}
    rows = bind.execute(
        sa.text("SELECT payload FROM audit_events WHERE kind = 'minutes.locked' ORDER BY seq")
    ).scalars()
    for payload in rows:
        try:
            data = json.loads(payload)
            out[int(data["meeting_id"])] = str(data["sha256"])
        except (ValueError, KeyError, TypeError):
            continue  # an event this revision cannot read names no copy
    return out


def _keep_one_copy(bind: sa.Connection) -> None:
    """Each anchor's signed berita acara into ``signed_files`` where that is the copy to keep."""
    chained = _chained(bind)
    anchors = bind.execute(
        sa.text(
            "SELECT meeting_id, signed_sha256, recorded_at FROM meeting_anchors ORDER BY meeting_id"
        )
    ).all()
    for meeting_id, anchored_sha, recorded_at in anchors:
        (anchor_pdf,) = bind.execute(
            sa.text("SELECT signed_pdf FROM meeting_anchors WHERE meeting_id = :m"),
            {"m": meeting_id},
        ).one()
        anchor_pdf = bytes(anchor_pdf)
        document = bind.execute(
            sa.text(
                "SELECT id FROM meeting_documents WHERE meeting_id = :m AND kind = :k ORDER BY id"
            ),
            {"m": meeting_id, "k": BERITA_ACARA},
        ).first()
        if document is None:  # never written so (one transaction), but keep the file anyway
            document_id = bind.execute(
                sa.text(
                    "INSERT INTO meeting_documents (meeting_id, kind, sha256, file_name, signers,"
                    " recorded_at, actor) VALUES (:m, :k, :sha, :name, '', :at, 'migrasi')"
                    " RETURNING id"
                ),
                {
                    "m": meeting_id,
                    "k": BERITA_ACARA,
                    "sha": _sha(anchor_pdf),
                    "name": f"berita-acara-rapat-{meeting_id}.pdf",
                    "at": recorded_at,
                },
            ).scalar_one()
        else:
            document_id = document[0]
        kept = bind.execute(
            sa.text("SELECT data FROM signed_files WHERE document_id = :d"), {"d": document_id}
        ).scalar()
        if kept is None:
            bind.execute(
                sa.text("INSERT INTO signed_files (document_id, data) VALUES (:d, :data)"),
                {"d": document_id, "data": anchor_pdf},
            )
            continue
        kept = bytes(kept)
        if kept == anchor_pdf:
            continue
        wanted = chained.get(meeting_id)
        if wanted is None or wanted not in (_sha(kept), _sha(anchor_pdf)):
            wanted = anchored_sha
        if _sha(anchor_pdf) == wanted and _sha(kept) != wanted:
            bind.execute(
                sa.text("UPDATE signed_files SET data = :data WHERE document_id = :d"),
                {"d": document_id, "data": anchor_pdf},
            )


def upgrade() -> None:
    bind = op.get_bind()
    guards.drop(bind, _ANCHOR_GUARDS + _FILE_GUARDS)
    _keep_one_copy(bind)
    with op.batch_alter_table("meeting_anchors") as batch:
        batch.drop_column("signed_pdf")
    guards.create(bind, _ANCHOR_GUARDS + _FILE_GUARDS)
    guards.create(bind, stays_guards())


def downgrade() -> None:
    bind = op.get_bind()
    guards.drop(bind, stays_guards())
    guards.drop(bind, _ANCHOR_GUARDS)
    with op.batch_alter_table("meeting_anchors") as batch:
        batch.add_column(sa.Column("signed_pdf", sa.LargeBinary, nullable=True))
    bind.execute(
        sa.text(
            "UPDATE meeting_anchors SET signed_pdf = (SELECT f.data FROM signed_files f"
            " JOIN meeting_documents d ON d.id = f.document_id"
            " WHERE d.meeting_id = meeting_anchors.meeting_id AND d.kind = :k"
            " ORDER BY d.id LIMIT 1)"
        ),
        {"k": BERITA_ACARA},
    )
    with op.batch_alter_table("meeting_anchors") as batch:
        batch.alter_column("signed_pdf", existing_type=sa.LargeBinary, nullable=False)
    guards.create(bind, _ANCHOR_GUARDS)
