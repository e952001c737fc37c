"""The passport feature."""
