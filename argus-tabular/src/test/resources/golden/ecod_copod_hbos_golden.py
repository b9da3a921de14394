#!/usr/bin/python3
"""Regenerates the golden fixtures for ECOD, COPOD and HBOS in argus-tabular.

PyOD is not installed here, so this script computes the scores with numpy straight from PyOD's
formulas (pyod/models/ecod.py, copod.py and hbos.py of the PyOD 1.x line; see the Javadoc of
io.argus.tabular.{ecod.Ecod, copod.Copod, hbos.Hbos}):

    /usr/bin/python3 argus-tabular/src/test/resources/golden/ecod_copod_hbos_golden.py

It writes, next to itself, for each fixture F in (ties, consts, mixed):
  ecod_copod_hbos_F.csv       training rows (header x0..x{d-1}), every value exact in float32
  ecod_copod_hbos_F_test.csv  held-out rows
and for each method M in (ecod, copod, hbos):
  M_F_expected.csv   in-sample scores of the training rows (fit and score the same rows, PyOD's
                     decision_scores_); one column per variant
  M_F_novelty.csv    scores of the held-out rows against the model fitted on the training rows, and
                     the per-feature terms whose sum is each score (VARIANT_t{j})

ECOD/COPOD on new rows: each held-out row is scored as PyOD's decision_function([row]) does, i.e. the
empirical CDFs are taken over the training column plus that one row, computed here literally by
concatenation. PyOD also recomputes the skewness on that concatenation where Argus keeps the training
sign; the script computes both and fails unless they agree on every fixture row.

HBOS variants: static = PyOD's HBOS (np.histogram equal-width bins, density=True, lookup with
np.digitize(right=True), the tol rule for values outside the range, score -sum log2(density + alpha));
static_p = the same with n_bins=4, alpha=0.05, tol=0.2; dynamic = equal-frequency bins as defined in
io.argus.tabular.hbos.Hbos (cuts at ranks floor(b n / k) moved past tied values, interior edges midway
between neighbouring bins, outer edges min and max; lookup consistent with the counting).

With --adbench DIR it instead prints the AUROC of each method on a few small ADBench files (features
read as float32, as Argus does), the reference values of the Java quality tests.
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "ecod_copod_hbos_"
SKEW_GUARD = 1e-3


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


# ---------------------------------------------------------------- ECOD / COPOD

def skew_sign(x, guard=True):
    """sign(scipy.stats.skew(x)) with a constant column counted as 0 (PyOD wraps skew in nan_to_num)."""
    if x.max() == x.min():
        return 0.0
    m = x.mean()
    m2 = np.mean((x - m) ** 2)
    m3 = np.mean((x - m) ** 3)
    g = m3 / m2 ** 1.5
    if guard and abs(g) < SKEW_GUARD:
        raise SystemExit(f"skewness {g} is too close to 0 for a reliable sign; change the fixture")
    return float(np.sign(g))


def ecdf(col):
    """statsmodels ECDF evaluated at the sample itself: #{col <= x} / n."""
    s = np.sort(col)
    return np.searchsorted(s, col, side="right") / len(col)


def combine(method, u_l, u_r, sk):
    u_skew = u_l * -1 * np.sign(sk - 1) + u_r * np.sign(sk + 1)
    if method == "ecod":
        return np.maximum(u_skew, np.maximum(u_l, u_r))
    return np.maximum(u_skew, np.add(u_l, u_r) / 2)


def pyod_terms(method, x, guard=True):
    """PyOD's per-feature terms O for a sample X scored on itself (decision_scores_)."""
    u_l = -1 * np.log(np.apply_along_axis(ecdf, 0, x))
    u_r = -1 * np.log(np.apply_along_axis(ecdf, 0, -x))
    sk = np.array([skew_sign(x[:, j], guard) for j in range(x.shape[1])])
    return combine(method, u_l, u_r, sk)


def argus_novelty_terms(method, x, xt):
    """Argus's rule: ECDF over the training column plus the scored value, training skewness sign."""
    n = len(x)
    sk = np.array([skew_sign(x[:, j]) for j in range(x.shape[1])])
    s = np.sort(x, axis=0)
    cl = np.stack([np.searchsorted(s[:, j], xt[:, j], side="right") for j in range(x.shape[1])], axis=1) + 1
    cr = np.stack([n - np.searchsorted(s[:, j], xt[:, j], side="left") for j in range(x.shape[1])], axis=1) + 1
    return combine(method, -np.log(cl / (n + 1)), -np.log(cr / (n + 1)), sk)


