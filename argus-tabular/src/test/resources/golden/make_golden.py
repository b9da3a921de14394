#!/usr/bin/python3
"""Regenerates the scikit-learn golden fixtures for the LOF and kNN tests in argus-tabular.

Run with Debian's python3-sklearn (the reference table in docs/BENCHMARKS.md used scikit-learn 1.2.1):

    /usr/bin/python3 argus-tabular/src/test/resources/golden/make_golden.py

It writes, next to itself, for each data set NAME:
  NAME.csv           training rows (header x0..x{d-1}); every value is exactly representable in float32,
                     because Argus stores features as float32 and the reference must see the same numbers
  NAME_test.csv      held-out rows for novelty scoring (same columns)
  NAME_expected.csv  in-sample reference scores, one row per training row
  NAME_novelty.csv   reference scores of the held-out rows against the model fitted on NAME.csv
and golden.json listing the data sets, k values and the scikit-learn version.

Score columns (k in {5, 20}):
  lof{k}          -LocalOutlierFactor(n_neighbors=k).negative_outlier_factor_   (in-sample)
                  -LocalOutlierFactor(n_neighbors=k, novelty=True).score_samples (novelty)
  knn{k}_largest  PyOD-style kNN: distance to the k-th neighbour,
                  NearestNeighbors(n_neighbors=k).fit(X).kneighbors() (no argument: self excluded)
  knn{k}_mean     the mean of those k distances
Scores are written negated where scikit-learn negates them, so every column is "higher = more anomalous".

Every reference is checked to be independent of the order of the rows (ties among neighbours at the
k-distance could otherwise make the reference depend on scikit-learn's tie-breaking); the script fails
rather than write an ambiguous fixture.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.neighbors import LocalOutlierFactor, NearestNeighbors

HERE = os.path.dirname(os.path.abspath(__file__))
KS = (5, 20)


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def datasets():
    rng = np.random.RandomState(20240501)
    out = {}
    # 1-D: a Gaussian with a few far points.
    x = np.concatenate([rng.normal(0, 1, 56), [6.5, -7.0, 9.25, 4.8]])
    xt = np.concatenate([rng.normal(0, 1, 15), [8.0, -5.5, 12.0, 0.0, 3.3]])
    out["gauss1d"] = (f32(x[:, None]), f32(xt[:, None]))
    # 2-D: two clusters of different density plus scattered outliers.
    a = rng.normal([0, 0], 0.5, (80, 2))
    b = rng.normal([5, 5], 1.5, (60, 2))
    o = rng.uniform(-6, 12, (10, 2))
    xt = np.vstack([rng.normal([0, 0], 0.5, (10, 2)), rng.normal([5, 5], 1.5, (10, 2)), rng.uniform(-6, 12, (10, 2))])
    out["blobs2d"] = (f32(np.vstack([a, b, o])), f32(xt))
    # 5-D: correlated Gaussian with heavy-tailed outliers.
    cov = np.full((5, 5), 0.4) + 0.6 * np.eye(5)
    g = rng.multivariate_normal(np.zeros(5), cov, 190)
    o = rng.standard_t(1.5, (10, 5)) * 3
    xt = np.vstack([rng.multivariate_normal(np.zeros(5), cov, 20), rng.standard_t(1.5, (5, 5)) * 3])
    out["gauss5d"] = (f32(np.vstack([g, o])), f32(xt))
    # Duplicate-heavy integers: 24 distinct lattice points, each repeated 1..8 times, plus one point
    # repeated 25 times (more copies than k, so its density is 1/1e-10 in both implementations).
    base = rng.choice(200 * 200, 25, replace=False)
    pts = np.stack([base // 200, base % 200], axis=1).astype(np.float64)
    reps = np.concatenate([rng.randint(1, 9, 24), [25]])
    x = np.repeat(pts, reps, axis=0)
    x = x[rng.permutation(len(x))]
    xt = np.vstack([pts[:6], rng.randint(0, 200, (6, 2)).astype(np.float64)])
    out["dups2d"] = (f32(x), f32(xt))
    return out


def lof_in_sample(x, k):
    return -LocalOutlierFactor(n_neighbors=k, algorithm="brute").fit(x).negative_outlier_factor_


def lof_novelty(x, xt, k):
    return -LocalOutlierFactor(n_neighbors=k, novelty=True, algorithm="brute").fit(x).score_samples(xt)


def knn_in_sample(x, k):
    d, _ = NearestNeighbors(n_neighbors=k, algorithm="brute").fit(x).kneighbors()
    return d[:, -1], d.mean(axis=1)


def knn_novelty(x, xt, k):
    d, _ = NearestNeighbors(n_neighbors=k, algorithm="brute").fit(x).kneighbors(xt)
    return d[:, -1], d.mean(axis=1)


def scores(x, xt):
    ins, nov = {}, {}
    for k in KS:
        ins[f"lof{k}"] = lof_in_sample(x, k)
        nov[f"lof{k}"] = lof_novelty(x, xt, k)
        ins[f"knn{k}_largest"], ins[f"knn{k}_mean"] = knn_in_sample(x, k)
        nov[f"knn{k}_largest"], nov[f"knn{k}_mean"] = knn_novelty(x, xt, k)
    return ins, nov


def check_order_independent(name, x, xt, ins, nov):
    rng = np.random.RandomState(7)
    for _ in range(3):
        p = rng.permutation(len(x))
        ins_p, nov_p = scores(x[p], xt)
        for col in ins:
            back = np.empty_like(ins_p[col])
            back[p] = ins_p[col]
            if not np.allclose(back, ins[col], rtol=1e-9, atol=0):
                raise SystemExit(f"{name}/{col}: in-sample reference depends on row order; change the data")
            if not np.allclose(nov_p[col], nov[col], rtol=1e-9, atol=0):
                raise SystemExit(f"{name}/{col}: novelty reference depends on row order; change the data")


def write_table(path, x):
    d = x.shape[1]
    with open(path, "w") as f:
        f.write(",".join(f"x{j}" for j in range(d)) + "\n")
        for row in x:
            f.write(",".join(repr(float(np.float32(v))) for v in row) + "\n")


def write_scores(path, cols):
    names = list(cols)
    n = len(cols[names[0]])
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for i in range(n):
            f.write(",".join(repr(float(cols[c][i])) for c in names) + "\n")


def main():
    index = {"sklearn": sklearn.__version__, "numpy": np.__version__, "ks": list(KS), "datasets": []}
    for name, (x, xt) in datasets().items():
        ins, nov = scores(x, xt)
        check_order_independent(name, x, xt, ins, nov)
        write_table(os.path.join(HERE, f"{name}.csv"), x)
        write_table(os.path.join(HERE, f"{name}_test.csv"), xt)
        write_scores(os.path.join(HERE, f"{name}_expected.csv"), ins)
        write_scores(os.path.join(HERE, f"{name}_novelty.csv"), nov)
        index["datasets"].append({"name": name, "rows": int(x.shape[0]), "cols": int(x.shape[1]),
                                  "test_rows": int(xt.shape[0]),
                                  "distinct_rows": int(len(np.unique(x, axis=0)))})
    with open(os.path.join(HERE, "golden.json"), "w") as f:
        json.dump(index, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
