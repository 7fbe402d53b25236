"""Loyalty impact (cx_metrics.loyalty): revenue-at-risk arithmetic, the churn regression on
simulated data with a known odds ratio, counterfactuals, tiers, and bad inputs (one outcome
class, too few churners, a driver without variation, perfect separation, nulls)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cx_metrics import loyalty as ly


def simulated_customers(n: int = 20_000, odds_ratio: float = 3.0, seed: int = 1) -> pd.DataFrame:
    """Customers with churn drawn from logit = -2 + ln(odds_ratio) * has_sla_breach."""
    rng = np.random.default_rng(seed)
    breach = rng.random(n) < 0.3
    unanswered = rng.random(n) < 0.2
    p = 1 / (1 + np.exp(-(-2.0 + np.log(odds_ratio) * breach)))
    return pd.DataFrame({
        "customer_id": [f"C{i}" for i in range(n)],
        "segment": rng.choice(["smb", "mid_market"], n),
        "annual_revenue": rng.uniform(1_000, 10_000, n),
        "has_sla_breach": breach,
        "has_unanswered_social": unanswered,
        "has_reopen": rng.random(n) < 0.1,
        "sla_eligible_tickets": 1,
        "social_conversations": np.where(unanswered | (rng.random(n) < 0.3), 1, 0),
        "is_churned": rng.random(n) < p,
        "is_active_at_as_of": True,
        "experience_tier": np.where(breach, "one_issue", "smooth"),
    })


# ---------------------------------------------------------------- revenue arithmetic


def test_revenue_at_risk_sums_revenue_and_expected_loss_above_the_threshold():
    risk = ly.revenue_at_risk(pd.Series([100.0, 200.0, 300.0, None]), pd.Series([0.1, 0.5, 0.8, 0.9]), 0.5)
    # customers with p >= 0.5: 200, 300 and one without revenue; expected loss 200*0.5 + 300*0.8 + 0*0.9
    assert risk == ly.RevenueAtRisk(customers=3, annual_revenue=500.0, expected_loss=340.0)
    assert ly.revenue_at_risk(pd.Series([100.0]), pd.Series([0.1]), 0.5) == ly.RevenueAtRisk(0, 0.0, 0.0)
    with pytest.raises(ValueError, match="between 0 and 1"):
        ly.revenue_at_risk(pd.Series([1.0]), pd.Series([0.5]), 1.5)


def test_fix_share_brings_the_rate_to_its_target():
    assert ly.fix_share(0.30, 0.05) == pytest.approx(0.25 / 0.30)
    assert ly.fix_share(0.04, 0.05) == 0.0
    assert ly.fix_share(0.0, 0.05) == 0.0


# ---------------------------------------------------------------- regression


def test_logit_recovers_a_known_odds_ratio_with_its_interval():
    fit = ly.fit_churn_drivers(simulated_customers(odds_ratio=3.0))
    assert fit.ok, fit.message
    terms = fit.terms.set_index("term")
    assert terms.loc["has_sla_breach", "ci_low"] < 3.0 < terms.loc["has_sla_breach", "ci_high"]
    assert terms.loc["has_sla_breach", "p_value"] < 1e-6
    # drivers without an effect: interval around 1
    assert terms.loc["has_unanswered_social", "ci_low"] < 1.0 < terms.loc["has_unanswered_social", "ci_high"]
    assert list(terms["kind"]) == ["intercept", "driver", "driver", "driver", "control"]
    assert np.allclose(terms["odds_ratio"], np.exp(terms["coefficient"]))


def test_one_outcome_class_gives_a_clear_message_not_a_crash():
    customers = simulated_customers(n=200).assign(is_churned=False)
    fit = ly.fit_churn_drivers(customers)
    assert fit.status == "one_class"
    assert "one class only: none of the 200 customers churned" in fit.message
    table = ly.loyalty_impact(customers)
    assert set(table["row_type"]) == {"retention_tier", "model_fit", "revenue_at_risk"}
    note = table.loc[table["row_type"] == "model_fit", "note"].item()
    assert note.startswith("one_class: outcome has one class only")
    assert ly.fit_churn_drivers(customers.iloc[:0]).status == "one_class"


def test_too_few_churners_and_constant_drivers_are_reported():
    customers = simulated_customers(n=400)
    few = customers.assign(is_churned=[i < 3 for i in range(len(customers))])
    assert ly.fit_churn_drivers(few).status == "too_few"
    fit = ly.fit_churn_drivers(customers.assign(has_reopen=False))
    assert fit.ok and "left out (no variation): has_reopen" in fit.message
    assert "has_reopen" not in set(fit.terms["term"])
    none_vary = customers.assign(has_reopen=False, has_sla_breach=False, has_unanswered_social=False)
    assert ly.fit_churn_drivers(none_vary).status == "too_few"


def test_perfect_separation_is_reported():
    customers = simulated_customers(n=400)
    customers["is_churned"] = customers["has_sla_breach"]
    fit = ly.fit_churn_drivers(customers)
    assert fit.status == "perfect_separation" and "perfectly" in fit.message


def test_collinear_drivers_are_reported_as_singular():
    customers = simulated_customers(n=5_000)
    customers["breach_copy"] = customers["has_sla_breach"]
    customers["no_breach"] = 1 - customers["has_sla_breach"]  # with the intercept: collinear too
    for twin in ("breach_copy", "no_breach"):
        params = ly.params_from_config(drivers=["has_sla_breach", twin], controls=["segment"])
        fit = ly.fit_churn_drivers(customers, params)
        assert fit.status == "singular" and "collinear" in fit.message and fit.terms.empty
    assert ly.fit_churn_drivers(customers).status == "ok"


def test_null_driver_values_count_as_no_exposure():
    assert ly.as_flag(pd.Series([True, None, False, 1, np.nan], dtype="object")).tolist() == [1.0, 0.0, 0.0, 1.0, 0.0]
    customers = simulated_customers(n=2000)
    customers["has_reopen"] = customers["has_reopen"].astype("object").where(customers.index % 7 != 0, None)
    customers.loc[customers.index % 5 == 0, "annual_revenue"] = np.nan
    assert ly.fit_churn_drivers(customers).ok
    assert not ly.loyalty_impact(customers)["row_type"].isna().any()


# ---------------------------------------------------------------- counterfactuals and the table


def test_counterfactual_probability_mixes_predictions_by_the_spared_share():
    customers = simulated_customers(n=5000)
    fit = ly.fit_churn_drivers(customers)
    now = ly.predict_churn(fit, customers)
    without = ly.predict_churn(fit, customers, {"has_sla_breach": 0.0})
    assert np.allclose(ly.counterfactual_probability(fit, customers, {"has_sla_breach": 0.0}), now)
    assert np.allclose(ly.counterfactual_probability(fit, customers, {"has_sla_breach": 1.0}), without)
    half = ly.counterfactual_probability(fit, customers, {"has_sla_breach": 0.5})
    assert np.allclose(half, 0.5 * now + 0.5 * without)


def test_retention_by_tier_counts_by_hand():
    customers = pd.DataFrame({
        "experience_tier": ["smooth", "smooth", "one_issue", "no_contact", "custom", None],
        "is_churned": [True, False, True, False, False, True],
    })
    out = ly.retention_by_tier(customers, "experience_tier", "is_churned")
    assert out["label"].tolist() == ["no_contact", "smooth", "one_issue", "(unknown)", "custom"]
    assert out["customers"].tolist() == [1, 2, 1, 1, 1]
    assert out["churned_customers"].tolist() == [0, 1, 1, 1, 0]
    assert out["retention_rate"].tolist() == [1.0, 0.5, 0.0, 0.0, 1.0]


def test_loyalty_impact_table_is_tidy_and_upside_follows_the_odds_ratio():
    customers = simulated_customers(n=10_000, odds_ratio=3.0)
    table = ly.loyalty_impact(customers)
    assert list(table.columns) == list(ly.OUTPUT_COLUMNS)
    assert not table.duplicated(["row_type", "label"]).any()
    upside = table[table["row_type"] == "revenue_upside"].set_index("label")
    breach = upside.loc["has_sla_breach_to_target"]
    assert breach["current_rate"] == pytest.approx(customers["has_sla_breach"].mean())
    assert breach["upside"] > 0
    # an upside cannot exceed the expected loss it is carved from
    assert (upside["upside"] <= upside["revenue_at_risk"]).all()
    assert upside.loc["all_to_target", "upside"] >= breach["upside"]
    risk = table[(table["row_type"] == "revenue_at_risk") & (table["label"] == "all")].iloc[0]
    fit = ly.fit_churn_drivers(customers)
    p = ly.predict_churn(fit, customers)
    above = p >= ly.LoyaltyParams().risk_threshold
    assert risk["customers"] == above.sum()
    assert risk["revenue_at_risk"] == pytest.approx((customers["annual_revenue"] * p)[above].sum())


def test_customer_columns_are_all_loyalty_impact_reads():
    customers = simulated_customers(n=2_000, odds_ratio=3.0).assign(region="north", unused_count=7)
    params = ly.params_from_config(drivers=["has_sla_breach", "has_reopen"], controls=["segment"])
    kept = [column for column in ly.customer_columns(params) if column in customers.columns]
    assert {"region", "unused_count"}.isdisjoint(kept)
    assert {"has_sla_breach", "has_reopen", "segment", "sla_eligible_tickets"} <= set(kept)
    pd.testing.assert_frame_equal(ly.loyalty_impact(customers[kept], params=params),
                                  ly.loyalty_impact(customers, params=params))


def test_sentiment_in_window_and_params_from_config():
    customers = pd.DataFrame({
        "customer_id": ["C1", "C2"],
        "window_start_at": pd.to_datetime(["2026-01-01", "2026-01-01"]),
        "as_of_at": pd.to_datetime(["2026-12-31", "2026-12-31"]),
        "churned_at": pd.to_datetime(["2026-06-01", None]),
    })
    texts = pd.DataFrame({
        "customer_id": ["C1", "C1", "C1", "C2", "C3"],
        "created_at": pd.to_datetime(["2025-12-01", "2026-03-01", "2026-07-01", "2026-05-01", "2026-05-01"]),
        "compound_score": pd.array([0.9, -0.4, 0.8, 0.2, 0.5], dtype="Float64"),
    })
    # C1: the December text is before the window, the July one after churning -> only -0.4
    out = ly.sentiment_in_window(customers, texts).set_index("customer_id")
    assert out["mean_sentiment"].to_dict() == pytest.approx({"C1": -0.4, "C2": 0.2})
    joined = ly.with_sentiment(customers, out.reset_index())
    assert joined["has_negative_sentiment"].tolist() == [True, False]
    params = ly.params_from_config(drivers=["has_sla_breach"], controls=[], risk_threshold=0.4,
                                   target_sla_breach_rate='0.1', target_unanswered_social_rate=None)
    assert params.drivers == ("has_sla_breach",) and params.controls == () and params.risk_threshold == 0.4
    assert [cf.target_rate for cf in params.counterfactuals] == [0.1, 0.05]


def test_sentiment_in_window_ignores_unknown_customers_and_null_scores():
    customers = pd.DataFrame({
        "customer_id": ["C2", "C1", "C3"],
        "window_start_at": pd.to_datetime(["2026-01-01"] * 3),
        "as_of_at": pd.to_datetime(["2026-12-31"] * 3),
        "churned_at": pd.to_datetime([None, None, None]),
    })
    texts = pd.DataFrame({
        "customer_id": ["C1", "C1", None, "C9", "C2", "C1"],
        "created_at": pd.to_datetime(["2026-02-01"] * 6),
        "compound_score": pd.array([0.5, -0.3, 0.9, 0.9, None, -0.6], dtype="Float64"),
    })
    # C1: 0.5, -0.3, -0.6 (mean -0.133..., two of three negative); C2's only text has no score;
    # the text without a customer and C9's (no such customer) drop out; C3 has none
    out = ly.sentiment_in_window(customers, texts).set_index("customer_id")
    assert list(out.index) == ["C1"]
    assert out.loc["C1", "scored_feedback"] == 3
    assert out.loc["C1", "mean_sentiment"] == pytest.approx(-0.4 / 3)
    assert out.loc["C1", "negative_feedback_share"] == pytest.approx(2 / 3)
    joined = ly.with_sentiment(customers, out.reset_index())
    assert joined["scored_feedback"].tolist() == [0, 3, 0]
    assert joined["has_negative_sentiment"].tolist() == [False, True, False]
    assert joined["mean_sentiment"].isna().tolist() == [True, False, True]


def test_sentiment_in_window_ignores_unscored_and_anonymous_texts():
    customers = pd.DataFrame({
        "customer_id": ["C1", "C2"],
        "window_start_at": pd.to_datetime(["2026-01-01"] * 2),
        "as_of_at": pd.to_datetime(["2026-12-31"] * 2),
        "churned_at": pd.to_datetime([None, None]),
    })
    scored = pd.DataFrame({
        "customer_id": ["C1", "C1", "C1", "C2", None],
        "created_at": pd.to_datetime(["2026-06-01"] * 5),
        "compound_score": pd.array([0.5, -0.3, None, -0.6, 0.9], dtype="Float64"),
    })
    out = ly.sentiment_in_window(customers, scored).set_index("customer_id")
    assert out.loc["C1", "scored_feedback"] == 2 and out.loc["C1", "mean_sentiment"] == pytest.approx(0.1)
    assert out.loc["C1", "negative_feedback_share"] == pytest.approx(0.5)
    assert out.loc["C2", "negative_feedback_share"] == 1.0
    assert len(out) == 2 and np.isfinite(out["mean_sentiment"]).all()


def test_as_flag_reads_booleans_and_numbers_and_counts_missing_as_zero():
    assert ly.as_flag(pd.Series([True, None, False, 1, 0.0, float("nan")])).tolist() == [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    assert ly.as_flag(pd.Series([True, pd.NA, False], dtype="boolean")).tolist() == [1.0, 0.0, 0.0]
    # NumPy booleans, integers and floats (what the marts give) take the direct conversion
    assert ly.as_flag(pd.Series([True, False, True])).tolist() == [1.0, 0.0, 1.0]
    assert ly.as_flag(pd.Series([2, 0])).tolist() == [2.0, 0.0]
    assert ly.as_flag(pd.Series([1.0, np.nan, 0.0])).tolist() == [1.0, 0.0, 0.0]


def test_mcfadden_r2_matches_statsmodels_without_a_second_fit():
    import statsmodels.api as sm

    x = np.array([0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0], dtype=float)
    y = np.array([0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0], dtype=float)
    result = sm.Logit(y, sm.add_constant(x)).fit(disp=0)
    assert ly.mcfadden_r2(result.llf, len(y), int(y.sum())) == pytest.approx(result.prsquared, abs=1e-6)
    # a model no better than the share of events explains nothing
    null_log_likelihood = 6 * np.log(0.5) * 2
    assert ly.mcfadden_r2(null_log_likelihood, 12, 6) == pytest.approx(0.0)
