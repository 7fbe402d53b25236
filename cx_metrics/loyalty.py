"""Loyalty impact of customer experience (docs/metrics.md "Loyalty impact").

Input: one row per customer (the SQL mart ``fct_customer_experience``: CX exposure in the
observation window and the churn outcome) plus the customer's mean feedback sentiment.
Output (:func:`loyalty_impact`): one tidy long table for BI, a ``row_type`` per kind of figure:

- ``retention_tier``   retention by experience tier (customers, churned, churn and retention rate)
- ``churn_driver``     logistic regression of churn on the CX drivers: coefficient, odds ratio,
                       95 % confidence interval, p-value (statsmodels Logit, maximum likelihood)
- ``control``          the same for the control variables (customer segment)
- ``model_fit``        one row: customers, churned, status and a message (e.g. why no model)
- ``revenue_at_risk``  active customers whose modelled churn probability >= a threshold: their
                       annual revenue and the expected loss (sum of revenue x probability)
- ``revenue_upside``   expected revenue kept if SLA breaches / unanswered social conversations
                       fell to a target rate (counterfactual prediction with the fitted model)

Every function is pure; data problems (one class only, too few churners, a driver without
variation, perfect separation) give a status and a clear message, never an exception.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning

from cx_metrics.sentiment import NEGATIVE_THRESHOLD, key_rows, mean_by_row

OUTPUT_COLUMNS = (
    "row_type", "label", "customers", "churned_customers", "churn_rate", "retention_rate",
    "coefficient", "odds_ratio", "ci_low", "ci_high", "p_value", "annual_revenue",
    "revenue_at_risk", "upside", "current_rate", "target_rate", "note",
)
TIER_ORDER = ("no_contact", "smooth", "one_issue", "multiple_issues")


@dataclass(frozen=True)
class Counterfactual:
    """Bring `driver` (a 0/1 column) down to `target_rate` among customers where `exposure_column` > 0."""

    driver: str
    target_rate: float
    exposure_column: str


@dataclass(frozen=True)
class LoyaltyParams:
    drivers: Sequence[str] = ("has_sla_breach", "has_unanswered_social", "has_reopen")
    controls: Sequence[str] = ("segment",)
    outcome: str = "is_churned"
    revenue_column: str = "annual_revenue"
    active_column: str = "is_active_at_as_of"
    tier_column: str = "experience_tier"
    risk_threshold: float = 0.2
    min_class_size: int = 10
    confidence: float = 0.95
    counterfactuals: Sequence[Counterfactual] = (
        Counterfactual("has_sla_breach", 0.05, "sla_eligible_tickets"),
        Counterfactual("has_unanswered_social", 0.05, "social_conversations"),
    )


def _config_value(value: object) -> object:
    """A dbt config value: JSON text (how the YAML passes vars to Python models) or a value."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def params_from_config(
    drivers: object = None,
    controls: object = None,
    risk_threshold: object = None,
    target_sla_breach_rate: object = None,
    target_unanswered_social_rate: object = None,
) -> LoyaltyParams:
    """LoyaltyParams from the dbt vars passed through model config (None keeps the default)."""
    default = LoyaltyParams()
    drivers, controls = _config_value(drivers), _config_value(controls)
    breach = _config_value(target_sla_breach_rate)
    unanswered = _config_value(target_unanswered_social_rate)
    threshold = _config_value(risk_threshold)
    return LoyaltyParams(
        drivers=tuple(drivers) if drivers is not None else default.drivers,
        controls=tuple(controls or ()) if controls is not None else default.controls,
        risk_threshold=float(threshold) if threshold is not None else default.risk_threshold,
        counterfactuals=(
            Counterfactual("has_sla_breach", float(breach) if breach is not None else 0.05, "sla_eligible_tickets"),
            Counterfactual("has_unanswered_social", float(unanswered) if unanswered is not None else 0.05,
                           "social_conversations"),
        ),
    )


@dataclass
class DriverFit:
    status: str  # ok, one_class, too_few, perfect_separation, not_converged, singular
    message: str
    customers: int
    churned: int
    terms: pd.DataFrame = field(default_factory=pd.DataFrame)  # term, kind, coefficient, odds_ratio, ci_*, p_value
    result: object | None = None
    columns: list[str] = field(default_factory=list)  # design-matrix columns, in order
    control_levels: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


