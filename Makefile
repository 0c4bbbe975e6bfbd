# The front door. `make run` serves the demo portal; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DEBUG=true

.PHONY: run test lint pytest bench eval eval-llm services serve-prod chaos screenshots messages clean fuzz

$(STAMP): requirements.txt requirements-dev.txt scripts/bootstrap.sh
	PYTHON=$(PYTHON) bash scripts/bootstrap.sh $(VENV)
	touch $(STAMP)

run: $(STAMP)
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(DEV_ENV) $(BIN)/python manage.py demo
	@echo "Serving the portal at http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	$(DEV_ENV) $(BIN)/uvicorn portal.asgi:application --host $(HOST) --port $(PORT) --log-level warning --ws-per-message-deflate false

test: $(STAMP) lint
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	bash scripts/services.sh
	PYTHON=$(BIN)/python bash scripts/llama_server.sh > .llama-paths
	LLAMA_SERVER=$$(sed -n 1p .llama-paths) LLAMA_MODEL=$$(sed -n 2p .llama-paths) $(BIN)/pytest --ignore=tests/integration
	bash scripts/integration.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy .
	$(BIN)/python -m assistant.safety.train --check
	$(BIN)/bandit -q -r portal assistant manage.py -x './portal/*/migrations,./assistant/migrations' -b scripts/bandit-baseline.json
	BIN=$(BIN) bash scripts/audit.sh

# Property-based fuzzing of the frame parser, the guard and the live chat socket
# (tests/security/test_fuzz.py): FUZZ_EXAMPLES cases per test (the normal suite runs 300).
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(or $(FUZZ_EXAMPLES),10000) $(BIN)/pytest -q tests/security/test_fuzz.py

pytest: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m assistant.safety.bench
	$(BIN)/python -m assistant.knowledge.bench
	$(DEV_ENV) $(BIN)/python -m portal.records.bench
	$(BIN)/python scripts/bench_ws.py

chaos: $(STAMP)
	$(BIN)/python scripts/chaos.py

eval: $(STAMP)
	$(BIN)/python -m assistant.safety.evaluate
	@echo "== Held-out set (never used for tuning; measured, not gating) =="
	$(BIN)/python -m assistant.safety.evaluate --dir assistant/safety/heldout --held-out
	$(BIN)/python -m assistant.knowledge.evaluate

eval-llm: $(STAMP)
	$(BIN)/python -m assistant.llm_eval $(or $(N),60)

services:
	bash scripts/services.sh

serve-prod: $(STAMP)
	bash scripts/serve_prod.sh

# A fresh demo portal on a free port, shot at 375 px and 1280 px into docs/screenshots/.
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py --serve

# Re-extract the interface strings into locale/es/LC_MESSAGES/django.po and compile the .mo
# (needs GNU gettext; both files are committed, so running the portal does not).
messages: $(STAMP)
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l es --add-location=file \
		--ignore=.venv --ignore=var --ignore=tests --ignore=scripts --ignore=docs
	$(DEV_ENV) $(BIN)/python manage.py compilemessages -l es --ignore=.venv --ignore=var

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