def ecdf_method_scores(method, x, xt):
    ins = pyod_terms(method, x).sum(axis=1)
    nov = argus_novelty_terms(method, x, xt)
    for i in range(len(xt)):
        literal = pyod_terms(method, np.vstack([x, xt[i:i + 1]]), guard=False)[-1]
        if not np.allclose(literal, nov[i], rtol=1e-12, atol=1e-12):
            raise SystemExit(f"{method}: test row {i} differs from PyOD's decision_function([row]): {literal} vs {nov[i]}")
    return ins, nov


# ---------------------------------------------------------------- HBOS

def lookup_pyod(values, edges, out_score, tol):
    """PyOD's _calculate_outlier_scores for one feature (log2 terms, not yet negated)."""
    n_bins = len(edges) - 1
    inds = np.digitize(values, edges, right=True)
    out = np.empty(len(values))
    for j, v in enumerate(values):
        b = inds[j]
        if b == 0:
            dist = edges[0] - v
            width = edges[1] - edges[0]
            out[j] = out_score[0] if dist <= width * tol else np.min(out_score)
        elif b == n_bins + 1:
            dist = v - edges[-1]
            width = edges[-1] - edges[-2]
            out[j] = out_score[n_bins - 1] if dist <= width * tol else np.min(out_score)
        else:
            out[j] = out_score[b - 1]
    return out


def lookup_consistent(values, edges, out_score, tol):
    """Dynamic bins: the bin that counted the value (np.histogram's rule), PyOD's tol rule outside."""
    n_bins = len(edges) - 1
    out = np.empty(len(values))
    for j, v in enumerate(values):
        if v < edges[0]:
            dist = edges[0] - v
            width = edges[1] - edges[0]
            out[j] = out_score[0] if dist <= width * tol else np.min(out_score)
        elif v > edges[-1]:
            dist = v - edges[-1]
            width = edges[-1] - edges[-2]
            out[j] = out_score[n_bins - 1] if dist <= width * tol else np.min(out_score)
        else:
            b = min(np.searchsorted(edges, v, side="right") - 1, n_bins - 1)
            out[j] = out_score[b]
    return out


def dynamic_edges(col, n_bins):
    """Equal-frequency edges as io.argus.tabular.hbos.Hbos defines them (cuts at ranks floor(b n / k),
    moved past ties, interior edges midway between neighbouring bins, outer edges min and max)."""
    s = np.sort(col)
    n = len(s)
    if s[0] == s[-1]:
        return np.array([s[0] - 0.5, s[0] + 0.5])
    edges = [s[0]]
    start = 0
    for b in range(1, n_bins + 1):
        end = (b * n) // n_bins
        if end <= start:
            continue
        while end < n and s[end] == s[end - 1]:
            end += 1
        edges.append((s[end - 1] + s[end]) / 2 if end < n else s[-1])
        start = end
        if start >= n:
            break
    return np.array(edges)


def hbos_terms(x, xq, n_bins=10, alpha=0.1, tol=0.5, dynamic=False):
    terms = np.empty((len(xq), x.shape[1]))
    for j in range(x.shape[1]):
        if dynamic:
            edges = dynamic_edges(x[:, j], n_bins)
            hist, _ = np.histogram(x[:, j], bins=edges, density=True)
            lookup = lookup_consistent
        else:
            hist, edges = np.histogram(x[:, j], bins=n_bins, density=True)
            lookup = lookup_pyod
        out_score = np.log2(hist + alpha)
        terms[:, j] = -lookup(xq[:, j], edges, out_score, tol)
    return terms


HBOS_VARIANTS = {
    "static": dict(),
    "static_p": dict(n_bins=4, alpha=0.05, tol=0.2),
    "dynamic": dict(dynamic=True),
}


# ---------------------------------------------------------------- data

