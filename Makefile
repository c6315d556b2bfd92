# The two commands a new user needs: `make chat` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
export RASA_TELEMETRY_ENABLED := false

.PHONY: install chat train test bench validate clean

install: $(VENV)/.installed

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python 3.10 --compile-bytecode
	touch $@

chat: install
	$(VENV)/bin/coach chat

train: install
	$(VENV)/bin/coach train

test: install
	$(VENV)/bin/python -m pytest

bench: install
	$(VENV)/bin/coach bench

validate: install
	$(VENV)/bin/rasa data validate --domain domain --config config.yml --data nlu/*.yml stories --fail-on-warnings

clean:
	rm -rf $(VENV) .tools models .rasa .pytest_cache
