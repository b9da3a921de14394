#!/usr/bin/python3
"""Hand-computed LODA fixtures for LodaTest, straight from Pevný's formulas (Machine Learning 2016).

    /usr/bin/python3 argus-tabular/src/test/resources/golden/loda_make_golden.py

LODA is randomised, so the projections are fixed here and injected into the Java model. For each data
set NAME (read from the NAME.csv / NAME_test.csv that make_golden.py wrote) it writes:
  loda_NAME_projections.csv  projection,feature,weight: the sparse projections w_i (m = floor(sqrt(d))
                             non-zeros each, features in increasing order)
  loda_NAME_expected.csv     score of every training row (bins = 10 and bins = 4)
  loda_NAME_novelty.csv      score of every held-out row
The score is f(x) = -(1/k) sum_i log p_i(w_i . x), where p_i is the histogram of the projected training
rows: `bins` equal-width bins over [min, max] (a constant projection gets [z - 1/2, z + 1/2]); bin j of
width h with c_j of n rows has density (c_j + 1e-12) / ((n + bins * 1e-12) * h); a value outside
[min, max] has the density of an empty bin. Bin of z: floor((z - lo) * (bins / (hi - lo))), hi in the
last bin. Projections are summed term by term in feature order in double precision (as Java does),
and the script refuses data with a projected value within 1e-9 of an inner bin edge.
"""
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = ("blobs2d", "gauss5d")
BINS = (10, 4)
EPS = 1e-12
K = 7


def read(path):
    return np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)


def projections(d, seed):
    rng = np.random.RandomState(seed)
    m = max(1, int(math.floor(math.sqrt(d))))
    out = []
    for i in range(K):
        feats = sorted(rng.choice(d, m, replace=False).tolist())
        # weights rounded to 3 decimals so the fixture file holds them exactly as written
        out.append([(f, round(float(rng.normal()), 3)) for f in feats])
    # one constant projection (zero weight) exercises the [z - 1/2, z + 1/2] rule
    out.append([(f, 0.0) for f, _ in out[0]])
    return out


def project(row, proj):
    s = 0.0
    for f, w in proj:
        s += w * float(row[f])
    return s


def bin_of(z, lo, hi, bins):
    if not (lo <= z <= hi):
        return -1
    return min(max(int(math.floor((z - lo) * (bins / (hi - lo)))), 0), bins - 1)


def fit_score(x, xt, projs, bins):
    n = len(x)
    logs = []
    for p in projs:
        z = [project(r, p) for r in x]
        lo, hi = min(z), max(z)
        constant = lo == hi
        if constant:
            lo, hi = lo - 0.5, hi + 0.5
        for v in ([] if constant else z):  # a constant projection's bin is computed exactly
            t = (v - lo) * (bins / (hi - lo))
            if v != lo and v != hi and abs(t - round(t)) < 1e-9 and 0 < round(t) < bins:
                raise SystemExit(f"projected value {v} sits on a bin edge; change the projections")
        counts = [0] * bins
        for v in z:
            counts[bin_of(v, lo, hi, bins)] += 1
        h = (hi - lo) / bins
        norm = (n + bins * EPS) * h
        logs.append((lo, hi, [math.log((c + EPS) / norm) for c in counts], math.log(EPS / norm)))

    def score(rows):
        out = []
        for r in rows:
            s = 0.0
            for p, (lo, hi, ld, lout) in zip(projs, logs):
                b = bin_of(project(r, p), lo, hi, bins)
                s += lout if b < 0 else ld[b]
            out.append(-s / len(projs))
        return out

    return score(x), score(xt)


def write(path, header, rows):
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(repr(v) if isinstance(v, float) else str(v) for v in r) + "\n")


def main():
    for seed, name in enumerate(SETS):
        x = read(os.path.join(HERE, f"{name}.csv"))
        xt = read(os.path.join(HERE, f"{name}_test.csv"))
        projs = projections(x.shape[1], 100 + seed)
        write(os.path.join(HERE, f"loda_{name}_projections.csv"), ["projection", "feature", "weight"],
              [(i, f, w) for i, p in enumerate(projs) for f, w in p])
        ins, nov = {}, {}
        for bins in BINS:
            ins[f"bins{bins}"], nov[f"bins{bins}"] = fit_score(x, xt, projs, bins)
        cols = list(ins)
        write(os.path.join(HERE, f"loda_{name}_expected.csv"), cols, list(zip(*[ins[c] for c in cols])))
        write(os.path.join(HERE, f"loda_{name}_novelty.csv"), cols, list(zip(*[nov[c] for c in cols])))


if __name__ == "__main__":
    main()
