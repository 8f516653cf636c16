"""The projector: a second window for the hall with the agenda item, the quorum, voting
progress and, once a ballot closes, its result as large bars."""

from assembly.ui.projector.window import ProjectorWindow, open_projector

__all__ = ["ProjectorWindow", "open_projector"]
