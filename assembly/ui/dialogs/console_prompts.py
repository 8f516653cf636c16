"""The two questions the chair's console asks before an act: why no ballot may open now (with
the way on when what is missing is the record that consensus failed), and, when voters are
still missing, whether to close the ballot anyway ("10 dari 11 sudah memilih; tutup?"). Both
are window-modal and not blocking, so the page and its tests go on while they are shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from assembly.domain.quorum import thousands
from assembly.i18n import tr
from assembly.services.ballot_opening import OpeningRefusal


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box


def explain(parent: QWidget, title: str, text: str) -> QMessageBox:
    """Say why a key pressed does nothing now."""
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    box.setObjectName("explain_box")
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    return box


def explain_no_ballot(
    parent: QWidget, refusal: OpeningRefusal, record_no_consensus: Callable[[], object]
) -> QMessageBox:
    """Say why no ballot may open; when consensus was not yet recorded as failed, offer to
    record it (the ballot form follows once it is recorded)."""
    box = _box(parent, QMessageBox.Icon.Information, tr("Pemungutan suara belum dapat dibuka"),
               refusal.reason)  # fmt: skip
    box.setObjectName("no_ballot_box")
    if refusal.consensus_pending:
        record = box.addButton(
            tr("Catat mufakat tidak tercapai…"), QMessageBox.ButtonRole.AcceptRole
        )
        record.setObjectName("record_no_consensus")
        record.clicked.connect(lambda _c=False: record_no_consensus())
        box.setDefaultButton(record)
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    return box


def ask_to_close(
    parent: QWidget, voted: int, eligible: int, close: Callable[[], object]
) -> QMessageBox:
    """Ask once whether to close while ``eligible - voted`` voters have not voted; ``close``
    runs on yes. "Kembali" is the default, so a stray Enter closes nothing."""
    box = _box(
        parent,
        QMessageBox.Icon.Question,
        tr("Tutup pemungutan suara"),
        tr("{voted} dari {eligible} sudah memilih; tutup?", voted=thousands(voted),
           eligible=thousands(eligible)),
    )  # fmt: skip
    box.setObjectName("close_ballot_box")
    box.setInformativeText(
        tr("{n} anggota yang berhak belum memberikan suara; sesudah ditutup mereka tidak dapat "
           "memilih lagi.", n=thousands(eligible - voted))
    )  # fmt: skip
    yes: QPushButton = box.addButton(tr("&Tutup pemungutan suara"), QMessageBox.ButtonRole.YesRole)
    yes.setObjectName("confirm_close")
    back = box.addButton(tr("&Kembali"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    yes.clicked.connect(lambda _c=False: close())
    box.open()
    return box