# ---------------------------------------------------------------- design matrix and fit


def as_flag(values: pd.Series) -> pd.Series:
    """0/1 floats from booleans / numbers; null -> 0 (no exposure recorded)."""
    if isinstance(values.dtype, np.dtype) and values.dtype.kind in "biuf":
        # NumPy booleans and numbers (what the marts give): converted as they are, no object copy
        return values.astype(float).fillna(0.0)
    present = values.notna()
    return values.astype("object").where(present, 0.0).astype(float)


def control_levels(frame: pd.DataFrame, controls: Sequence[str]) -> dict[str, list[str]]:
    """Levels of each categorical control, most frequent first (the first is the reference)."""
    levels = {}
    for control in controls:
        counts = frame[control].fillna("(unknown)").astype(str).value_counts()
        ordered = sorted(counts.index, key=lambda level: (-counts[level], level))
        levels[control] = ordered
    return levels


def design_matrix(
    frame: pd.DataFrame, drivers: Sequence[str], levels: Mapping[str, Sequence[str]]
) -> pd.DataFrame:
    """const, one 0/1 column per driver, and one dummy per non-reference control level."""
    matrix = pd.DataFrame({"const": 1.0}, index=frame.index)
    for driver in drivers:
        matrix[driver] = as_flag(frame[driver])
    for control, control_values in levels.items():
        values = frame[control].fillna("(unknown)").astype(str)
        for level in control_values[1:]:
            matrix[f"{control}={level}"] = (values == level).astype(float)
    return matrix


def outcome_problem(outcome: pd.Series, min_class_size: int) -> tuple[str, str] | None:
    """(status, message) when the outcome cannot support a regression, else None."""
    y = as_flag(outcome)
    n, events = len(y), int(y.sum())
    if n == 0:
        return "one_class", "no customers in the observation window: nothing to model"
    if events in (0, n):
        which = "none" if events == 0 else "all"
        return ("one_class", f"outcome has one class only: {which} of the {n} customers churned; "
                "churn drivers need both churned and retained customers")
    if min(events, n - events) < min_class_size:
        return ("too_few", f"too few customers in one outcome class ({events} churned, {n - events} retained; "
                f"at least {min_class_size} of each are needed)")
    return None


def mcfadden_r2(log_likelihood: float, n: int, events: int) -> float:
    """McFadden's pseudo R2, 1 - LL(model) / LL(intercept only), with the intercept-only
    log-likelihood in closed form (its fitted probability is the share of events) instead of a
    second fit. Needs both classes (fit_churn_drivers checks first)."""
    share = events / n
    null_log_likelihood = events * math.log(share) + (n - events) * math.log(1 - share)
    return 1 - log_likelihood / null_log_likelihood


def has_full_rank(x: pd.DataFrame) -> bool:
    """Whether the design matrix's columns are linearly independent: no driver or control level is
    a combination of the others (a copy of a driver, a driver that is 1 exactly where another is
    0). Read from the k x k matrix X'X, not a decomposition of every row."""
    values = x.to_numpy(dtype="float64")
    return bool(np.linalg.matrix_rank(values.T @ values) == values.shape[1])


