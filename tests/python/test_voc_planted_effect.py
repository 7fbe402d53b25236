"""On the demo data, mart_advocacy_by_service_experience recovers the generator's planted effect.

The generator (cx_metrics/generate.py, seeds/generator_params.json "unanswered_social_nps")
draws each NPS answer's promoter probability from the respondent's latest social conversation
started before the answer: 0.71 when the brand answered it, 0.19 when it did not, 0.45 with no
earlier conversation. Promoters are quota draws, so each group holds the planted share up to
rounding to whole answers: the tolerance is 1 / (answers in the group), and the gap's is the sum
of its two sides' (in percentage points). The group sizes and realised shares the generator
reports must be matched exactly, since the mart uses the same definition.
"""

from __future__ import annotations

import json

import duckdb
import pytest

from conftest import REPO_ROOT

GROUPS = {
    # mart column suffix: (generator parameter, generator realised_effects key)
    "after_answered": ("promoter_share_after_answered_social", "after_answered_social"),
    "after_unanswered": ("promoter_share_after_unanswered_social", "after_unanswered_social"),
    "without_contact": ("promoter_share_no_social", "no_social"),
}


@pytest.fixture(scope="module")
def generator_params() -> dict:
    return json.loads((REPO_ROOT / "seeds" / "generator_params.json").read_text())


@pytest.fixture(scope="module")
def social_experience(demo_database) -> dict[str, tuple[int, int]]:
    """(answers, promoters) per group over the whole data range, summed from the monthly rows."""
    with duckdb.connect(str(demo_database), read_only=True) as connection:
        row = connection.execute(
            "select "
            + ", ".join(f"sum(responses_{group}), sum(promoters_{group})" for group in GROUPS)
            + " from main_marts.mart_advocacy_by_service_experience"
            " where period_type = 'month' and contact_type = 'social_conversation'"
        ).fetchone()
    return {group: (int(row[2 * i]), int(row[2 * i + 1])) for i, group in enumerate(GROUPS)}


@pytest.mark.parametrize("group", list(GROUPS))
def test_promoter_share_matches_the_planted_share(social_experience, generator_params, group):
    parameter, _ = GROUPS[group]
    answers, promoters = social_experience[group]
    planted = generator_params["params"][parameter]
    assert answers > 0
    assert abs(promoters / answers - planted) <= 1 / answers


@pytest.mark.parametrize("group", list(GROUPS))
def test_groups_match_the_generators_realised_effect(social_experience, generator_params, group):
    _, key = GROUPS[group]
    realised = generator_params["realised_effects"]["nps_promoter_share_by_latest_social_conversation"][key]
    answers, promoters = social_experience[group]
    assert answers == realised["responses"]
    assert round(promoters / answers, 4) == realised["promoter_share"]


def test_answered_vs_unanswered_promoter_gap(social_experience, generator_params):
    params = generator_params["params"]
    planted_gap = 100 * (params["promoter_share_after_answered_social"]
                         - params["promoter_share_after_unanswered_social"])
    answered, answered_promoters = social_experience["after_answered"]
    unanswered, unanswered_promoters = social_experience["after_unanswered"]
    gap = 100 * (answered_promoters / answered - unanswered_promoters / unanswered)
    tolerance = 100 * (1 / answered + 1 / unanswered)
    assert abs(gap - planted_gap) <= tolerance


def test_monthly_gap_column_agrees_with_its_counts(demo_database):
    """promoter_gap_points on each row is 100 x the difference of that row's two shares."""
    with duckdb.connect(str(demo_database), read_only=True) as connection:
        rows = connection.execute(
            "select promoters_after_answered, responses_after_answered, promoters_after_unanswered, "
            "responses_after_unanswered, promoter_gap_points "
            "from main_marts.mart_advocacy_by_service_experience where period_type = 'month'"
        ).fetchall()
    checked = 0
    for answered_promoters, answered, unanswered_promoters, unanswered, gap in rows:
        if answered and unanswered:
            expected = 100 * (answered_promoters / answered - unanswered_promoters / unanswered)
            assert float(gap) == pytest.approx(expected, abs=1e-4)
            checked += 1
        else:
            assert gap is None
    assert checked > 0
