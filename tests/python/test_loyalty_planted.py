"""Planted truth: the churn regression of mart_loyalty_impact recovers the generator's effects.

The generator (cx_metrics.generate) draws churn from
logit(p) = -2 + ln(2.0) * sla_breached + ln(1.5) * has_unanswered_social + segment term,
with sla_breached defined in calendar minutes, agent-created tickets excluded and unanswered
tickets breached once their target has passed (seeds/generator_params.json). We generate
20,000 tickets (seed 11: 12,000 customers, 7,506 with an SLA-measured ticket, 2,423 breached),
load them as raw tables, run the loyalty models with `dbt run --select +mart_loyalty_impact`
(no seeds: the taxonomy falls back to the committed CSV) and read the odds ratios from the mart.
At this size the 95 % interval of the breach odds ratio is about 1.78-2.24, so it contains 2.0
reliably while excluding 1.0 by far. Runtime: ~3 s to generate, ~35 s for dbt on 2 cores.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from cx_metrics import generate as gen

from conftest import load_csv_dir_as_raw, run_dbt

TICKETS = 20_000
SEED = 11


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, dict]:
    work_dir = tmp_path_factory.mktemp("loyalty_planted")
    data = gen.run(seed=SEED, tickets=TICKETS, out=work_dir / "csv", fmt="csv")
    database = work_dir / "planted.duckdb"
    load_csv_dir_as_raw(work_dir / "csv", database)
    result = run_dbt(["run", "--vars", "{cx_source: raw}", "--select", "+mart_loyalty_impact"], database, work_dir)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr
    return database, data.metadata


def driver(database: Path, name: str) -> dict:
    with duckdb.connect(str(database), read_only=True) as connection:
        row = connection.execute(
            "select odds_ratio, ci_low, ci_high, p_value from main_marts.mart_loyalty_impact "
            "where row_type = 'churn_driver' and label = ?", [name]
        ).fetchone()
    assert row is not None, f"no churn_driver row for {name}"
    return dict(zip(["odds_ratio", "ci_low", "ci_high", "p_value"], row, strict=True))


def test_breach_definition_matches_the_generators(planted):
    database, metadata = planted
    with duckdb.connect(str(database), read_only=True) as connection:
        table = connection.execute(
            "select count(*) filter (where has_sla_breach and is_churned), "
            "count(*) filter (where has_sla_breach and not is_churned), "
            "count(*) filter (where not has_sla_breach and is_churned), "
            "count(*) filter (where not has_sla_breach and not is_churned) "
            "from main_marts.fct_customer_experience where sla_eligible_tickets > 0"
        ).fetchone()
    realised = metadata["realised_effects"]["churn_2x2_breached_x_churned"]
    assert [[table[0], table[1]], [table[2], table[3]]] == realised


def test_sla_breach_odds_ratio_interval_contains_the_planted_value(planted):
    database, metadata = planted
    planted_value = metadata["params"]["sla_breach_churn_odds_ratio"]
    breach = driver(database, "has_sla_breach")
    assert breach["ci_low"] < planted_value < breach["ci_high"], breach
    assert breach["ci_low"] > 1.0 and breach["p_value"] < 0.001


def test_unanswered_social_odds_ratio_interval_contains_the_planted_value(planted):
    database, metadata = planted
    planted_value = metadata["params"]["unanswered_social_churn_odds_ratio"]
    unanswered = driver(database, "has_unanswered_social")
    assert unanswered["ci_low"] < planted_value < unanswered["ci_high"], unanswered


def test_reopen_has_no_planted_effect(planted):
    database, _ = planted
    reopen = driver(database, "has_reopen")
    assert reopen["ci_low"] < 1.0 < reopen["ci_high"], reopen
