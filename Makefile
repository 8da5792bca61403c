# Plain `make` lists the targets. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed
E2E_INSTALLED := $(VENV)/.installed-e2e
# The browser journeys drop and rebuild this database on every run.
E2E_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_e2e

.DEFAULT_GOAL := help
.PHONY: help install run oidc-provider test e2e lint format messages check bench backup restore bench-elasticsearch bench-search load faults cluster cluster-load cluster-faults cluster-packages

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-10s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(INSTALLED): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(INSTALLED)

# The OpenID Connect provider the sign-in tests and journeys start (deploy/oidc-provider, Node).
OIDC_PROVIDER := deploy/oidc-provider/node_modules/.installed
$(OIDC_PROVIDER): deploy/oidc-provider/package-lock.json
	npm ci --prefix deploy/oidc-provider --no-audit --no-fund --silent
	touch $(OIDC_PROVIDER)

install: $(INSTALLED) $(OIDC_PROVIDER) ## Create .venv and install the pinned dependencies

run: install ## Set up the demo site and serve it on http://127.0.0.1:8000
	$(MANAGE) migrate --noinput
	$(MANAGE) compile_translations
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	@echo "Admin: http://127.0.0.1:8000/admin/"
	$(MANAGE) runserver 127.0.0.1:8000

oidc-provider: install ## Run the test OpenID provider on :9000 for local sign-in trials (docs/deployment.md)
	OIDC_REDIRECT_URIS=http://127.0.0.1:8000/oidc/callback/ node deploy/oidc-provider/provider.mjs

# Two workers, one test file at a time each, so a module's shared fixtures are built once; files
# in the order tests/conftest.py sets (the demo site's modules first, the slowest of them first),
# which xdist would otherwise replace by "most tests first".
test: install ## Run the whole test suite (PostgreSQL when DATABASE_URL says so)
	$(MANAGE) compile_translations
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder --durations=25

$(E2E_INSTALLED): $(INSTALLED) requirements-e2e.txt
	$(BIN)/python -m pip install --quiet -r requirements-e2e.txt
	touch $(E2E_INSTALLED)

e2e: $(E2E_INSTALLED) ## Browser journeys, accessibility and page weight in Chromium, on PostgreSQL
	$(MANAGE) compile_translations
	DATABASE_URL=$(E2E_DATABASE_URL) $(BIN)/pytest tests/e2e --durations=15

# Benchmarks, backups and load runs use a database of their own, never the development one.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench

bench: install ## Measure queries, render time and throughput per page type into docs/benchmarks.md
	command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	psql "$(BENCH_DATABASE_URL)" -c 'SELECT 1' >/dev/null 2>&1 || createdb -h 127.0.0.1 -U postgres "$$(basename $(BENCH_DATABASE_URL))"
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) compile_translations
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) load_demo -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python benchmarks/run.py

BENCH_INSTALLED := $(VENV)/.installed-bench
$(BENCH_INSTALLED): $(INSTALLED) requirements-bench.txt
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	touch $(BENCH_INSTALLED)

# The load run's own database, filled with the demo site on first use; Redis database 5.
LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_load
LOAD_SECONDS ?= 300
LOAD_USERS ?= 50

load: $(BENCH_INSTALLED) ## 50 members, an editor and a translator for 5 minutes (LOAD_SECONDS, LOAD_USERS)
	psql "$(LOAD_DATABASE_URL)" -c 'SELECT 1' >/dev/null 2>&1 || createdb -h 127.0.0.1 -U postgres "$$(basename $(LOAD_DATABASE_URL))"
	LOAD_DATABASE_URL=$(LOAD_DATABASE_URL) LOAD_SECONDS=$(LOAD_SECONDS) LOAD_USERS=$(LOAD_USERS) $(BIN)/python benchmarks/load.py

faults: $(BENCH_INSTALLED) ## Stop PostgreSQL, Redis and Elasticsearch under load, in a cluster of its own (root)
	$(BIN)/python benchmarks/faults.py

# The production topology on one machine (benchmarks/cluster.py): Varnish, HAProxy, two app
# servers, and a PostgreSQL and a Redis of its own, all on 127.0.0.1.
CLUSTER_PACKAGES := varnishd:varnish haproxy:haproxy wrk:wrk

cluster-packages:
	@for entry in $(CLUSTER_PACKAGES); do command -v $${entry%%:*} >/dev/null || missing="$$missing $${entry#*:}"; done; \
	test -e /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so -o -e /usr/lib/aarch64-linux-gnu/varnish/vmods/libvmod_xkey.so || missing="$$missing varnish-modules"; \
	if [ -n "$$missing" ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; fi

cluster: $(BENCH_INSTALLED) cluster-packages ## Run Varnish, HAProxy and two app servers on 127.0.0.1 until Ctrl-C
	$(BIN)/python benchmarks/cluster.py

cluster-load: $(BENCH_INSTALLED) cluster-packages ## Edge-cache figures and the load run through the cluster against one server
	LOAD_SECONDS=$(LOAD_SECONDS) LOAD_USERS=$(LOAD_USERS) $(BIN)/python benchmarks/cluster_load.py

cluster-faults: $(BENCH_INSTALLED) cluster-packages ## Kill, restart and cut pieces of the cluster under load (root)
	$(BIN)/python benchmarks/cluster_faults.py

BACKUP_DIR ?= backups/$(shell date +%Y-%m-%d-%H%M)

backup: install ## Back up the database of DATABASE_URL and the uploads into BACKUP_DIR
	$(MANAGE) backup_site $(BACKUP_DIR)

restore: install ## Replace the database of DATABASE_URL and the uploads with BACKUP_DIR's
	@test -n "$(RESTORE_DIR)" || { echo "Say which backup: make restore RESTORE_DIR=backups/…"; exit 1; }
	$(MANAGE) restore_site $(RESTORE_DIR)

lint: install ## Check code and template style, and the dependency contract between apps
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')

format: install ## Fix code and template style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

messages: install ## Extract interface strings into locale/ and compile them
	$(MANAGE) makemessages -l fr -l nl -l en --ignore=.venv --ignore=staticfiles --ignore=media --no-obsolete --no-location --ignore=benchmarks
	$(MANAGE) compile_translations

check: install ## Django's system checks, pending migrations, production settings
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=check-only-$$(date +%s%N)-not-a-real-secret-value-0123456789 ALLOWED_HOSTS=portal.example.org PUBLIC_URL=https://portal.example.org $(MANAGE) check --deploy --fail-level WARNING

# Dropped and rebuilt on every run: the demo site grown to 50,000 guides per language.
SEARCH_BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_searchbench

bench-elasticsearch: install ## Searches with Elasticsearch slow or down, requests per page, writes replayed
	psql "$(BENCH_DATABASE_URL)" -c 'SELECT 1' >/dev/null 2>&1 || createdb -h 127.0.0.1 -U postgres "$$(basename $(BENCH_DATABASE_URL))"
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) compile_translations
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) load_demo -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python benchmarks/search_elasticsearch.py

bench-search: install ## Search latency at 1k, 10k and 50k pages per language (slow)
	DATABASE_URL=$(SEARCH_BENCH_DATABASE_URL) $(BIN)/python benchmarks/search_latency.py $(BENCH_SEARCH_ARGS)
