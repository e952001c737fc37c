"""The factsheets feature."""
