"""One module per real source: pure `parse_*` functions and `fetch_*` functions (the only HTTP)."""