def fit_churn_drivers(frame: pd.DataFrame, params: LoyaltyParams = LoyaltyParams()) -> DriverFit:
    """Logistic regression of the outcome on the drivers and controls (statsmodels Logit, MLE).

    Drivers or control levels without variation are dropped (named in the message); the result
    carries odds ratios exp(b), their Wald confidence intervals exp(b ± z·se) and p-values.
    """
    y = as_flag(frame[params.outcome]) if params.outcome in frame else pd.Series(dtype=float)
    n, events = len(y), int(y.sum())
    problem = outcome_problem(y, params.min_class_size)
    if problem:
        return DriverFit(problem[0], problem[1], n, events)

    drivers = [d for d in params.drivers if d in frame.columns]
    missing = [d for d in params.drivers if d not in frame.columns]
    constant = [d for d in drivers if as_flag(frame[d]).nunique() < 2]
    drivers = [d for d in drivers if d not in constant]
    controls = [c for c in params.controls if c in frame.columns]
    levels = {c: lv for c, lv in control_levels(frame, controls).items() if len(lv) > 1}
    notes = []
    if missing:
        notes.append(f"drivers not in the data: {', '.join(missing)}")
    if constant:
        notes.append(f"left out (no variation): {', '.join(constant)}")
    if not drivers:
        return DriverFit("too_few", "; ".join(["no driver varies between customers", *notes]), n, events)

    x = design_matrix(frame, drivers, levels)
    singular = "; ".join(["drivers are collinear (singular matrix); no model", *notes])
    if not has_full_rank(x):
        return DriverFit("singular", singular, n, events)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            # check_rank=False: has_full_rank checked the rank above; statsmodels' own check is a
            # QR decomposition of the whole design matrix (0.6 s at 600k customers)
            result = sm.Logit(y.to_numpy(), x, check_rank=False).fit(disp=0, maxiter=200)
        except np.linalg.LinAlgError:
            return DriverFit("singular", singular, n, events)
    kinds = {type(w.message) for w in caught}
    if PerfectSeparationWarning in kinds:
        return DriverFit("perfect_separation", "; ".join([
            "a driver predicts churn perfectly (perfect separation); odds ratios are not estimable", *notes]),
            n, events)
    if ConvergenceWarning in kinds or not result.mle_retvals.get("converged", True):
        return DriverFit("not_converged", "; ".join(["the regression did not converge; no model", *notes]), n, events)

    interval = result.conf_int(alpha=1 - params.confidence)
    terms = pd.DataFrame({
        "term": x.columns,
        "kind": ["intercept" if c == "const" else ("driver" if c in drivers else "control") for c in x.columns],
        "coefficient": result.params.to_numpy(),
        "odds_ratio": np.exp(result.params.to_numpy()),
        "ci_low": np.exp(interval.iloc[:, 0].to_numpy()),
        "ci_high": np.exp(interval.iloc[:, 1].to_numpy()),
        "p_value": result.pvalues.to_numpy(),
    })
    message = "; ".join([f"logit fitted on {n} customers ({events} churned); McFadden pseudo R2 "
                         f"{mcfadden_r2(result.llf, n, events):.3f}", *notes])
    return DriverFit("ok", message, n, events, terms, result, list(x.columns), levels)


def fitted_design_matrix(fit: DriverFit, frame: pd.DataFrame) -> pd.DataFrame:
    """The design matrix of `frame` for the fitted model: its columns, in its order."""
    if not fit.ok:
        raise ValueError(f"no fitted model: {fit.message}")
    drivers = [t for t in fit.terms.loc[fit.terms["kind"] == "driver", "term"]]
    return design_matrix(frame, drivers, fit.control_levels)[fit.columns]


def predict_from_matrix(fit: DriverFit, x: pd.DataFrame, overrides: Mapping[str, float] | None = None) -> pd.Series:
    """Modelled churn probability per row of a fitted design matrix, with driver columns
    optionally overridden (`x` itself is left as it is)."""
    overridden = {column: float(value) for column, value in (overrides or {}).items() if column in x.columns}
    if overridden:
        x = x.assign(**overridden)
    return pd.Series(fit.result.predict(x), index=x.index, dtype=float)


def predict_churn(fit: DriverFit, frame: pd.DataFrame, overrides: Mapping[str, float] | None = None) -> pd.Series:
    """Modelled churn probability per row of `frame`, with driver columns optionally overridden."""
    return predict_from_matrix(fit, fitted_design_matrix(fit, frame), overrides)


# ---------------------------------------------------------------- revenue


@dataclass(frozen=True)
class RevenueAtRisk:
    customers: int
    annual_revenue: float
    expected_loss: float


