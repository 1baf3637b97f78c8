# The forum's commands. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
# Python 3.12+ is required (Django 6.1). .python-version makes pyenv's
# python3.13 resolve; elsewhere any python3.13 or python3.12 on PATH will do.
PYTHON_FOR_VENV ?= $(shell for candidate in python3.13 python3.12; do \
	if $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo $$candidate; break; fi; done)
DEVSTACK := $(BIN)/python scripts/devstack.py
PYTEST_ARGS ?=

.PHONY: help install run test lint format typecheck bench manage clean

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(BIN)/python:
	@if [ -z "$(PYTHON_FOR_VENV)" ]; then \
		echo "Python 3.12 or newer is needed (Django 6.1), but neither python3.13 nor python3.12 was found on PATH."; \
		echo "Install one (for example with pyenv: pyenv install 3.13) and run make again."; \
		exit 1; fi
	$(PYTHON_FOR_VENV) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the accessibility tests (axe-core): install Node.js."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed ## Create .venv and install everything (run and test)

run: install ## Start the whole forum with demo data (embedded PostgreSQL and broker unless configured)
	$(DEVSTACK) run

test: install ## Run the whole test suite on PostgreSQL (embedded unless DATABASE_URL is set)
	$(DEVSTACK) exec -- $(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(DEVSTACK) exec -- $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install ## Lint, check formatting (ruff) and scan for security issues (bandit)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# bench/ is offline tooling that builds SQL from constants; it is not scanned.
	$(BIN)/bandit -q -r core accounts notifications forum comments experts search moderation demo config scripts -x '*/migrations/*'


format: install ## Fix lint findings and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install ## Type-check with mypy and django-stubs
	$(BIN)/mypy .

bench: install ## Run the benchmarks and write docs/benchmarks.md (uses a separate database, forum_bench)
	@# The page benchmark drives gunicorn with Debian's wrk; install it when we can.
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else echo "The page benchmark needs wrk (Debian: apt-get install wrk)."; exit 1; fi; }
	$(DEVSTACK) exec -- $(BIN)/python -m bench $(BENCH)

manage: install ## Run a manage.py command with the embedded database: make manage ARGS="createsuperuser"
	$(DEVSTACK) exec -- $(BIN)/python manage.py $(ARGS)

clean: ## Remove the virtualenv and everything under var/ (the embedded database too)
	rm -rf $(VENV) var staticfiles .pytest_cache .mypy_cache .ruff_cache
