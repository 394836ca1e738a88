#!/usr/bin/env python3
"""The side-by-side reference for the claim-table pipeline: pandas and numpy, vectorized (no loop over questions in Python).

From a claim table with numeric low/high/central columns (what `Diabaly.Benchmarks generate N file --numeric` writes: ranges, lower bounds and upper bounds), it
computes for every question what Diabaly computes with its default options, by Diabaly's documented definitions:

  * the envelope: the lowest lower bound and the highest upper bound (empty when a claim is open-ended);
  * the weighted median (Diabaly's `weighted_median_best`): the weighted median of the claims' central values on the log scale,
    each claim weighing 1 / (the source's distinct statements on the question × the times that statement is repeated), the
    midpoint (geometric mean) where the cumulative weight lands exactly on one half, brought within the envelope;
  * the DerSimonian-Laird random-effects estimate (`random_effects_best`): one estimate per source, the weighted mean of its claims'
    log central values, with the weighted mean of their log variances; tau^2 by DerSimonian and Laird (1986); brought within the
    envelope.

How a claim is read (Diabaly's ClaimReader, defaults): counts below 0.5 are 0.5 on the log scale; a range [low, high] has
log-sd (log high - log low) / (2 z_0.95), at least 0.01, and, without a central value, the geometric midpoint; "at least low"
(no high) reaches to 2 x low, with central value low x sqrt(2); "at most high" (no low) runs from 0 and reaches down to high / 2
on the log scale, with central value high / sqrt(2). Since #22 a reach is a whole count (2 x 157 reaches 314; 315 / 2 reaches
down to 158, half away from zero), and the log scale follows it. An exact figure (central alone) is widened by Diabaly's roundness rule; the
generator's numeric tables write none (an exact count is low = high), and this script refuses them.

Run (Debian's python3-pandas: apt-get install python3-pandas):

  /usr/bin/python3 tests/Diabaly.Benchmarks/reference/pandas_reconcile.py numeric.csv reference.csv
  /usr/bin/python3 tests/Diabaly.Benchmarks/reference/pandas_reconcile.py numeric.csv reference.csv --compare results.csv

where results.csv is what `Diabaly.Benchmarks pipeline numeric.csv results.csv` (or the sample console) wrote. --compare checks
every number of the two files to 1e-9 relative and exits 1 if any differs.
"""
import resource
import sys
import time

import numpy as np
import pandas as pd

Z90 = 1.6448536269514722  # the 95 % quantile of the standard normal: an interval read as a 90 % interval
ZERO_FLOOR = 0.5
OPEN_TAIL = 2.0
MIN_LOG_SD = 0.01


def back(y):
    """From the log scale; a value at the zero floor is a count of 0."""
    x = np.exp(y)
    return np.where(np.abs(x - ZERO_FLOOR) <= 1e-9 * ZERO_FLOOR, 0.0, x)


def log(x):
    return np.log(np.maximum(x, ZERO_FLOOR))


