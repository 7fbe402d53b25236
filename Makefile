# cx-metrics: the two commands of the README, and the steps they are made of.
# Each target creates the virtual environment it needs (.venv, from requirements.txt).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DBT_PROFILES_DIR := $(CURDIR)
export GX_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: demo test venv venv-engines build semantic expectations lint pytest engines real-data bench clean

## demo: build every model on the demo data (DuckDB), print a CX summary and write the dashboard
demo: venv
	$(BIN)/dbt build --target duckdb
	$(BIN)/python scripts/cx_summary.py
	$(BIN)/python scripts/build_dashboard.py

## test: the full check: dbt build (data + unit tests) on DuckDB, the semantic layer (MetricFlow),
## Great Expectations suites, pytest (with the dashboard in headless Chromium), lint (sqlfluff,
## ruff, dbt-score, dbt-bouncer), then the same SQL build on PostgreSQL and Spark with the
## cross-engine equality check
test: venv-engines build semantic expectations pytest lint engines
# pytest reads a copy of the demo database the build step made instead of building it again.
test: export CX_TEST_DEMO_DATABASE := $(abspath $(or $(CX_DUCKDB_PATH),target/cx.duckdb))

venv: $(VENV)/.installed

# The pinned set of requirements.txt, then the cx_metrics package itself, editable (its imports
# and the cx-metrics command); pip builds it with the setuptools of the index (pyproject.toml).
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	$(BIN)/pip check
	touch $@

# Spark target: dbt-spark + pyspark in the same virtual environment.
venv-engines: $(VENV)/.installed-engines

$(VENV)/.installed-engines: $(VENV)/.installed requirements-spark.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-spark.txt
	$(BIN)/pip check
	touch $@

build: venv
	$(BIN)/dbt build --target duckdb

## semantic: MetricFlow validates the semantic layer (models/marts/semantic): its semantics, then each
## semantic model, dimension, measure and metric queried on the DuckDB build (after `make build`)
semantic: venv
	$(BIN)/mf validate-configs

## dashboard: the CX dashboard of the built database ($CX_DUCKDB_PATH, default target/cx.duckdb):
## one self-contained HTML file, target/dashboard/index.html (open it in a browser)
.PHONY: dashboard
dashboard: venv
	$(BIN)/python scripts/build_dashboard.py

## expectations: Great Expectations suites over the built marts; Data Docs in
## target/great_expectations/data_docs/index.html
expectations: venv
	$(BIN)/python scripts/run_great_expectations.py

## pytest: the Python suite on PYTEST_WORKERS processes (one test file per worker at a time)
PYTEST_WORKERS ?= 2
pytest: venv
	$(BIN)/python -m pytest tests/python -n $(PYTEST_WORKERS) --dist loadfile

## lint: the hooks of .pre-commit-config.yaml on every file git knows (git add new files first):
## sqlfluff, ruff, dbt-score (minimums in pyproject.toml), dbt-bouncer (dbt-bouncer.yml)
lint: venv
	$(BIN)/pre-commit run --all-files

## engines: build on a throwaway PostgreSQL server and on a local Spark standalone cluster
## (scripts/spark_cluster.sh); compare every mart
engines: venv-engines
	scripts/test_engines.sh

## real-data: load the public sample data into target/real.duckdb and build on it
real-data: venv
	$(BIN)/python scripts/load_real_data.py --twcs ../shared/data/twcs_sample.csv \
		--servicenow ../shared/data/incident_event_log.csv.gz --out target/real.duckdb
	CX_DUCKDB_PATH=target/real.duckdb $(BIN)/dbt build --vars '{cx_source: raw}' --exclude resource_type:seed
	CX_DUCKDB_PATH=target/real.duckdb $(BIN)/python scripts/cx_summary.py

## bench: the benchmark (benchmarks/run_benchmark.py) at 100k and 1M generated tickets: full build,
## run, tests and an incremental run with 1 % new data, each with its CPU time and peak memory,
## and the slowest nodes (~40 min on 2 cores; the 1M world takes ~5 GB of memory to generate)
BENCH_TICKETS ?= 100000 1000000
bench: venv
	$(BIN)/python benchmarks/run_benchmark.py --tickets $(BENCH_TICKETS)

clean:
	rm -rf target logs dbt_packages
