"""Random draws shared by the simulation steps (all vectorised numpy)."""

from __future__ import annotations

import numpy as np


def mix(shares: dict, keys: tuple[str, ...]) -> np.ndarray:
    """Probabilities of `keys` from a {key: share} mix (missing keys get 0), normalised to 1."""
    weights = np.array([float(shares.get(key, 0.0)) for key in keys])
    return weights / weights.sum()


def lognormal_seconds(rng: np.random.Generator, median_seconds: np.ndarray | float, sigma: float,
                      n: int, minimum: int = 60) -> np.ndarray:
    """Log-normal delays (int seconds) with the given median, at least `minimum`."""
    seconds = np.asarray(median_seconds, dtype=float) * np.exp(sigma * rng.standard_normal(n))
    return np.maximum(np.rint(seconds), minimum).astype(np.int64)


def quota_bernoulli(rng: np.random.Generator, prob: np.ndarray,
                    strata: np.ndarray) -> np.ndarray:
    """Stratified Bernoulli draw: in each stratum exactly floor(sum(prob) + U) rows are True.

    Members are chosen uniformly at random inside a stratum, so with a constant probability
    per stratum this is a Bernoulli draw without the binomial noise in the count: realised
    rates match the model (within one row per stratum) even on the small demo.
    """
    prob = np.asarray(prob, dtype=float)
    _, stratum_codes = np.unique(np.asarray(strata), return_inverse=True)
    stratum_codes = stratum_codes.ravel()
    n_strata = int(stratum_codes.max()) + 1 if len(stratum_codes) else 0
    quota = np.floor(np.bincount(stratum_codes, weights=prob, minlength=n_strata)
                     + rng.random(n_strata)).astype(np.int64)
    order = np.lexsort((rng.random(len(prob)), stratum_codes))
    sorted_codes = stratum_codes[order]
    rank_in_stratum = np.arange(len(order)) - np.searchsorted(sorted_codes, sorted_codes, side="left")
    drawn = np.empty(len(prob), dtype=bool)
    drawn[order] = rank_in_stratum < quota[sorted_codes]
    return drawn


def group_max(keys: np.ndarray, values: np.ndarray, n: int, fill: int) -> np.ndarray:
    """Largest value per key 0..n-1 (`fill` for keys without values)."""
    maxima = np.full(n, fill, dtype=np.int64)
    if len(keys):
        np.maximum.at(maxima, keys, values)
    return maxima