def reconcile(path):
    df = pd.read_csv(path, usecols=["question", "source", "low", "high", "central"],
                     dtype={"question": str, "source": str, "low": float, "high": float, "central": float}, engine="c")
    low, high, given = df["low"].to_numpy(), df["high"].to_numpy(), df["central"].to_numpy()
    is_open, is_at_most = np.isnan(high), np.isnan(low)
    if (is_open & is_at_most).any():
        sys.exit("pandas_reconcile: a row with neither 'low' nor 'high' (an exact figure); this reference handles ranges and bounds.")
    if (high < low).any():
        sys.exit("pandas_reconcile: a row with high below low.")

    # Each claim, read as Diabaly's ClaimReader reads it: a range; "at least low", reaching to 2 x low; "at most high", from 0,
    # reaching down to high / 2 on the log scale.
    lower = np.where(is_at_most, 0.0, low)
    upper = np.where(is_open, np.inf, high)
    # The reach of a count is a whole count (#22), rounded half away from zero, and the log scale follows it.
    reach_up = np.maximum(lower, np.floor(np.maximum(lower, ZERO_FLOOR) * OPEN_TAIL + 0.5))
    log_high = np.where(is_open, np.maximum(log(lower), log(reach_up)), log(np.where(is_open, 1.0, high)))
    tail_low = np.maximum(log(lower), log_high - np.log(OPEN_TAIL))
    with np.errstate(invalid="ignore"):
        reach_down = np.minimum(np.where(is_at_most, high, 1.0), np.floor(np.where(is_at_most, high, 1.0) / OPEN_TAIL + 0.5))
    tail_low = np.where(tail_low > log(lower), np.minimum(log_high, log(reach_down)), tail_low)
    log_low = np.where(is_at_most, tail_low, log(lower))
    with np.errstate(invalid="ignore"):
        midpoint = np.clip(back((log_low + log_high) / 2), lower, upper)
        at_most = np.clip(np.where(is_at_most, high, 0.0) / np.sqrt(OPEN_TAIL), lower, upper)
    default = np.where(is_open, lower * np.sqrt(OPEN_TAIL), np.where(is_at_most, at_most, midpoint))
    central = np.where(np.isnan(given), default, given)
    log_central = np.clip(log(central), log_low, log_high)
    sd = np.maximum((log_high - log_low) / (2 * Z90), MIN_LOG_SD)
    kind = np.where(is_open, 1, np.where(is_at_most, 2, 0))

    q_codes, questions = pd.factorize(df["question"], sort=False)
    s_codes, _ = pd.factorize(df["source"], sort=False)
    n_q = len(questions)

    # A source's weight is shared among its distinct statements on the question, and a statement among its repetitions.
    pair, _ = pd.factorize(q_codes.astype(np.int64) * (s_codes.max() + 1) + s_codes, sort=False)
    statement = pd.DataFrame({"pair": pair, "kind": kind, "low": lower, "high": np.nan_to_num(high, nan=-1.0),
                              "central": np.nan_to_num(given, nan=-1.0)}).groupby(
        ["pair", "kind", "low", "high", "central"], sort=False).ngroup().to_numpy()
    repeated = np.bincount(statement)[statement]
    pair_of_statement = np.zeros(statement.max() + 1, dtype=np.int64)
    pair_of_statement[statement] = pair
    distinct = np.bincount(pair_of_statement, minlength=pair.max() + 1)[pair]
    w = 1.0 / (distinct * repeated)

    # The envelope.
    env_low = np.full(n_q, np.inf)
    np.minimum.at(env_low, q_codes, lower)
    env_high = np.zeros(n_q)
    np.maximum.at(env_high, q_codes, upper)

    # The weighted median of the log central values, ordered by value then weight.
    order = np.lexsort((w, log_central, q_codes))
    g, y, ws, c = q_codes[order], log_central[order], w[order], central[order]
    total = np.bincount(q_codes, weights=w, minlength=n_q)[g]
    cumulative = pd.Series(ws).groupby(g).cumsum().to_numpy()
    target, tolerance = 0.5 * total, 1e-12 * total
    reached = cumulative >= target - tolerance
    same_as_previous = np.r_[False, g[1:] == g[:-1]]
    same_as_next = np.r_[g[1:] == g[:-1], False]
    first = reached & ~(np.r_[False, reached[:-1]] & same_as_previous)
    on_step = first & (np.abs(cumulative - target) <= tolerance) & same_as_next
    y_next = np.r_[y[1:], 0.0]
    value = np.where(on_step, back((y + y_next) / 2), c)
    median = np.empty(n_q)
    median[g[first]] = value[first]
    median = np.clip(median, env_low, env_high)

    # DerSimonian-Laird over one estimate per source.
    pair_weight = np.bincount(pair, weights=w)
    pair_y = np.bincount(pair, weights=w * log_central) / pair_weight
    pair_v = np.bincount(pair, weights=w * sd * sd) / pair_weight
    pair_q = np.zeros(len(pair_weight), dtype=np.int64)
    pair_q[pair] = q_codes
    wi = 1.0 / pair_v
    sum_w = np.bincount(pair_q, weights=wi, minlength=n_q)
    sum_w2 = np.bincount(pair_q, weights=wi * wi, minlength=n_q)
    fixed = np.bincount(pair_q, weights=wi * pair_y, minlength=n_q) / sum_w
    cochran = np.bincount(pair_q, weights=wi * (pair_y - fixed[pair_q]) ** 2, minlength=n_q)
    k = np.bincount(pair_q, minlength=n_q)
    tr_p = sum_w - sum_w2 / sum_w
    with np.errstate(divide="ignore", invalid="ignore"):
        tau2 = np.where(k == 1, 0.0, np.maximum(0.0, (cochran - (k - 1)) / tr_p))
    w_star = 1.0 / (pair_v + tau2[pair_q])
    mu = np.bincount(pair_q, weights=w_star * pair_y, minlength=n_q) / np.bincount(pair_q, weights=w_star, minlength=n_q)
    random_effects = np.clip(back(mu), env_low, env_high)

    return pd.DataFrame({
        "question": questions,
        "claims": np.bincount(q_codes, minlength=n_q),
        "envelope_low": env_low,
        "envelope_high": np.where(np.isinf(env_high), np.nan, env_high),
        "weighted_median_best": median,
        "random_effects_best": random_effects,
    })


def compare(reference, path):
    columns = ["envelope_low", "envelope_high", "weighted_median_best", "random_effects_best"]
    diabaly = pd.read_csv(path, usecols=["question", "claims"] + columns, dtype={"question": str})
    both = reference.merge(diabaly, on="question", suffixes=("_pandas", "_diabaly"), how="outer", indicator=True)
    missing = (both["_merge"] != "both").sum()
    worst, bad = 0.0, 0
    for name in ["claims"] + columns:
        a, b = both[name + "_pandas"].to_numpy(dtype=float), both[name + "_diabaly"].to_numpy(dtype=float)
        same_nan = np.isnan(a) & np.isnan(b)
        with np.errstate(invalid="ignore", divide="ignore"):
            relative = np.where(same_nan, 0.0, np.abs(a - b) / np.maximum(np.abs(a), np.abs(b)))
        relative = np.where(np.isnan(relative) & ~same_nan & (a == b), 0.0, np.nan_to_num(relative, nan=np.inf))
        worst = max(worst, float(relative.max()))
        bad += int((relative > 1e-9).sum())
        print(f"  {name}: largest relative difference {relative.max():.3g}, {int((relative > 1e-9).sum())} beyond 1e-9")
    print(f"compare: {len(both):,} questions, {missing} in one file only, {bad} numbers beyond 1e-9 relative (largest {worst:.3g})")
    return 0 if bad == 0 and missing == 0 else 1


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--compare"):
        sys.exit(__doc__)
    start = time.perf_counter()
    reference = reconcile(argv[1])
    reference.to_csv(argv[2], index=False, float_format="%.17g")
    elapsed = time.perf_counter() - start
    claims = int(reference["claims"].sum())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pandas: {claims:,} claims, {len(reference):,} questions in {elapsed:.3f} s ({claims / elapsed:,.0f} claims/s), peak RSS {peak:,.0f} MB")
    return compare(reference, argv[4]) if len(argv) == 5 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
