"""Temporal tagging: finding expressions and their underspecified values (rules are package data)."""

from timeline.tagging.expressions import Candidate, Tense, Unit
from timeline.tagging.finder import tag

__all__ = ["Candidate", "Tense", "Unit", "tag"]