def datasets():
    rng = np.random.RandomState(20261129)
    out = {}
    # Integer-valued, tie-heavy, skewed columns: many values sit exactly on HBOS's bin edges.
    x = np.stack([rng.poisson(1.5, 40), rng.binomial(6, 0.8, 40), rng.geometric(0.35, 40)], axis=1).astype(float)
    xt = np.array([[0, 6, 1], [1, 5, 2], [3, 4, 9], [9, 0, 1], [-1, 7, 30], [2, 3, 3],
                   [x[:, 0].max() + 0.2, x[:, 1].min() - 0.2, x[:, 2].max() + 0.3]], dtype=float)
    out["ties"] = (f32(x), f32(xt))
    # Constant columns (2.5 and 0) between a log-normal and an exponential column.
    n = 30
    x = np.stack([np.full(n, 2.5), rng.lognormal(0, 1, n) - 1.5, np.zeros(n), rng.exponential(2.0, n)], axis=1)
    xt = np.array([[2.5, 0.1, 0.0, 1.0], [2.5, -3.0, 0.0, 9.0], [2.0, 0.0, 0.25, 0.5], [3.0, 1.0, -0.5, 0.01],
                   [2.5, 40.0, 0.0, 100.0], [2.25, 0.5, 0.5, 2.0]], dtype=float)
    out["consts"] = (f32(x), f32(xt))
    # Continuous 5-D data with heavy-tailed outliers; held-out rows near and far outside the range.
    g = rng.gamma(2.0, 1.0, (110, 5)) * np.array([1, -1, 2, 0.5, -3])
    o = rng.standard_t(1.5, (10, 5)) * 2
    x = np.vstack([g, o])
    lo, hi = x.min(axis=0), x.max(axis=0)
    width = (hi - lo) / 10
    xt = np.vstack([rng.gamma(2.0, 1.0, (12, 5)) * np.array([1, -1, 2, 0.5, -3]),
                    lo - 0.3 * width, hi + 0.3 * width, lo - 0.7 * width, hi + 0.8 * width, (lo + hi) / 2])
    out["mixed"] = (f32(x), f32(xt))
    return out


def write_table(path, x):
    with open(path, "w") as f:
        f.write(",".join(f"x{j}" for j in range(x.shape[1])) + "\n")
        for row in x:
            f.write(",".join(repr(float(np.float32(v))) for v in row) + "\n")


def write_cols(path, cols):
    names = list(cols)
    n = len(cols[names[0]])
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for i in range(n):
            f.write(",".join(repr(float(cols[c][i])) for c in names) + "\n")


def with_terms(cols, name, terms):
    cols[name] = terms.sum(axis=1)
    for j in range(terms.shape[1]):
        cols[f"{name}_t{j}"] = terms[:, j]


def main():
    for name, (x, xt) in datasets().items():
        write_table(os.path.join(HERE, f"{PREFIX}{name}.csv"), x)
        write_table(os.path.join(HERE, f"{PREFIX}{name}_test.csv"), xt)
        for method in ("ecod", "copod"):
            ins, nov = ecdf_method_scores(method, x, xt)
            write_cols(os.path.join(HERE, f"{method}_{name}_expected.csv"), {"score": ins})
            cols = {}
            with_terms(cols, "score", nov)
            write_cols(os.path.join(HERE, f"{method}_{name}_novelty.csv"), cols)
        ins, nov = {}, {}
        for variant, kw in HBOS_VARIANTS.items():
            ins[variant] = hbos_terms(x, x, **kw).sum(axis=1)
            with_terms(nov, variant, hbos_terms(x, xt, **kw))
        write_cols(os.path.join(HERE, f"hbos_{name}_expected.csv"), ins)
        write_cols(os.path.join(HERE, f"hbos_{name}_novelty.csv"), nov)


def adbench(root):
    from sklearn.metrics import roc_auc_score
    for name in ("4_breastw", "6_cardio", "14_glass", "18_Ionosphere", "29_Pima", "38_thyroid"):
        d = np.load(os.path.join(root, name + ".npz"), allow_pickle=False)
        x, y = f32(d["X"]), d["y"].astype(int)
        global SKEW_GUARD
        SKEW_GUARD = 0.0  # real data: no guard, a sign near 0 changes one column's term at most
        e = pyod_terms("ecod", x).sum(axis=1)
        c = pyod_terms("copod", x).sum(axis=1)
        hs = hbos_terms(x, x).sum(axis=1)
        hd = hbos_terms(x, x, dynamic=True).sum(axis=1)
        print(f'"{name}, {roc_auc_score(y, e):.4f}, {roc_auc_score(y, c):.4f}, '
              f'{roc_auc_score(y, hs):.4f}, {roc_auc_score(y, hd):.4f}",')


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--adbench":
        adbench(sys.argv[2])
    else:
        main()
