"""The employer feature."""
