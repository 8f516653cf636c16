"""The proxies (kuasa) of one meeting, when its AD profile allows them: record a surat kuasa
(grantor, holder, reference) and withdraw one. The rules (holder present and entitled, cap per
holder, lapsing when the grantor arrives) are the service's."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.ui.operation import Operations


class ProxyDialog(QDialog):
    """Lists the meeting's proxies; records and withdraws them."""

    def __init__(
        self, services: Services, operations: Operations, meeting_id: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.operations = operations
        self.meeting_id = meeting_id
        self.setWindowTitle(tr("Kuasa (surat kuasa)"))
        self.grantor = QLineEdit()
        self.grantor.setPlaceholderText(tr("nomor anggota pemberi kuasa"))
        self.holder = QLineEdit()
        self.holder.setPlaceholderText(tr("nomor anggota penerima kuasa (harus hadir)"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(tr("nomor atau tanggal surat kuasa"))
        self.grant_button = QPushButton(tr("&Catat kuasa"))
        self.grant_button.setDefault(True)
        self.withdraw_button = QPushButton(tr("Ca&but kuasa terpilih"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [tr("Pemberi kuasa"), tr("Penerima kuasa"), tr("Surat kuasa"), tr("Keadaan")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(tr("Pemberi kuasa:"), self.grantor)
        form.addRow(tr("Penerima kuasa:"), self.holder)
        form.addRow(tr("Surat kuasa:"), self.reference)
        row = QHBoxLayout()
        row.addWidget(self.grant_button)
        row.addStretch(1)
        row.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.grant_button.clicked.connect(self.grant)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.resize(720, 420)
        self.load()

    def load(self) -> None:
        """Show the meeting's proxies."""
        entries = self.services.proxies.list(self.meeting_id)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            texts = (
                f"{entry.grantor_number} {entry.grantor_name}",
                f"{entry.holder_number} {entry.holder_name}",
                entry.proxy.reference,
                tr(entry.proxy.state.key),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(256, entry.proxy.id)
                self.table.setItem(row, column, item)

    def grant(self) -> None:
        """Record the surat kuasa typed in the form."""
        grantor, holder = self.grantor.text().strip(), self.holder.text().strip()
        reference = self.reference.text()
        done = self.operations.run(
            self,
            lambda: self.services.proxies.grant(self.meeting_id, grantor, holder, reference),
        )
        if done is not None:
            for field in (self.grantor, self.holder, self.reference):
                field.clear()
            self.grantor.setFocus()
            self.load()

    def withdraw(self) -> None:
        """Withdraw the chosen proxy."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        proxy_id = int(item.data(256))
        if self.operations.run(
            self, lambda: self.services.proxies.withdraw(self.meeting_id, proxy_id)
        ):
            self.load()
