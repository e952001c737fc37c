"""Features: one folder per capability above the analytics."""
