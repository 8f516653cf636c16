"""The cooperative page: the profile saved from its form, and the AD profile edited value by
value, saved as a new, confirmed version, with the quorum example following every edit."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.domain.ad_profile import ItemKind, MajorityBase
from assembly.domain.members import Category, Member
from assembly.domain.quorum import Comparison
from assembly.persistence import member_store
from assembly.ui.operation import Operations
from assembly.ui.pages.cooperative_page import CooperativePage


@pytest.fixture
def page(qtbot: QtBot, cooperative: Any) -> CooperativePage:
    members = [Member(f"A-{n:04d}", f"Anggota {n}") for n in range(1, 1251)]
    members += [Member(f"C-{n:03d}", f"Calon {n}", category=Category.CANDIDATE) for n in range(50)]
    with cooperative.ctx.db.write() as conn:
        member_store.insert_many(conn, members)
    widget = CooperativePage(cooperative, Operations())
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_profile_is_saved_from_the_form(qtbot: QtBot, page: CooperativePage) -> None:
    form = page.coop_form
    assert form.name.text() == "Koperasi Simpan Pinjam Sejahtera Bersama"
    form.city.selectAll()
    qtbot.keyClicks(form.city, "Kota Bandung")
    form.year_end_month.setCurrentIndex(5)  # Juni: 30 days
    assert form.year_end_day.currentText() == "30"
    form.name.clear()
    qtbot.mouseClick(page.coop_save, Qt.MouseButton.LeftButton)
    assert "wajib diisi" in form.problems["name"].text()
    assert page.services.cooperative.cooperative().city == "Bandung"  # nothing saved
    qtbot.keyClicks(form.name, "KSP Sejahtera Bersama")
    qtbot.mouseClick(page.coop_save, Qt.MouseButton.LeftButton)
    saved = page.services.cooperative.cooperative()
    assert (saved.name, saved.city, saved.fiscal_year_end_month, saved.fiscal_year_end_day) == (
        "KSP Sejahtera Bersama",
        "Kota Bandung",
        6,
        30,
    )
    # Fields the user did not touch keep what was saved before.
    assert (saved.code, saved.legal_entity_number) == ("KSP-SB", "518/BH/XIII.12/2001")


def test_the_quorum_example_follows_the_rule(qtbot: QtBot, page: CooperativePage) -> None:
    form = page.ad_form
    assert form.quorum_example.text() == "Dengan 1.250 anggota berhak suara: minimal 626"
    threshold = form.quorum.threshold
    threshold.comparison.setCurrentIndex(1)  # sekurang-kurangnya
    qtbot.waitUntil(lambda: form.quorum_example.text().endswith("minimal 625"))
    threshold.numerator.setValue(1)
    threshold.denominator.setValue(5)
    qtbot.waitUntil(lambda: form.quorum_example.text().endswith("minimal 250"))
    form.candidates.setChecked(True)
    qtbot.waitUntil(
        lambda: form.quorum_example.text() == "Dengan 1.300 anggota berhak suara: minimal 260"
    )


def test_editing_the_ad_profile_saves_a_new_confirmed_version(
    qtbot: QtBot, page: CooperativePage
) -> None:
    services = page.services
    page.tabs.setCurrentIndex(1)
    assert page.banner.isVisible() and "belum dicocokkan" in page.banner.text()
    assert page.version_label.text().startswith("Versi 1,")
    form = page.ad_form
    form.quorum.threshold.numerator.setValue(2)
    form.quorum.threshold.denominator.setValue(3)
    qtbot.keyClicks(form.articles["quorum"], "Pasal 20 ayat (2)")
    form.suspension.setValue(45)
    form.proxies.setChecked(True)
    form.proxy_cap.setValue(2)
    special = form.special_quorum[ItemKind.AD_AMENDMENT]
    special.enabled.setChecked(True)
    special.editor.threshold.numerator.setValue(3)
    special.editor.threshold.denominator.setValue(4)
    majority = form.special_majority[ItemKind.AD_AMENDMENT]
    majority.enabled.setChecked(True)
    majority.editor.base.setCurrentIndex(majority.editor.base.findData(MajorityBase.PRESENT))
    qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
    assert page.confirm.isChecked()
    qtbot.mouseClick(page.ad_save, Qt.MouseButton.LeftButton)

    version = services.cooperative.ad_profile()
    profile = version.profile
    assert version.version == 2 and version.confirmed
    assert profile.quorum.threshold.fraction == "2/3"
    assert profile.quorum.threshold.comparison is Comparison.MORE_THAN
    assert profile.article("quorum") == "Pasal 20 ayat (2)"
    assert (profile.suspension_minutes, profile.proxies_enabled, profile.proxy_cap) == (45, True, 2)
    assert profile.special_quorum[ItemKind.AD_AMENDMENT].threshold.fraction == "3/4"
    assert profile.special_majority[ItemKind.AD_AMENDMENT].base is MajorityBase.PRESENT
    assert profile.special_quorum[ItemKind.DISSOLUTION] is None
    assert not page.banner.isVisible()
    assert page.version_label.text().startswith("Versi 2,")
    assert "Sudah dicocokkan" in page.version_label.text()
    assert services.audit.verify().intact

    # Any later edit asks for the check again before it is saved as confirmed.
    form.notice.setValue(21)
    assert not page.confirm.isChecked()
    qtbot.mouseClick(page.ad_save, Qt.MouseButton.LeftButton)
    latest = services.cooperative.ad_profile()
    assert latest.version == 3 and not latest.confirmed and latest.profile.notice_days == 21
    assert page.banner.isVisible()
    assert services.cooperative.ad_profile().profile.proxy_cap == 2


def test_discarding_brings_back_the_saved_values(qtbot: QtBot, page: CooperativePage) -> None:
    page.ad_form.rechecks.setValue(4)
    qtbot.mouseClick(page.ad_reset, Qt.MouseButton.LeftButton)
    assert page.ad_form.rechecks.value() == 1
    assert page.services.cooperative.ad_profile().version == 1
