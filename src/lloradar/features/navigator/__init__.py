"""The navigator feature."""
