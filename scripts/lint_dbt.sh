#!/usr/bin/env bash
# Lint the dbt project's metadata: parse it into target/lint, then
#   score    dbt-score: grades models, sources, seeds and macros; fails under the minimums of
#            [tool.dbt-score] in pyproject.toml (fail_project_under, fail_any_item_under)
#   bouncer  dbt-bouncer: the conventions of dbt-bouncer.yml
# Usage: scripts/lint_dbt.sh [score|bouncer|all]   (default all; make lint and pre-commit run it)
# Details: .venv/bin/dbt-score lint --manifest target/lint/manifest.json --show all
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${CX_VENV_BIN:-.venv/bin}"
LINT_DIR=target/lint
what="${1:-all}"
case "$what" in
    score | bouncer | all) ;;
    *) echo "usage: $0 [score|bouncer|all]" >&2; exit 2 ;;
esac

# dbt parse reads no data: its own target path, log path and DuckDB file keep it apart from builds.
DBT_PROFILES_DIR="$PWD" CX_DUCKDB_PATH="$LINT_DIR/lint.duckdb" \
    "$BIN/dbt" --quiet parse --target duckdb --target-path "$LINT_DIR" --log-path "$LINT_DIR/logs"

status=0
if [[ "$what" == score || "$what" == all ]]; then
    "$BIN/dbt-score" lint --manifest "$LINT_DIR/manifest.json" --show failing-items || status=1
fi
if [[ "$what" == bouncer || "$what" == all ]]; then
    # dbt-bouncer.yml points dbt_artifacts_dir at target/lint. A wide table, so that its
    # messages are not cut in logs and hooks (rich falls back to 80 columns without a terminal).
    COLUMNS="${COLUMNS:-200}" "$BIN/dbt-bouncer" run --config-file dbt-bouncer.yml || status=1
fi
exit "$status"
