# Two commands for a fresh clone (only Python 3.11+ needed): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint dist wheel-check bench clean system system-test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Qt's system libraries and a Chinese font (installed when run as root with apt-get; otherwise
# the exact command is printed and nothing starts). The system Python runs it: no venv needed.
system:
	@$(PYTHON) -m ui.syscheck

# The tests also start a real PostgreSQL server (Debian's package), as the team's server is.
system-test:
	@$(PYTHON) -m ui.syscheck --tests

run: system $(STAMP)
	$(BIN)/reviewer-gui

test: system-test $(STAMP)
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

# A wheel built from the checkout, installed into a fresh virtual environment, must run: the
# self-test opens the sample reports, ticks an item and exports from the installed package alone.
WHEEL_DIR := build/wheel-check
wheel-check: $(STAMP)
	rm -rf $(WHEEL_DIR) && mkdir -p $(WHEEL_DIR)
	$(BIN)/python -m pip wheel --quiet --no-deps -w $(WHEEL_DIR) .
	$(PYTHON) -m venv $(WHEEL_DIR)/venv
	$(WHEEL_DIR)/venv/bin/python -m pip install --quiet $(WHEEL_DIR)/*.whl
	cd $(WHEEL_DIR) && QT_QPA_PLATFORM=offscreen FAZHI_REVIEWER_DATA=$$PWD/data venv/bin/reviewer-gui --self-test
	cd $(WHEEL_DIR) && venv/bin/reviewer analyze $(CURDIR)/seeds/000_b98e54cc537f26f1.txt > /dev/null

clean:
	rm -rf $(VENV) build dist
