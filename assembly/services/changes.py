"""What a service call changed, so that every open screen can refresh what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class Area(StrEnum):
    """A part of the data that screens show."""

    COOPERATIVE = "cooperative"
    AD_PROFILE = "ad_profile"
    MEMBERS = "members"
    MEETINGS = "meetings"
    ATTENDANCE = "attendance"
    DECISIONS = "decisions"
    MINUTES = "minutes"


@dataclass(frozen=True)
class Changes:
    """The areas a service call changed, and the ids it touched where that helps a screen."""

    areas: frozenset[Area] = frozenset()
    ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *areas: Area, ids: tuple[int, ...] = ()) -> Changes:
        """Changes to ``areas``."""
        return cls(frozenset(areas), frozenset(ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas, self.ids | other.ids)

    def touches(self, area: Area) -> bool:
        """Whether ``area`` changed."""
        return area in self.areas


class Done(NamedTuple, Generic[T]):
    """A service call's result: the value it made or recorded and what it :class:`Changes`
    (Anki's ``OpChangesWith…``). The one door reads ``.changes``; screens read ``.value``."""

    value: T
    changes: Changes
