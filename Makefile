# Plain `make` lists the targets. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test lint format messages check

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(INSTALLED): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(INSTALLED)

install: $(INSTALLED) ## Create .venv and install the pinned dependencies

run: install ## Set up the demo site and serve it on http://127.0.0.1:8000
	$(MANAGE) migrate --noinput
	$(MANAGE) compile_translations
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	@echo "Admin: http://127.0.0.1:8000/admin/"
	$(MANAGE) runserver 127.0.0.1:8000

test: install ## Run the whole test suite (PostgreSQL when DATABASE_URL says so)
	$(MANAGE) compile_translations
	$(BIN)/pytest

lint: install ## Check code and template style
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')

format: install ## Fix code and template style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

messages: install ## Extract interface strings into locale/ and compile them
	$(MANAGE) makemessages -l fr -l nl -l en --ignore=.venv --ignore=staticfiles --ignore=media --no-obsolete --no-location
	$(MANAGE) compile_translations

check: install ## Django's system checks, pending migrations, production settings
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=check-only-$$(date +%s%N)-not-a-real-secret-value-0123456789 ALLOWED_HOSTS=portal.example.org $(MANAGE) check --deploy --fail-level WARNING
