"""The cooperative page: its profile, and its AD profile (every Rapat Anggota rule with its AD
article), saved as a new version each time and confirmed against the AD by the secretary."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ad_profile import ADProfileVersion
from assembly.domain.cooperative import TimeZone
from assembly.domain.local_time import shown
from assembly.domain.quorum import QuorumBase, thousands
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.ui.operation import Operations
from assembly.ui.widgets.ad_profile_form import ADProfileForm
from assembly.ui.widgets.cooperative_form import CooperativeForm

BANNER_STYLE = (
    "background: #fff4ce; color: #5c4300; border: 1px solid #e0c060; border-radius: 4px;"
    "padding: 8px;"
)
EXAMPLE_DELAY_MS = 120


class CooperativePage(QWidget):
    """Tabs "Profil Koperasi" and "Profil AD"."""

    def __init__(self, services: Services, operations: Operations) -> None:
        super().__init__()
        self.services = services
        self.operations = operations
        self.tabs = QTabWidget()
        self.tabs.addTab(self._profile_tab(), tr("Profil Koperasi"))
        self.tabs.addTab(self._ad_tab(), tr("Profil AD"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._example_stale = False
        self._example_timer = QTimer(self)
        self._example_timer.setSingleShot(True)
        self._example_timer.setInterval(EXAMPLE_DELAY_MS)
        self._example_timer.timeout.connect(self.update_example)
        self.ad_form.changed.connect(self._ad_edited)
        operations.changed.connect(self._changed)
        self.load()

    # --- the tabs ----------------------------------------------------------------------------

    def _profile_tab(self) -> QWidget:
        tab = QWidget()
        self.coop_form = CooperativeForm()
        self.coop_form.setMaximumWidth(860)
        self.coop_save = QPushButton(tr("&Simpan profil koperasi"))
        self.coop_save.clicked.connect(self.save_cooperative)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.coop_save)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.coop_form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return tab

    def _ad_tab(self) -> QWidget:
        tab = QWidget()
        self.banner = QLabel()
        self.banner.setObjectName("ad_unconfirmed_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.version_label = QLabel()
        self.version_label.setObjectName("ad_version")
        self.ad_form = ADProfileForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.ad_form)
        self.confirm = QCheckBox(tr("Saya telah mencocokkan nilai-nilai ini dengan AD koperasi"))
        self.ad_save = QPushButton(tr("Simpan sebagai &versi baru"))
        self.ad_save.clicked.connect(self.save_ad_profile)
        self.ad_reset = QPushButton(tr("&Batalkan perubahan"))
        self.ad_reset.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm)
        buttons.addStretch(1)
        buttons.addWidget(self.ad_reset)
        buttons.addWidget(self.ad_save)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.banner)
        layout.addWidget(self.version_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        return tab

    # --- loading and saving ------------------------------------------------------------------

    def load(self) -> None:
        """Show the saved profiles, dropping unsaved edits."""
        coop = self.services.cooperative.cooperative()
        if coop is not None:
            self.coop_form.set_cooperative(coop)
        version = self.services.cooperative.ad_profile()
        self.ad_form.set_profile(version.profile)
        self.confirm.setChecked(version.confirmed)
        self._show_version(version)
        self.update_example()

    def save_cooperative(self) -> None:
        """Save the cooperative's profile (warnings do not block)."""
        if any(not p.warning for p in self.coop_form.check()):
            field = self.coop_form.first_error_field()
            if field is not None:
                field.setFocus()
            return
        coop = self.coop_form.cooperative()
        self.operations.run(self, lambda: self.services.cooperative.save_cooperative(coop))

    def save_ad_profile(self) -> None:
        """Save the AD profile as a new version, confirmed or not as the box says."""
        profile, confirmed = self.ad_form.profile(), self.confirm.isChecked()
        self.operations.run(
            self,
            lambda: self.services.cooperative.save_ad_profile(profile, confirmed=confirmed),
        )

    def update_example(self) -> None:
        """The quorum as it would be today: "Dengan 1.250 anggota berhak suara: minimal 626"."""
        self._example_timer.stop()
        if not self.isVisible():
            # Counting the register takes a moment at 300,000 members: not at the app's start
            # nor after each member saved elsewhere; when the page is shown.
            self._example_stale = True
            return
        self._example_stale = False
        profile = self.ad_form.profile()
        base = self.services.search.quorum_base(profile)
        minimum = profile.quorum.minimum(base)
        if profile.quorum.base is QuorumBase.VOTING_MEMBERS:
            text = tr(
                "Dengan {n} anggota berhak suara: minimal {minimum}",
                n=thousands(base),
                minimum=thousands(minimum),
            )
        else:
            text = tr(
                "Dengan {n} anggota aktif: minimal {minimum}",
                n=thousands(base),
                minimum=thousands(minimum),
            )
        self.ad_form.quorum_example.setText(text)

    def _ad_edited(self) -> None:
        # What is saved as confirmed is what the secretary checked after the last edit.
        self.confirm.setChecked(False)
        self._example_timer.start()

    def _show_version(self, version: ADProfileVersion) -> None:
        if version.version == 0:
            text = tr("Belum pernah disimpan: nilai bawaan praktik umum.")
        else:
            text = tr(
                "Versi {version}, disimpan {when}.",
                version=version.version,
                when=self._local_time(version.saved_at),
            )
        text += " " + (
            tr("Sudah dicocokkan dengan AD.") if version.confirmed else tr("Belum dicocokkan.")
        )
        self.version_label.setText(text)
        self.banner.setText(
            tr(
                "Profil AD ini belum dicocokkan dengan Anggaran Dasar koperasi. Periksa setiap "
                "nilai dan pasalnya, centang konfirmasi di bawah, lalu simpan sebelum rapat "
                "pertama."
            )
        )
        self.banner.setVisible(not version.confirmed)

    def _local_time(self, moment: dt.datetime) -> str:
        coop = self.services.cooperative.cooperative()
        zone = coop.time_zone if coop else TimeZone.WIB
        return shown(moment, zone)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Area.AD_PROFILE) or changes.touches(Area.COOPERATIVE):
            self.load()
        elif changes.touches(Area.MEMBERS):
            self.update_example()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._example_stale:
            self.update_example()

    def show_ad_tab(self) -> None:
        """Switch to the AD profile tab."""
        self.tabs.setCurrentIndex(1)
        self.ad_form.setFocus(Qt.FocusReason.OtherFocusReason)
