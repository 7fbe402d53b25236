# cx-metrics: the two commands of the README, and the steps they are made of.
# Each target creates the virtual environment it needs (.venv, from requirements.txt).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DBT_PROFILES_DIR := $(CURDIR)
export GX_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: demo test venv venv-engines build expectations lint pytest engines real-data clean

## demo: build every model on the demo data (DuckDB) and print a CX summary
demo: venv
	$(BIN)/dbt build --target duckdb
	$(BIN)/python scripts/cx_summary.py

## test: the full check: dbt build (data + unit tests) on DuckDB, Great Expectations suites,
## pytest, sqlfluff lint, then the same SQL build on PostgreSQL and Spark with the cross-engine
## equality check
test: venv-engines build expectations pytest lint engines

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
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

## expectations: Great Expectations suites over the built marts; Data Docs in
## target/great_expectations/data_docs/index.html
expectations: venv
	$(BIN)/python scripts/run_great_expectations.py

pytest: venv
	$(BIN)/python -m pytest tests/python

lint: venv
	$(BIN)/sqlfluff lint models tests

## engines: build on a throwaway PostgreSQL server and on local Spark; compare every mart
engines: venv-engines
	scripts/test_engines.sh

## real-data: load the public sample data into target/real.duckdb and build on it
real-data: venv
	$(BIN)/python scripts/load_real_data.py --twcs ../shared/data/twcs_sample.csv \
		--servicenow ../shared/data/incident_event_log.csv.gz --out target/real.duckdb
	CX_DUCKDB_PATH=target/real.duckdb $(BIN)/dbt build --vars '{cx_source: raw}' --exclude resource_type:seed
	CX_DUCKDB_PATH=target/real.duckdb $(BIN)/python scripts/cx_summary.py

clean:
	rm -rf target logs dbt_packages
