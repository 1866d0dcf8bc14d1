# Two commands for a fresh clone (only Python 3.11+ needed): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint dist bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/reviewer-gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check reviewer ui tests
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check reviewer ui tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist
