"""Syntactic decisions of the event layer scored against gold Universal Dependencies trees (issue 14)."""
