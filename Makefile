# Two commands for a newcomer: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/dev.lock
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev test install lock lint typecheck pytest pytest-sqlite pytest-postgres openapi frontend-build frontend-test bench clean

# Every dependency comes from the hashed lock; the project itself is installed on top without resolving anything.
$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

## make lock: re-resolve requirements/{app,dev}.lock (hashed) after changing a pin in pyproject.toml
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==0.13.9
	$(BIN)/uv pip compile -q pyproject.toml --generate-hashes --python-version 3.11 --custom-compile-command "make lock" -o requirements/app.lock
	$(BIN)/uv pip compile -q pyproject.toml --extra dev --generate-hashes --python-version 3.11 --custom-compile-command "make lock" -o $(LOCK)

## make run: set up, migrate, seed demo data when empty, build the web app, serve on http://127.0.0.1:8000
# The demo's personal links are printed for the host and port the app is served on.
run: export BONDGENOOT_PUBLIC_URL ?= http://$(HOST):$(PORT)
run: install frontend-build
	$(BIN)/bondgenoot migrate
	$(BIN)/bondgenoot seed-demo
	$(BIN)/bondgenoot serve --host $(HOST) --port $(PORT)

## make dev: the API on :8000 plus the Vite dev server (hot reload) on :5173, proxying /api
dev: install
	$(BIN)/bondgenoot migrate && $(BIN)/bondgenoot seed-demo
	@trap 'kill 0' EXIT; $(BIN)/bondgenoot serve --port $(PORT) & (cd frontend && npm ci --no-audit --no-fund && npm run dev)

## make test: lint, types, the contract, pytest on SQLite and (when configured) PostgreSQL, and the web app
test: install lint typecheck pytest frontend-test

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

# Both databases at once (each prints when done): the SQLite run is CPU-bound, the PostgreSQL one waits on the server.
pytest: install
	$(MAKE) --no-print-directory -j2 --output-sync=target pytest-sqlite pytest-postgres

pytest-sqlite: install
	@echo "== pytest on SQLite =="
	env -u BONDGENOOT_TEST_DATABASE_URL $(BIN)/pytest

pytest-postgres: install
	@if [ -n "$$BONDGENOOT_TEST_DATABASE_URL" ]; then \
	  echo "== pytest on PostgreSQL =="; \
	  $(BIN)/pytest; \
	else \
	  echo "!! PostgreSQL run SKIPPED: set BONDGENOOT_TEST_DATABASE_URL=postgresql+psycopg://user@host:5432/db to run it"; \
	fi

openapi: install
	$(BIN)/bondgenoot openapi
	@if [ -f frontend/package.json ]; then cd frontend && npm run gen; fi

frontend-build:
	@if [ -f frontend/package.json ]; then \
	  cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build; \
	fi

frontend-test: install
	@if [ -f frontend/package.json ]; then \
	  cd frontend && npm ci --no-audit --no-fund && npm run ci; \
	else echo "!! no frontend yet"; fi

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist bondgenoot.db*
