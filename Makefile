# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Absolute links (e-mails printed by the console backend, PDFs, .ics) point at the port
# really served: without SITE_URL, the settings build it from PORT, so `PORT=8301 make run`
# (server and worker) gives http://127.0.0.1:8301 links, never :8000.
export PORT
STAMP := $(VENV)/.installed
# The French catalogue: django.po is committed, django.mo compiled from it (msgfmt, from
# Debian's gettext, which `make messages` needs too).
CATALOGUE := locale/fr/LC_MESSAGES/django

.PHONY: install compilemessages run serve worker test test-browser test-postgres lint fmt bench messages check clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

$(CATALOGUE).mo: $(CATALOGUE).po $(STAMP)
	$(BIN)/python manage.py compilemessages -l fr --ignore=.venv --verbosity 0

compilemessages: $(CATALOGUE).mo

run: $(STAMP) $(CATALOGUE).mo
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/python manage.py load_event --skip-existing programme/data/rencontres-2012.yaml
	$(BIN)/python manage.py keep_registration_open rencontres-formation-2012
	$(BIN)/python manage.py load_demo_members
	$(BIN)/python manage.py load_demo_identity
	$(BIN)/python manage.py load_training_defaults rencontres-formation-2012
	$(BIN)/python manage.py ensure_staff_account
	$(SERVE)

# The web server and the task worker side by side (honcho runs Procfile.dev): Ctrl-C, or a
# kill of make (make passes SIGTERM on to honcho), stops both. `serve` skips the set-up.
# honcho gives each process its own PORT (the worker's is PORT+100), so SITE_URL is set
# here, once, for both: the worker's e-mails link to the server's port.
SERVE = PATH="$(abspath $(BIN)):$$PATH" PYTHONUNBUFFERED=1 \
	SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" \
	exec $(BIN)/honcho --procfile Procfile.dev start --port $(PORT)

serve:
	$(SERVE)

# A task worker alone (e-mails, documents), e.g. beside `manage.py runserver`.
worker: $(STAMP)
	$(BIN)/python manage.py db_worker

# Two processes: the suite takes half the time on a 2-core machine.
test: $(STAMP) $(CATALOGUE).mo
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# Browser tests with Debian's Chromium (apt-get install chromium); Playwright never
# downloads a browser here. REQUIRE_BROWSER=1: fail instead of skipping when one is missing.
test-browser: $(STAMP) $(CATALOGUE).mo
	$(BIN)/python -m pip install --quiet -e ".[test,browser]"
	npm ci --no-audit --no-fund --silent  # axe-core (package.json), injected by the tests
	REQUIRE_BROWSER=1 $(BIN)/python -m pytest -m browser tests/browser $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m tests.bench

# Extract the strings into the catalogue; the source strings are French, so msgen gives
# each new one its msgid as translation (the French plural rule then applies).
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l fr -e html,txt,py --no-location --no-obsolete \
		--ignore=.venv --ignore=tests --ignore=var
	msgen -o $(CATALOGUE).po $(CATALOGUE).po

clean:
	rm -rf $(VENV) var
