"""The command line: thin Typer commands over services."""
