"""CLI commands of the evaluation harness (timeml, evaluate)."""
