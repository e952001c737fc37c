"""Batch work on large vacancy files: local (DuckDB) or Spark, resumable, with progress."""
