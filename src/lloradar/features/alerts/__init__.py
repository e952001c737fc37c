"""The alerts feature."""