def revenue_at_risk(revenue: pd.Series, probability: pd.Series, threshold: float) -> RevenueAtRisk:
    """Customers whose churn probability >= threshold: count, their annual revenue, and the
    expected loss sum(revenue x probability) over them. Null revenue counts as 0."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"risk threshold must be between 0 and 1, got {threshold}")
    rev = pd.to_numeric(revenue, errors="coerce").fillna(0.0).astype(float)
    prob = pd.to_numeric(probability, errors="coerce").astype(float)
    at_risk = prob >= threshold
    return RevenueAtRisk(int(at_risk.sum()), float(rev[at_risk].sum()), float((rev[at_risk] * prob[at_risk]).sum()))


def fix_share(current_rate: float, target_rate: float) -> float:
    """Share of currently exposed customers that must be spared to bring the rate to the target."""
    if current_rate <= 0 or current_rate <= target_rate:
        return 0.0
    return (current_rate - target_rate) / current_rate


def exposure_rate(frame: pd.DataFrame, cf: Counterfactual) -> float | None:
    """Share of customers with exposure (exposure_column > 0) who have the driver; None if none exposed."""
    exposed = pd.to_numeric(frame[cf.exposure_column], errors="coerce").fillna(0) > 0
    if not exposed.any():
        return None
    return float(as_flag(frame.loc[exposed, cf.driver]).mean())


def counterfactual_probability(
    fit: DriverFit, frame: pd.DataFrame, shares: Mapping[str, float]
) -> pd.Series:
    """Expected churn probability if each driver d were removed from a random share shares[d] of
    the customers who have it (independently across drivers): the mean of the model's predictions
    over the 2^k on/off combinations, weighted by their probabilities."""
    drivers = [d for d, share in shares.items() if share > 0]
    expected = pd.Series(0.0, index=frame.index)
    x = fitted_design_matrix(fit, frame)  # once: each combination only overrides driver columns
    for mask in range(2 ** len(drivers)):
        weight = 1.0
        overrides: dict[str, float] = {}
        for bit, driver in enumerate(drivers):
            if mask >> bit & 1:
                weight *= shares[driver]
                overrides[driver] = 0.0
            else:
                weight *= 1 - shares[driver]
        expected += weight * predict_from_matrix(fit, x, overrides)
    return expected


# ---------------------------------------------------------------- retention by tier


def retention_by_tier(frame: pd.DataFrame, tier_column: str, outcome: str) -> pd.DataFrame:
    """label, customers, churned_customers, churn_rate, retention_rate per tier (known tiers first)."""
    y = as_flag(frame[outcome]) if len(frame) else pd.Series(dtype=float)
    tiers = frame[tier_column].fillna("(unknown)").astype(str) if len(frame) else pd.Series(dtype=str)
    grouped = pd.DataFrame({"tier": tiers, "y": y}).groupby("tier")["y"].agg(["size", "sum"])
    order = [t for t in TIER_ORDER if t in grouped.index] + sorted(t for t in grouped.index if t not in TIER_ORDER)
    grouped = grouped.reindex(order)
    return pd.DataFrame({
        "label": grouped.index,
        "customers": grouped["size"].astype("int64").to_numpy(),
        "churned_customers": grouped["sum"].astype("int64").to_numpy(),
        "churn_rate": (grouped["sum"] / grouped["size"]).to_numpy(),
        "retention_rate": (1 - grouped["sum"] / grouped["size"]).to_numpy(),
    })


# ---------------------------------------------------------------- the mart


def customer_columns(params: LoyaltyParams = LoyaltyParams()) -> list[str]:
    """The columns of the customers frame (fct_customer_experience) that loyalty_impact reads with
    `params`, each once: the key and observation window (sentiment_in_window), the outcome, tier,
    revenue and activity columns, the drivers, the controls and the counterfactuals' columns. A
    driver computed here (mean_sentiment, has_negative_sentiment) is listed too: a caller keeps
    the names its table has, so that a large table is read without the columns nobody uses."""
    names = ["customer_id", "window_start_at", "as_of_at", "churned_at", params.outcome, params.tier_column,
             params.revenue_column, params.active_column, *params.drivers, *params.controls]
    for counterfactual in params.counterfactuals:
        names += [counterfactual.driver, counterfactual.exposure_column]
    return list(dict.fromkeys(names))


def sentiment_in_window(customers: pd.DataFrame, feedback_sentiment: pd.DataFrame | None) -> pd.DataFrame | None:
    """Sentiment per customer over the scored feedback texts (null scores ignored) created in the
    customer's observation window (window_start_at, as_of_at] and before churned_at: customer_id,
    scored_feedback, mean_sentiment and negative_feedback_share (the share of scores <= -0.05),
    only for customers with such a text, in the order of `customers` (one row per customer_id).
    Texts without a customer, or of a customer not in `customers`, are left out. Texts are placed
    on their customer's row (key_rows) and added up per row (mean_by_row), not merged and
    grouped on the text key."""
    if feedback_sentiment is None or feedback_sentiment.empty:
        return None
    score = pd.to_numeric(feedback_sentiment["compound_score"], errors="coerce").astype("float64").to_numpy()
    row = key_rows(customers["customer_id"], feedback_sentiment["customer_id"])
    has_customer = (row >= 0) & ~np.isnan(score)
    row, score = row[has_customer], score[has_customer]
    created = pd.to_datetime(feedback_sentiment["created_at"]).to_numpy()[has_customer]
    bounds = {column: pd.to_datetime(customers[column]).to_numpy()[row]
              for column in ("window_start_at", "as_of_at", "churned_at")}
    in_window = ((created > bounds["window_start_at"]) & (created <= bounds["as_of_at"])
                 & (np.isnat(bounds["churned_at"]) | (created < bounds["churned_at"])))
    row, score = row[in_window], score[in_window]
    scored, mean = mean_by_row(row, score, len(customers))
    _, negative_share = mean_by_row(row, (score <= NEGATIVE_THRESHOLD).astype("float64"), len(customers))
    has_text = scored > 0
    return pd.DataFrame({
        "customer_id": customers["customer_id"].to_numpy()[has_text],
        "scored_feedback": scored[has_text].astype("int64"),
        "mean_sentiment": mean[has_text],
        "negative_feedback_share": negative_share[has_text],
    })


def with_sentiment(customers: pd.DataFrame, sentiment: pd.DataFrame | None) -> pd.DataFrame:
    """customers + mean_sentiment, scored_feedback and has_negative_sentiment (mean <= -0.05;
    false without scored feedback). `sentiment`: one row per customer (sentiment_in_window),
    placed on its customer's row by position (key_rows)."""
    out = customers.copy()
    mean = np.full(len(out), np.nan)
    scored = np.zeros(len(out), dtype="int64")
    if sentiment is not None and not sentiment.empty:
        row = key_rows(customers["customer_id"], sentiment["customer_id"])
        found = row >= 0
        means = pd.to_numeric(sentiment["mean_sentiment"], errors="coerce").astype("float64").to_numpy()
        mean[row[found]] = means[found]
        scored[row[found]] = sentiment["scored_feedback"].fillna(0).astype("int64").to_numpy()[found]
    out["mean_sentiment"] = mean
    out["scored_feedback"] = scored
    out["has_negative_sentiment"] = mean <= NEGATIVE_THRESHOLD
    return out


