"""The first start: create the cooperative, or open the demo to look around first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ad_templates import ProfileTemplate
from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.cooperative import CooperativeService
from assembly.ui.widgets.cooperative_form import CooperativeForm


class FirstStartDialog(QDialog):
    """A two-step wizard. When accepted, ``choice`` is "created" (the cooperative was saved)
    or "demo" (the caller opens the demo cooperative)."""

    def __init__(self, cooperative: CooperativeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = cooperative
        self.choice = ""
        self.setWindowTitle(tr("Selamat datang di Kuorum"))
        self.pages = QStackedWidget()
        # On the pages, not the window: a window minimum would stop it growing in height.
        self.pages.setMinimumWidth(620)
        self.pages.addWidget(self._welcome())
        self.pages.addWidget(self._profile())
        layout = QVBoxLayout(self)
        # The window grows when a problem shows under a field, never squeezing the fields.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.pages)
        self.create_button.setFocus()

    def _welcome(self) -> QWidget:
        page = QWidget()
        title = QLabel(tr("Selamat datang di Kuorum"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        intro = QLabel(
            tr(
                "Kuorum mencatat buku daftar anggota, kehadiran dan kuorum, keputusan, dan "
                "berita acara Rapat Anggota koperasi Anda, tanpa internet."
            )
        )
        intro.setWordWrap(True)
        self.create_button = QCommandLinkButton(
            tr("Buat koperasi baru"),
            tr("Isi profil koperasi Anda, lalu impor atau ketik daftar anggotanya."),
        )
        self.demo_button = QCommandLinkButton(
            tr("Buka koperasi demo"),
            tr(
                "Lihat-lihat dulu dengan koperasi contoh beserta anggotanya; data Anda tidak "
                "tersentuh."
            ),
        )
        self.create_button.clicked.connect(lambda: self._go(1))
        self.demo_button.clicked.connect(self._demo)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(self.create_button)
        layout.addWidget(self.demo_button)
        layout.addStretch(1)
        return page

    def _profile(self) -> QWidget:
        page = QWidget()
        title = QLabel(tr("Profil koperasi"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        hint = QLabel(
            tr(
                "Data ini tampil di kepala setiap berita acara. Semuanya dapat diubah nanti di "
                "halaman Profil Koperasi & AD."
            )
        )
        hint.setWordWrap(True)
        # Its height at the page's width counts in the window's minimum: a wrapped label is
        # otherwise counted as one line, and the fields below pay for the other.
        hint.setMinimumHeight(hint.heightForWidth(self.pages.minimumWidth()))
        self.form = CooperativeForm()
        self.template = QComboBox()
        for template in ProfileTemplate:
            self.template.addItem(tr(template.key), template)
        self.template_hint = QLabel()
        self.template_hint.setObjectName("template_hint")
        self.template_hint.setWordWrap(True)
        self.template_hint.setStyleSheet("color: #555;")
        self.template.currentIndexChanged.connect(self._explain_template)
        self._explain_template()
        template_label = QLabel(tr("Profil AD &awal"))
        template_label.setBuddy(self.template)
        template_row = QHBoxLayout()
        template_row.addWidget(template_label)
        template_row.addWidget(self.template, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.back_button = QPushButton(tr("&Kembali"))
        self.save_button = QPushButton(tr("&Simpan dan mulai"))
        self.save_button.setDefault(True)
        self.back_button.clicked.connect(lambda: self._go(0))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.form)
        layout.addLayout(template_row)
        layout.addWidget(self.template_hint)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        return page

    def _explain_template(self) -> None:
        self.template_hint.setText(
            self.chosen_template().explanation
            + " "
            + tr("Semua nilai dapat diubah dan wajib dicocokkan dengan AD Anda.")
        )
        # A wrapped label's height depends on its width, which the layout does not ask: give
        # it the height of its lines at the page's width, so the window grows instead of
        # squeezing the form's rows when a problem shows under a field.
        width = max(self.pages.minimumWidth() - 20, 1)
        needed = self.template_hint.heightForWidth(width)
        self.template_hint.setMinimumHeight(max(needed, 0))

    def chosen_template(self) -> ProfileTemplate:
        """The AD-profile template chosen."""
        return ProfileTemplate(self.template.currentData())

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        if page == 1:
            self.save_button.setDefault(True)
            self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.create_button.setFocus()

    def _demo(self) -> None:
        self.choice = "demo"
        self.accept()

    def save(self) -> None:
        """Save the profile and finish, or show what must be fixed."""
        problems = [p for p in self.form.check() if not p.warning]
        if problems:
            field = self.form.first_error_field()
            if field is not None:
                field.setFocus()
            return
        try:
            self._service.save_cooperative(
                self.form.cooperative(), profile=self.chosen_template().profile()
            )
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.choice = "created"
        self.accept()
