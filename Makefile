# The two commands of the README: `make app` and `make test`. Everything else is a step of those.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
KB_DB ?= .kb/kb.sqlite
PORT ?= 8501

.PHONY: app test setup build screenshot bench

app: build
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false -- --db $(KB_DB)

test: setup
	$(BIN)/ruff check pipeline tests benchmarks app.py
	$(BIN)/python -m pytest

build: setup
	$(BIN)/kb build --db $(KB_DB)

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# Refresh the README's screenshot from the browser test.
screenshot: setup
	KB_SCREENSHOT=docs/screenshot.png $(BIN)/python -m pytest tests/test_app_browser.py -q

# Every benchmark at its default (quick) size, one after another; each prints ratios against a
# baseline it runs beside itself. Larger runs: see the flags in the README's Measured table.
bench: setup
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done
