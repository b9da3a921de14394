#!/usr/bin/python3
"""Writes binary.json: seeded random score/label cases with ties and scikit-learn's
roc_auc_score and average_precision_score for each, the reference Argus' BinaryMetrics must match
to 1e-9. Run with Debian's python3-sklearn: /usr/bin/python3 make_binary_golden.py"""
import json

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, roc_auc_score

rng = np.random.default_rng(20261129)
cases = []
for i in range(60):
    n = int(rng.integers(2, 400))
    kind = i % 4
    if kind == 0:  # continuous scores
        scores = rng.normal(size=n)
    elif kind == 1:  # heavy ties: few distinct values
        scores = rng.integers(0, 5, size=n).astype(float)
    elif kind == 2:  # mixed: rounded scores
        scores = np.round(rng.normal(size=n), 1)
    else:  # all-equal scores, or nearly so
        scores = np.zeros(n) if i % 8 == 3 else rng.integers(0, 2, size=n).astype(float)
    p = float(rng.uniform(0.02, 0.6))
    labels = (rng.uniform(size=n) < p).astype(int)
    if labels.sum() == 0:
        labels[int(rng.integers(n))] = 1
    if labels.sum() == n:
        labels[int(rng.integers(n))] = 0
    # a correlated signal so values are not all near 0.5
    scores = scores + labels * float(rng.uniform(0, 1.5)) * (kind == 0)
    cases.append({
        "scores": [float(s) for s in scores],
        "labels": [int(y) for y in labels],
        "auroc": float(roc_auc_score(labels, scores)),
        "ap": float(average_precision_score(labels, scores)),
    })
with open("binary.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f)
