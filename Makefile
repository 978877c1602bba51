# marsad — the targets the README and CI call.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
DEVSTAMP := $(VENV)/.dev-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
SYSSTAMP := $(VENV)/.system-packages
ARCHIVE ?= marsad-demo.db
PORT ?= 8000

.PHONY: setup dev-setup system-packages demo test test-fast lint eval bench serve clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[web]'
	touch $@

$(DEVSTAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev,ner-plugin]'
	touch $@

## setup: install marsad (with the web UI) into .venv
setup: $(STAMP)

dev-setup: $(DEVSTAMP) system-packages

## system-packages: Debian packages the tests need (Chromium and a Noto font for the browser tests)
system-packages: $(SYSSTAMP)

$(SYSSTAMP): | $(BIN)/python
	bash scripts/system-packages.sh
	touch $@

## demo: ingest the bundled sample corpus, print what was found, serve the web UI
demo: $(STAMP)
	rm -f $(ARCHIVE) $(ARCHIVE)-wal $(ARCHIVE)-shm
	$(BIN)/marsad demo --archive $(ARCHIVE) $(wildcard ../shared/seeds/*.txt)
	@if $(BIN)/marsad serve --help >/dev/null 2>&1; then \
	  echo "serving the web UI on http://127.0.0.1:$(PORT) (Ctrl-C to stop)"; \
	  if [ -n "$$CI" ] || [ ! -t 0 ]; then timeout 5 $(BIN)/marsad serve --archive $(ARCHIVE) --port $(PORT) || true; \
	  else $(BIN)/marsad serve --archive $(ARCHIVE) --port $(PORT); fi; \
	fi

## test: install dev extras and system packages, run the whole suite
test: dev-setup
	$(BIN)/python -m pytest -q -p no:cacheprovider --timeout=900 tests

test-fast: $(DEVSTAMP)
	$(BIN)/python -m pytest -q -x -m "not browser" tests

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src

## eval: score marsad on its own gold and on ../shared/data
eval: $(DEVSTAMP)
	$(BIN)/marsad eval all

## bench: benchmarks against the libraries a user would otherwise reach for
bench: $(DEVSTAMP)
	$(BIN)/python -m benchmarks.run

serve: $(STAMP)
	$(BIN)/marsad serve --archive $(ARCHIVE) --port $(PORT)

clean:
	rm -rf $(VENV) *.db *.db-wal *.db-shm .pytest_cache
