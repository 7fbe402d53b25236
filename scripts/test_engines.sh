#!/usr/bin/env bash
# Build every SQL model, data test and unit test on PostgreSQL and on a Spark standalone cluster
# (scripts/spark_cluster.sh: a master, two workers and a Spark Connect server), run the
# incremental models once more on PostgreSQL (nothing new: the marts must not move), prove the BI
# role's least privilege and the handling of bad input (tests/python/test_bad_input.py) on
# PostgreSQL, and check that every mart is identical to the DuckDB build. Needs the DuckDB build first (make build); installs PostgreSQL and Java when missing.
#
# Python models need DuckDB (in-process pandas): they carry the tag `python` and are excluded.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DBT_PROFILES_DIR="$PWD"
export CX_PG_DIR="${CX_PG_DIR:-$PWD/target/pg}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export CX_SPARK_DIR="${CX_SPARK_DIR:-$PWD/target/spark}"

step() { printf '\n=== %s\n' "$*"; }
failed=()
# Run a step; remember a failure and go on, so one run shows every engine's problems.
check() {
    local name=$1; shift
    if ! "$@"; then failed+=("$name"); fi
}

if ! command -v java >/dev/null 2>&1; then
    step "installing Java (for Spark)"
    apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

step "PostgreSQL: start a throwaway server"
scripts/postgres_server.sh start
# Stop both servers however the script ends (stopping a cluster that never started is a no-op).
trap 'scripts/spark_cluster.sh stop; scripts/postgres_server.sh stop' EXIT
# shellcheck disable=SC1091
. "$CX_PG_DIR/env"

step "PostgreSQL: dbt build (SQL models, data tests, unit tests)"
start=$SECONDS
check "PostgreSQL build" \
    $BIN/dbt build --target postgres --target-path target/postgres --exclude tag:python --full-refresh
echo "PostgreSQL build: $((SECONDS - start)) s"

# The incremental models' delete+insert path (docs/incremental.md) on the same data: the marts
# must stay those of the full build (the equality check at the end compares them with DuckDB's).
step "PostgreSQL: an incremental dbt run on the same data"
start=$SECONDS
check "PostgreSQL incremental run" \
    $BIN/dbt run --target postgres --target-path target/postgres --exclude tag:python
echo "PostgreSQL incremental run: $((SECONDS - start)) s"

step "PostgreSQL: the BI role reads marts only"
check "PostgreSQL BI role" $BIN/python -m pytest tests/engines/test_postgres_bi_role.py -q

step "PostgreSQL: bad input (typed and text raw tables, quarantine, absent tables and columns)"
start=$SECONDS
check "PostgreSQL bad input" $BIN/python -m pytest tests/python/test_bad_input.py -q -k postgres
echo "PostgreSQL bad input: $((SECONDS - start)) s"

step "PostgreSQL: the semantic layer (MetricFlow) gives the marts' values"
start=$SECONDS
check "PostgreSQL semantic layer" env CX_SEMANTIC_PG_TARGET_PATH=target/postgres \
    $BIN/python -m pytest tests/python/test_semantic_layer.py -q -k postgres
echo "PostgreSQL semantic layer: $((SECONDS - start)) s"

step "Spark: start a standalone cluster (master, 2 workers, Spark Connect server)"
scripts/spark_cluster.sh stop
rm -rf "$CX_SPARK_DIR"
start=$SECONDS
check "Spark cluster start" scripts/spark_cluster.sh start
echo "Spark cluster start: $((SECONDS - start)) s"
# shellcheck disable=SC1091
[ -f "$CX_SPARK_DIR/env" ] && . "$CX_SPARK_DIR/env"

step "Spark: dbt build on the cluster (SQL models, data tests, unit tests)"
# dbt-spark asks every session for Hive support, a static setting the server already has:
# Spark Connect warns about it on each statement.
export PYTHONWARNINGS="ignore:Failed to set spark.sql.catalogImplementation:UserWarning"
start=$SECONDS
check "Spark build" \
    $BIN/dbt build --target spark_cluster --target-path target/spark-dbt --exclude tag:python
echo "Spark build: $((SECONDS - start)) s"

# The master still counts two live workers, and the executors of both ran tasks of the build.
spark_ran_on_workers() {
    local alive busy
    alive=$(scripts/spark_cluster.sh workers) || return 1
    echo "workers alive (the master's /json/ page): $alive"
    echo "tasks finished by each worker's executors:"
    scripts/spark_cluster.sh tasks | sed 's/^/  /'
    busy=$(scripts/spark_cluster.sh tasks | awk '$2 > 0' | wc -l)
    [ "$alive" -ge 2 ] && [ "$busy" -ge 2 ]
}
step "Spark: the build ran on at least two workers"
check "Spark workers" spark_ran_on_workers

step "Every mart identical on DuckDB, PostgreSQL and Spark"
check "engine equality" $BIN/python scripts/compare_engines.py --engine duckdb=target \
    --engine postgres=target/postgres --engine spark=target/spark-dbt

if [ ${#failed[@]} -gt 0 ]; then
    printf '\nFAILED: %s\n' "${failed[@]}"
    exit 1
fi
echo "engines: PostgreSQL and Spark builds, BI role and equality checks passed"
