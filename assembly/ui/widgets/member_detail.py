"""One member at a glance, under the register table: every field, whether they may vote at a
meeting today and why not, and how their membership ended. Laid out in columns across the
page's width, so the table above keeps the whole width for the names (at 1200 px a panel
beside it left the name column 70 px)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from assembly.domain.members import Status
from assembly.i18n import tr
from assembly.services.register_search import MemberDetail
from assembly.ui.widgets.date_field import format_date

_OK_STYLE = "color: #1e6b2e; font-weight: bold;"
_NO_STYLE = "color: #b3261e; font-weight: bold;"
COLUMNS = 5  # fields side by side in a row of the panel


class MemberDetailPanel(QGroupBox):
    """Shows a :class:`MemberDetail`, or a hint while no member is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Rincian anggota"), parent)
        self.hint = QLabel(tr("Pilih anggota di tabel untuk melihat rinciannya."))
        self.hint.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        self.form = QGridLayout()
        self.form.setHorizontalSpacing(18)
        self.form.setVerticalSpacing(1)
        for slot, (key, label) in enumerate(
            (
                ("number", tr("Nomor anggota")),
                ("name", tr("Nama lengkap")),
                ("nik", tr("NIK")),
                ("sex", tr("Jenis kelamin")),
                ("birth_date", tr("Tanggal lahir")),
                ("address", tr("Alamat")),
                ("phone", tr("Telepon")),
                ("joined_on", tr("Tanggal masuk")),
                ("category", tr("Kategori")),
                ("status", tr("Status")),
                ("arrears", tr("Tunggakan simpanan")),
                ("exit", tr("Berakhirnya keanggotaan")),
                ("vote", tr("Hak suara hari ini")),
            )
        ):
            # Caption above value, COLUMNS fields a row: long addresses and reasons wrap.
            caption = QLabel(label)
            caption.setStyleSheet("color: #5f5f5f; font-size: 8pt;")
            value = QLabel()
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            row, column = divmod(slot, COLUMNS)
            caption.setContentsMargins(0, 6 if row else 0, 0, 0)  # a gap between field rows
            self.form.addWidget(caption, row * 2, column)
            self.form.addWidget(value, row * 2 + 1, column)
        for column in range(COLUMNS):
            self.form.setColumnStretch(column, 1)
        self.body = QWidget()
        self.body.setLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.show_detail(None)

    def show_detail(self, detail: MemberDetail | None) -> None:
        """Show ``detail`` (None: nothing chosen)."""
        self.hint.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            return
        m = detail.member
        none = tr("—")
        exit_text = none
        if m.exit_date is not None or m.exit_reason:
            exit_text = tr(
                "{status} pada {date}", status=tr(m.status.key), date=format_date(m.exit_date)
            )
            if m.exit_reason:
                exit_text += tr("; alasan: {reason}", reason=m.exit_reason)
        if m.exit_date is None and m.status is not Status.ACTIVE:
            exit_text = tr("{status}, tanggal keluar belum diketahui", status=tr(m.status.key))
            if m.exit_reason:
                exit_text += tr("; alasan: {reason}", reason=m.exit_reason)
        texts = {
            "number": m.number,
            "name": m.name,
            "nik": m.nik or none,
            "sex": tr(m.sex.key) if m.sex else none,
            "birth_date": format_date(m.birth_date) or none,
            "address": m.address or none,
            "phone": m.phone or none,
            "joined_on": format_date(m.joined_on) or none,
            "category": tr(m.category.key),
            "status": tr(m.status.key),
            "arrears": tr("Ada") if m.arrears else tr("Tidak ada"),
            "exit": exit_text,
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        e = detail.eligibility
        if e.may_vote:
            vote = tr("Boleh hadir dan memberi suara")
        elif e.may_attend:
            vote = tr("Boleh hadir, tanpa hak suara")
        else:
            vote = tr("Tidak dapat hadir sebagai anggota")
        if e.reason:
            vote += f" — {e.reason}"
        self.values["vote"].setText(vote)
        self.values["vote"].setStyleSheet(_OK_STYLE if e.may_vote else _NO_STYLE)
        self.values["vote"].setToolTip(
            tr("Menurut profil AD yang berlaku, per {date}", date=format_date(detail.on))
        )
