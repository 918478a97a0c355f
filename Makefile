# bantin: two commands on a fresh machine with Python 3.11 and pip: `make run`, `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
UV     := $(PYTHON) -m uv
STAMP  := $(VENV)/.installed
RAW    ?= raw
OUT    ?= output
BANTIN_PORT ?= 4200
BANTIN_CRON ?= 0 * * * *
POOL   ?= bantin-process
# The Prefect server the work-pool targets talk to (make server, or any other).
POOL_API = $${PREFECT_API_URL:-http://127.0.0.1:$(BANTIN_PORT)/api}

# The same defaults `bantin` sets for itself (flows/env.py), for the `prefect` commands below:
# one PREFECT_HOME (.prefect/ of the project) however bantin is started; override by exporting it.
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180
export PREFECT_HOME ?= $(CURDIR)/.prefect
export DO_NOT_TRACK ?= 1

.PHONY: setup run test lint bench serve server deploy worker lock clean

setup: $(STAMP)

# The venv is built from the lock file only; `uv` itself is installed with pip when missing.
# Bytecode is compiled at install time so that the first run does not pay it in its start-up.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install -q 'uv>=0.5' || $(PYTHON) -m pip install -q --user 'uv>=0.5'
	$(UV) venv -q --allow-existing -p $(PYTHON) $(VENV)
	$(UV) pip sync -q --compile-bytecode -p $(BIN)/python requirements.lock
	$(UV) pip install -q -p $(BIN)/python --no-deps -e .
	@# Create the local Prefect database now (its migrations take ~10 s), not in the first run.
	$(BIN)/prefect server database upgrade -y >/dev/null
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/bantin run --raw $(RAW) --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# Static checks (pyflakes, pycodestyle, import order; configuration in pyproject.toml). CI runs it
# before the tests.
lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/run_bench.py $(BENCH_ARGS)

# A local Prefect server on 127.0.0.1:$(BANTIN_PORT) (SQLite under .prefect/) + the process serving
# `bantin/hourly`. Trigger from another shell:
#   PREFECT_API_URL=http://127.0.0.1:4200/api .venv/bin/prefect deployment run bantin/hourly
serve: $(STAMP)
	$(BIN)/bantin serve --raw $(RAW) --out $(OUT) --port $(BANTIN_PORT) --cron '$(BANTIN_CRON)'

# The work-pool deployment of prefect.yaml (README "Work pool deployment"), the alternative to
# `make serve`: a server, the deployment registered on a process pool, and a worker running it.
server: $(STAMP)
	$(BIN)/prefect server start --host 127.0.0.1 --port $(BANTIN_PORT)

deploy: $(STAMP)
	PREFECT_API_URL=$(POOL_API) $(BIN)/prefect work-pool inspect $(POOL) >/dev/null 2>&1 || \
		PREFECT_API_URL=$(POOL_API) $(BIN)/prefect work-pool create $(POOL) --type process
	PREFECT_API_URL=$(POOL_API) $(BIN)/prefect --no-prompt deploy --all

worker: $(STAMP)
	PREFECT_API_URL=$(POOL_API) $(BIN)/prefect worker start --pool $(POOL)

# Re-resolve the pinned dependency set after editing pyproject.toml.
lock:
	$(UV) pip compile -q --python 3.11 pyproject.toml --extra dev -o requirements.lock

clean:
	rm -rf $(VENV) .prefect .pytest_cache