def _row(row_type: str, label: str, **values: object) -> dict[str, object]:
    return {"row_type": row_type, "label": label, **values}


def loyalty_impact(
    customers: pd.DataFrame,
    feedback_sentiment: pd.DataFrame | None = None,
    params: LoyaltyParams = LoyaltyParams(),
) -> pd.DataFrame:
    """The tidy loyalty-impact table (see the module docstring for the row types).

    customers: fct_customer_experience; feedback_sentiment: fct_feedback_sentiment (optional:
    its window mean per customer becomes mean_sentiment / has_negative_sentiment)."""
    frame = with_sentiment(customers, sentiment_in_window(customers, feedback_sentiment))
    rows: list[dict[str, object]] = []
    for tier in retention_by_tier(frame, params.tier_column, params.outcome).to_dict("records"):
        rows.append(_row("retention_tier", **tier))

    fit = fit_churn_drivers(frame, params)
    rows.append(_row("model_fit", "logit", customers=fit.customers, churned_customers=fit.churned,
                     churn_rate=(fit.churned / fit.customers) if fit.customers else None,
                     note=f"{fit.status}: {fit.message}"))
    if fit.ok:
        for term in fit.terms.to_dict("records"):
            if term["kind"] == "intercept":
                continue
            row_type = "churn_driver" if term["kind"] == "driver" else "control"
            exposed = as_flag(frame[term["term"]]) == 1 if row_type == "churn_driver" else None
            rows.append(_row(
                row_type, term["term"],
                customers=int(exposed.sum()) if exposed is not None else None,
                churned_customers=(int(as_flag(frame.loc[exposed, params.outcome]).sum())
                                   if exposed is not None else None),
                coefficient=term["coefficient"], odds_ratio=term["odds_ratio"], ci_low=term["ci_low"],
                ci_high=term["ci_high"], p_value=term["p_value"],
                note=("vs customers without it, other drivers and controls held equal" if row_type == "churn_driver"
                      else "vs the reference level " + fit.control_levels[term["term"].split("=")[0]][0]),
            ))
        rows.extend(_revenue_rows(fit, frame, params))
    else:
        rows.append(_row("revenue_at_risk", "all", note=f"not computed: {fit.message}"))
    out = pd.DataFrame(rows)
    for column in OUTPUT_COLUMNS:
        if column not in out.columns:
            out[column] = None
    return _typed(out[list(OUTPUT_COLUMNS)])


