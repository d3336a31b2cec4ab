# Quick start: `make demo` and `make test`. Both create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/provalign demo corpora/demo -o demo-out

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check align cli.py tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/segmentation.py
	$(BIN)/python bench/alignment.py
	$(BIN)/python bench/flags.py
	$(BIN)/python bench/coherent_cuts.py --half 1
	$(BIN)/python bench/changed_numbers.py
	$(BIN)/python bench/pairing.py

clean:
	rm -rf $(VENV) demo-out build *.egg-info
