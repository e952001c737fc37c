# LLO Radar — every target sets itself up: a virtual environment with pinned packages,
# and Debian packages through apt-get when they are missing and we run as root.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUNTIME_STAMP := $(VENV)/.runtime-installed
export LLORADAR_SHARED_DATA ?= $(abspath ../shared/data)

.PHONY: demo test lint bench lock postgres chromium clean

# Two hash-checked installs: the runtime lock (what `make demo` needs, no test tools), then the
# dev lock (runtime + the `dev` extra) for test/lint/bench. `-e .` has no hash, so it is a separate
# pip call without --require-hashes. --no-deps: the locks are complete closures, and pip's hash mode
# rejects a dependency asked for with extras (pytest-cov wants coverage[toml]) even when pinned.
$(RUNTIME_STAMP): requirements/runtime.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || PYTHON=python3; \
	test -x $(BIN)/python || $$(command -v $(PYTHON) || echo python3) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/runtime.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(RUNTIME_STAMP)

$(STAMP): $(RUNTIME_STAMP) requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/dev.lock
	touch $(STAMP)

# The server-store tests need PostgreSQL's server binaries (initdb, pg_ctl).
postgres:
	@if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "PostgreSQL server binaries missing: install Debian 'postgresql' (the PostgreSQL tests will skip)"; fi; \
	fi

# The browser tests drive Debian's chromium (never a browser downloaded by Playwright).
chromium:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: install Debian 'chromium' (the browser tests will skip)"; fi; \
	fi

# The secret key of the audit log's pseudonyms (the server does not start without one): made
# once into .lloradar-key (git-ignored, readable by its owner alone) and used by demo and real.
# Served on plain http at 127.0.0.1, so the cookies go without `Secure` (LLORADAR_COOKIE_SECURE=0).
KEY_FILE := .lloradar-key
LOCAL_SERVE := LLORADAR_PSEUDONYM_KEY="$$(cat $(KEY_FILE))" LLORADAR_COOKIE_SECURE=0

$(KEY_FILE):
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(32))" > $(KEY_FILE)

demo: $(RUNTIME_STAMP) $(KEY_FILE)
	LLORADAR_PSEUDONYM_KEY="$$(cat $(KEY_FILE))" $(BIN)/lloradar demo build --seed 42
	$(LOCAL_SERVE) $(BIN)/lloradar serve --host 127.0.0.1 --port 8000

# The radar on the real public data alone (no demo world), in its own store: `lloradar ingest
# shared` loads ../shared/data (LLORADAR_SHARED_DATA) into real.duckdb, then the server starts.
.PHONY: real
real: $(RUNTIME_STAMP) $(KEY_FILE)
	LLORADAR_STORE=real.duckdb $(BIN)/lloradar ingest shared "$(LLORADAR_SHARED_DATA)"
	@echo "Real figures: http://127.0.0.1:8000/sector (CBS vacancies, sick leave per sector)," \
	  "http://127.0.0.1:8000/opleiding (DUO programmes)," \
	  "http://127.0.0.1:8000/api/sectors/T001081/vacancies?region=NL01&format=csv"
	LLORADAR_STORE=real.duckdb $(LOCAL_SERVE) $(BIN)/lloradar serve --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/ruff format --check src tests $(wildcard bench)
	$(BIN)/mypy
	$(BIN)/lint-imports

# Two workers (the 2 cores CI has), whole modules per worker: module fixtures are built once.
test: $(STAMP) postgres chromium lint
	$(BIN)/pytest -n 2 --dist loadfile --cov --cov-report=term -q

bench: $(STAMP)
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Re-pin after editing pyproject.toml (uv only resolves; pip installs). The existing locks are
# uv's preferences, so unchanged pins stay; dev.lock is constrained to runtime.lock's versions.
lock:
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv==0.13.8
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/runtime.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes \
	  -c requirements/runtime.lock -o requirements/dev.lock

clean:
	rm -rf $(VENV) lloradar.duckdb