def _revenue_rows(fit: DriverFit, frame: pd.DataFrame, params: LoyaltyParams) -> list[dict[str, object]]:
    active = frame[frame[params.active_column].astype(bool)] if params.active_column in frame else frame
    rows: list[dict[str, object]] = []
    if active.empty:
        return [_row("revenue_at_risk", "all", note="no active customers")]
    probability = predict_churn(fit, active)
    revenue = active[params.revenue_column]
    groups = [("all", active.index)]
    if "segment" in active:
        segments = active["segment"].fillna("(unknown)").astype(str)
        groups += [(f"segment={s}", active.index[segments == s]) for s in sorted(segments.unique())]
    for label, index in groups:
        risk = revenue_at_risk(revenue.loc[index], probability.loc[index], params.risk_threshold)
        rows.append(_row("revenue_at_risk", label, customers=risk.customers, annual_revenue=risk.annual_revenue,
                         revenue_at_risk=risk.expected_loss, target_rate=params.risk_threshold,
                         note=f"active customers with modelled churn probability >= {params.risk_threshold:g} "
                              f"(of {len(index)} active); revenue_at_risk = sum of annual revenue x probability"))

    drivers = set(fit.terms.loc[fit.terms["kind"] == "driver", "term"])
    shares: dict[str, float] = {}
    for cf in params.counterfactuals:
        if cf.driver not in drivers or cf.exposure_column not in frame:
            rows.append(_row("revenue_upside", f"{cf.driver}_to_target", target_rate=cf.target_rate,
                             note=f"not computed: {cf.driver} is not in the fitted model"))
            continue
        rate = exposure_rate(frame, cf)
        share = fix_share(rate or 0.0, cf.target_rate)
        shares[cf.driver] = share
        rows.append(_upside_row(f"{cf.driver}_to_target", fit, active, revenue, probability, {cf.driver: share},
                                current_rate=rate, target_rate=cf.target_rate,
                                note=f"{cf.driver} rate among customers with {cf.exposure_column} > 0 brought to "
                                     f"the target: {share:.1%} of the affected customers spared"))
    if len(shares) > 1:
        rows.append(_upside_row("all_to_target", fit, active, revenue, probability, shares, current_rate=None,
                                target_rate=None, note="every counterfactual above at once"))
    return rows


def _upside_row(label: str, fit: DriverFit, active: pd.DataFrame, revenue: pd.Series, probability: pd.Series,
                shares: Mapping[str, float], current_rate: float | None, target_rate: float | None,
                note: str) -> dict[str, object]:
    revenue = pd.to_numeric(revenue, errors="coerce").fillna(0.0).astype(float)
    expected = counterfactual_probability(fit, active, shares)
    upside = float((revenue * (probability - expected)).sum())
    return _row("revenue_upside", label, customers=len(active), annual_revenue=float(revenue.sum()),
                revenue_at_risk=float((revenue * probability).sum()), upside=upside,
                current_rate=current_rate, target_rate=target_rate, note=note)


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    """Stable column types so the table has the same schema whatever rows it holds."""
    for column in ("customers", "churned_customers"):
        out[column] = pd.array([None if v is None or (isinstance(v, float) and math.isnan(v)) else int(v)
                                for v in out[column]], dtype="Int64")
    for column in ("churn_rate", "retention_rate", "coefficient", "odds_ratio", "ci_low", "ci_high", "p_value",
                   "annual_revenue", "revenue_at_risk", "upside", "current_rate", "target_rate"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("Float64")
    for column in ("row_type", "label", "note"):
        out[column] = out[column].astype("string")
    return out.reset_index(drop=True)
