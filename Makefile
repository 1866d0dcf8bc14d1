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

# One-folder desktop build (PyInstaller) in dist/法治年报审阅器/, then a smoke test of the built program.
dist: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/check_dist.py dist/法治年报审阅器

clean:
	rm -rf $(VENV) build dist
