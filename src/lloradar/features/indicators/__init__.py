"""The indicators feature."""
