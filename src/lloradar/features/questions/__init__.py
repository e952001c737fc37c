"""The questions feature."""
