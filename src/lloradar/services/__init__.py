"""Use-cases the edges (CLI, API, web) call."""
