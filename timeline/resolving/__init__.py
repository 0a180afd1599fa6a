"""Resolving: turning the tagger's underspecified values into TimeML values and calendar spans."""

from timeline.resolving.resolver import resolve

__all__ = ["resolve"]
