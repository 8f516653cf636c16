"""The first start: create the cooperative, open the demo to look around first, or join the host
laptop of a meeting with several desks (DESIGN.md section 9)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ad_templates import ProfileTemplate
from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.cooperative import CooperativeService
from assembly.services.joining import OtherCooperative, join_url
from assembly.ui.widgets.cooperative_form import CooperativeForm

# Opens the host's database as a desk: (connection string, the secretary confirmed another
# cooperative) -> the services over it; raises DomainError saying why not.
JoinHost = Callable[[str, bool], Services]


class FirstStartDialog(QDialog):
    """A two-step wizard. When accepted, ``choice`` is "created" (the cooperative was saved),
    "demo" (the caller opens the demo cooperative) or "join" (``joined`` holds the services
    over the host laptop's database)."""

    def __init__(
        self,
        cooperative: CooperativeService,
        parent: QWidget | None = None,
        *,
        join: JoinHost | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = cooperative
        self._join = join
        self.choice = ""
        self.joined: Services | None = None
        self.question: QMessageBox | None = None
        self.setWindowTitle(tr("Selamat datang di Kuorum"))
        self.pages = QStackedWidget()
        # On the pages, not the window: a window minimum would stop it growing in height.
        self.pages.setMinimumWidth(620)
        self.pages.addWidget(self._welcome())
        self.pages.addWidget(self._profile())
        self.pages.addWidget(self._join_page())
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
        self.join_button = QCommandLinkButton(
            tr("Gabung ke laptop induk"),
            tr(
                "Rapat dengan beberapa meja: laptop ini bergabung ke basis data di laptop "
                "induk lewat jaringan lokal."
            ),
        )
        self.create_button.clicked.connect(lambda: self._go(1))
        self.demo_button.clicked.connect(self._demo)
        self.join_button.clicked.connect(lambda: self._go(2))
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(self.create_button)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.join_button)
        self.join_button.setVisible(self._join is not None)
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

    def _join_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(tr("Gabung ke laptop induk"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        hint = QLabel(
            tr(
                "Laptop induk menunjukkan alamat, kata sandi dan string koneksinya (menu "
                "Berkas → Laptop induk). Ketik alamat dan kata sandi, atau tempel string "
                "koneksinya."
            )
        )
        hint.setWordWrap(True)
        hint.setMinimumHeight(hint.heightForWidth(self.pages.minimumWidth()))
        self.host_address = QLineEdit(str(QSettings().value("join/address", "")))
        self.host_address.setPlaceholderText("192.168.1.10:54329")
        self.host_password = QLineEdit()
        self.host_password.setPlaceholderText("abcd-efgh-jkmn")
        self.host_url = QLineEdit()
        self.host_url.setPlaceholderText("postgresql://kuorum_meja:…@192.168.1.10:54329/kuorum")
        form = QFormLayout()
        for text, field in (
            (tr("&Alamat laptop induk"), self.host_address),
            (tr("&Kata sandi meja"), self.host_password),
            (tr("atau &tempel string koneksi"), self.host_url),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
            field.returnPressed.connect(self.join)
        self.join_error = QLabel()
        self.join_error.setObjectName("join_error")
        self.join_error.setWordWrap(True)
        self.join_error.setStyleSheet("color: #b3261e;")
        back = QPushButton(tr("&Kembali"))
        back.clicked.connect(lambda: self._go(0))
        self.join_go = QPushButton(tr("&Gabung"))
        self.join_go.clicked.connect(self.join)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.join_go)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.join_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def join(self, accept_other: bool = False) -> None:
        """Join the host typed or pasted, or show why not (wrong password, unreachable,
        another cooperative, a newer Kuorum there)."""
        if self._join is None:
            return
        try:
            url = join_url(
                self.host_address.text(), self.host_password.text(), self.host_url.text()
            )
        except DomainError as exc:
            self.join_error.setText(exc.message)
            return
        self.join_error.setText(tr("Menghubungi laptop induk…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.joined = self._join(url, accept_other)
        except OtherCooperative as exc:
            self.join_error.setText(exc.message)
            self._ask_other(exc.message)
            return
        except DomainError as exc:
            self.join_error.setText(exc.message)
            return
        finally:
            QApplication.restoreOverrideCursor()
        if not self.host_url.text().strip():
            QSettings().setValue("join/address", self.host_address.text().strip())
        self.choice = "join"
        self.accept()

    def _ask_other(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Koperasi lain di laptop induk"),
            message + "\n\n" + tr("Tetap gabung ke koperasi ini?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: button is yes and self.join(accept_other=True))
        self.question = box
        box.open()

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
        elif page == 2:
            self.join_go.setDefault(True)
            field = self.host_password if self.host_address.text() else self.host_address
            field.setFocus(Qt.FocusReason.OtherFocusReason)
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
