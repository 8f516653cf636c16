"""Every value of the AD profile as a form, each with the AD article it comes from beside it.

Rows are grouped as the AD usually orders them: quorum, a failed quorum, notice and timing,
who votes, proxies, decisions, and the special items (AD amendment, merger, division,
dissolution) whose quorum and majority may still be unset ("belum diatur").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from assembly.domain.ad_profile import (
    SPECIAL_KINDS,
    ADProfile,
    ItemKind,
    MajorityRule,
    NoQuorumAtVote,
    TieBreak,
)
from assembly.domain.quorum import QuorumRule
from assembly.i18n import tr
from assembly.ui.widgets.rule_editors import MajorityEditor, OptionalRule, QuorumEditor

ARTICLE_WIDTH = 150


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(110)
    return spin


class ADProfileForm(QWidget):
    """Edits an :class:`ADProfile`. ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        self._grid.setHorizontalSpacing(12)
        self._row = 0
        self.articles: dict[str, QLineEdit] = {}
        self._kept_articles: dict[str, str] = {}
        self._readers: dict[str, Callable[[], Any]] = {}
        self._writers: dict[str, Callable[[Any], None]] = {}

        self._heading(tr("Kuorum"))
        self.quorum = QuorumEditor()
        self._add("quorum", tr("Kuorum rapat"), self.quorum, self.quorum.rule, self.quorum.set_rule)
        self.quorum_example = QLabel()
        self.quorum_example.setObjectName("quorum_example")
        self.quorum_example.setStyleSheet("font-weight: bold;")
        self._grid.addWidget(self.quorum_example, self._row, 1, 1, 2)
        self._row += 1

        self._heading(tr("Bila kuorum tidak tercapai"))
        self.suspension = _spin(0, 24 * 60, tr(" menit"))
        self._spin_row("suspension_minutes", tr("Rapat diskors selama"), self.suspension)
        self.rechecks = _spin(0, 10, tr(" kali"))
        self._spin_row("rechecks", tr("Kuorum diperiksa ulang"), self.rechecks)
        self.second_call = OptionalRule(QuorumEditor())
        self._add(
            "second_call_quorum",
            tr("Kuorum rapat panggilan kedua"),
            self.second_call,
            self.second_call.rule,
            self.second_call.set_rule,
        )
        self.reconvene = _spin(0, 365, tr(" hari"))
        self.reconvene.setSpecialValueText(tr("belum diatur"))
        self._add(
            "reconvene_within_days",
            tr("Rapat lanjutan paling lambat"),
            self.reconvene,
            lambda: self.reconvene.value() or None,
            lambda v: self.reconvene.setValue(v or 0),
        )
        self.reinvite = self._check_row(
            "reconvene_needs_invitation", tr("Rapat lanjutan memerlukan undangan baru")
        )

        self._heading(tr("Undangan dan waktu"))
        self.notice = _spin(0, 365, tr(" hari sebelum rapat"))
        self._spin_row("notice_days", tr("Undangan dikirim paling lambat"), self.notice)
        self.deadline = _spin(0, 6, tr(" bulan setelah tahun buku berakhir"))
        self.deadline.setSpecialValueText(
            tr("ketentuan Kemenkop: primer akhir Maret, sekunder 6 bulan")
        )
        self.deadline.setMinimumWidth(300)
        self._add(
            "rat_deadline_months",
            tr("RAT diadakan paling lambat"),
            self.deadline,
            lambda: self.deadline.value() or None,
            lambda v: self.deadline.setValue(v or 0),
        )

        self._heading(tr("Hak suara"))
        self.candidates = self._check_row(
            "candidates_may_vote", tr("Calon anggota memiliki hak suara")
        )
        self.extraordinary = self._check_row(
            "extraordinary_may_vote", tr("Anggota luar biasa memiliki hak suara")
        )
        self.arrears = self._check_row(
            "arrears_suspend_vote", tr("Tunggakan simpanan menangguhkan hak suara")
        )

        self._heading(tr("Kuasa"))
        self.proxies = self._check_row(
            "proxies_enabled", tr("Anggota boleh diwakili dengan surat kuasa")
        )
        self.proxy_cap = _spin(1, 10, tr(" kuasa"))
        self._spin_row("proxy_cap", tr("Paling banyak per penerima kuasa"), self.proxy_cap)
        self.proxies.toggled.connect(self.proxy_cap.setEnabled)

        self._heading(tr("Keputusan"))
        self.majority = MajorityEditor()
        self._add(
            "majority",
            tr("Keputusan biasa: suara setuju"),
            self.majority,
            self.majority.rule,
            self.majority.set_rule,
        )
        self.abstain = self._check_row(
            "abstain_counts_as_cast", tr("Suara abstain dihitung sebagai suara yang dikeluarkan")
        )
        self.invalid = self._check_row(
            "invalid_counts_as_cast", tr("Suara tidak sah dihitung sebagai suara yang dikeluarkan")
        )
        self.no_quorum = QComboBox()
        self.no_quorum.addItem(tr("pemungutan suara tidak dapat dibuka"), NoQuorumAtVote.BLOCK)
        self.no_quorum.addItem(
            tr("pemungutan suara dibuka, dicatat dalam berita acara"), NoQuorumAtVote.FLAG
        )
        self._add(
            "no_quorum_at_vote",
            tr("Bila kuorum hilang saat pemungutan suara"),
            self.no_quorum,
            lambda: NoQuorumAtVote(self.no_quorum.currentData()),
            lambda v: self.no_quorum.setCurrentIndex(self.no_quorum.findData(v)),
        )
        self.secret = self._check_row(
            "secret_ballot_for_persons", tr("Pemilihan orang dilakukan secara rahasia")
        )
        self.tie_break = QComboBox()
        for choice in TieBreak:
            self.tie_break.addItem(tr(choice.key), choice)
        self._add(
            "tie_break",
            tr("Bila suara sama untuk kursi terakhir"),
            self.tie_break,
            lambda: TieBreak(self.tie_break.currentData()),
            lambda v: self.tie_break.setCurrentIndex(self.tie_break.findData(v)),
        )

        self._heading(tr("Pemilihan pengurus (peringatan, SE Menkop 1/2025)"))
        self.village_head = self._check_row(
            "warn_village_head_seat",
            tr("Ingatkan bila kepala desa dicalonkan selain sebagai ketua pengawas ex officio"),
        )
        self.women = _spin(0, 100, tr("% perempuan"))
        self.women.setSpecialValueText(tr("tidak diperiksa"))
        self._spin_row(
            "women_pengurus_min_percent", tr("Pengurus perempuan sekurang-kurangnya"), self.women
        )
        self.term = _spin(0, 5, tr(" tahun"))
        self.term.setSpecialValueText(tr("tidak dicantumkan"))
        self._add(
            "term_years",
            tr("Masa jabatan pengurus dan pengawas"),
            self.term,
            lambda: self.term.value() or None,
            lambda v: self.term.setValue(v or 0),
        )
        self.related = self._check_row(
            "warn_related_pengurus",
            tr("Ingatkan bila calon pengurus menyatakan hubungan keluarga satu sama lain"),
        )

        self._heading(tr("Hal-hal khusus (kuorum dan keputusan tersendiri)"))
        self.special_quorum: dict[ItemKind, OptionalRule] = {}
        self.special_majority: dict[ItemKind, OptionalRule] = {}
        for kind in (k for k in ItemKind if k in SPECIAL_KINDS):  # in the order the AD lists them
            quorum = OptionalRule(QuorumEditor())
            majority = OptionalRule(MajorityEditor())
            self.special_quorum[kind] = quorum
            self.special_majority[kind] = majority
            self._add(
                f"special_quorum.{kind.value}",
                tr("{kind}: kuorum", kind=tr(kind.key)),
                quorum,
                quorum.rule,
                quorum.set_rule,
            )
            self._add(
                f"special_majority.{kind.value}",
                tr("{kind}: keputusan", kind=tr(kind.key)),
                majority,
                majority.rule,
                majority.set_rule,
            )
        self._grid.setRowStretch(self._row, 1)

    # --- building the rows -------------------------------------------------------------------

    def _heading(self, text: str) -> None:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold; font-size: 11pt; padding-top: 10px;")
        self._grid.addWidget(label, self._row, 0, 1, 2)
        if self._row == 0:
            article = QLabel(tr("Pasal dalam AD"))
            article.setStyleSheet("font-weight: bold;")
            self._grid.addWidget(article, self._row, 2)
        self._row += 1

    def _add(
        self,
        key: str,
        text: str,
        editor: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
    ) -> None:
        label = QLabel(text)
        label.setBuddy(editor)
        label.setWordWrap(True)
        label.setMinimumWidth(200)
        article = QLineEdit()
        article.setPlaceholderText(tr("Pasal …"))
        article.setFixedWidth(ARTICLE_WIDTH)
        article.textEdited.connect(lambda _t: self.changed.emit())
        self._grid.addWidget(label, self._row, 0)
        self._grid.addWidget(editor, self._row, 1, Qt.AlignmentFlag.AlignLeft)
        self._grid.addWidget(article, self._row, 2)
        self._row += 1
        self.articles[key] = article
        self._readers[key] = read
        self._writers[key] = write
        signal = getattr(editor, "changed", None) or getattr(editor, "valueChanged", None)
        if signal is None:
            signal = getattr(editor, "toggled", None) or editor.currentIndexChanged
        signal.connect(lambda *_a: self.changed.emit())

    def _spin_row(self, key: str, text: str, spin: QSpinBox) -> None:
        self._add(key, text, spin, spin.value, spin.setValue)

    def _check_row(self, key: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        self._add(key, "", box, box.isChecked, box.setChecked)
        return box

    # --- reading and writing -----------------------------------------------------------------

    def profile(self) -> ADProfile:
        """The profile as the form holds it."""
        values: dict[str, Any] = {}
        special_quorum: dict[ItemKind, QuorumRule | None] = {}
        special_majority: dict[ItemKind, MajorityRule | None] = {}
        for key, read in self._readers.items():
            group, _, kind = key.partition(".")
            if group == "special_quorum":
                special_quorum[ItemKind(kind)] = read()
            elif group == "special_majority":
                special_majority[ItemKind(kind)] = read()
            else:
                values[key] = read()
        articles = dict(self._kept_articles)
        for key, field in self.articles.items():
            if field.text().strip():
                articles[key] = field.text().strip()
            else:
                articles.pop(key, None)
        return replace(
            ADProfile(),
            **values,
            special_quorum=special_quorum,
            special_majority=special_majority,
            articles=articles,
        )

    def set_profile(self, profile: ADProfile) -> None:
        """Show ``profile``, each value with its article."""
        self.blockSignals(True)
        for key, write in self._writers.items():
            group, _, kind = key.partition(".")
            if group in ("special_quorum", "special_majority"):
                write(getattr(profile, group).get(ItemKind(kind)))
            else:
                write(getattr(profile, key))
            # A group article ("special_quorum") stands for each kind without its own.
            self.articles[key].setText(profile.article(key) or profile.article(group))
        self._kept_articles = {k: v for k, v in profile.articles.items() if k not in self.articles}
        self.proxy_cap.setEnabled(profile.proxies_enabled)
        self.blockSignals(False)
