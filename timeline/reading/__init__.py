"""Turning user inputs (paths, stdin) into Documents with a resolved reference date."""

from timeline.reading.reference import parse_date_option, resolve_reference
from timeline.reading.sources import read_inputs

__all__ = ["parse_date_option", "read_inputs", "resolve_reference"]
