"""CLI commands that build and print timelines (extract, schema)."""
