"""REST API (FastAPI): thin routers over services; no SQL here."""
