#!/usr/bin/python3
"""Writes cluster_severity.json: seeded random cases with ties and the reference values Argus must
match to 1e-9:
  clustering: labels_true, labels_pred (ints, some negative, some ids unused), sklearn
              normalized_mutual_info_score (arithmetic) and adjusted_rand_score
  kendall:    x, y (with ties) and scipy.stats.kendalltau (variant b) statistic
Run with Debian's python3-sklearn and python3-scipy: /usr/bin/python3 make_cluster_severity_golden.py"""
import json

import numpy as np
import scipy
import sklearn
from scipy.stats import kendalltau
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

rng = np.random.default_rng(20261130)
clustering = []
for i in range(60):
    n = int(rng.integers(1, 300))
    k = int(rng.integers(1, 8))
    c = int(rng.integers(1, 10))
    t = rng.integers(0, k, size=n)
    kind = i % 3
    if kind == 0:  # independent labelings
        p = rng.integers(0, c, size=n)
    elif kind == 1:  # a noisy relabelling of the truth
        perm = rng.permutation(max(k, c))
        p = np.where(rng.uniform(size=n) < 0.7, perm[t] % c, rng.integers(0, c, size=n))
    else:  # arbitrary ids: negative and sparse
        p = rng.integers(0, c, size=n) * 7 - 10
        t = t * 3 - 4
    clustering.append({
        "labels_true": [int(v) for v in t],
        "labels_pred": [int(v) for v in p],
        "nmi": float(normalized_mutual_info_score(t, p)),
        "ari": float(adjusted_rand_score(t, p)),
    })

kendall = []
while len(kendall) < 60:
    i = len(kendall)
    n = int(rng.integers(2, 400))
    kind = i % 3
    if kind == 0:
        x = rng.normal(size=n)
        y = x + rng.normal(size=n)
    elif kind == 1:  # heavy ties in both
        x = rng.integers(0, 4, size=n).astype(float)
        y = rng.integers(0, 6, size=n) + x
    else:  # ties in one, reversed relation
        x = np.round(rng.normal(size=n), 1)
        y = -x + rng.integers(0, 3, size=n)
    tau = kendalltau(x, y).statistic
    if np.isnan(tau):
        continue
    kendall.append({"x": [float(v) for v in x], "y": [float(v) for v in y], "tau_b": float(tau)})

with open("cluster_severity.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "scipy": scipy.__version__, "clustering": clustering, "kendall": kendall}, f)
