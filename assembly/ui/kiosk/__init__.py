"""The secret voting booth: a laptop turned to the voter, who identifies, chooses and
confirms; the app records that they voted and stores the choice with nothing linking it."""

from assembly.ui.kiosk.window import KioskWindow, open_kiosk

__all__ = ["KioskWindow", "open_kiosk"]
