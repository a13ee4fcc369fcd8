# Quick start on a fresh machine: `make run` then `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup run test bench evaluate schema clean

$(BIN)/newsevents: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/newsevents

run: setup
	$(BIN)/newsevents extract samples/articles.jsonl --format table

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/throughput.py

evaluate: setup
	$(BIN)/newsevents evaluate all

schema: setup
	$(BIN)/newsevents schema -o schema/article-analysis.schema.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
