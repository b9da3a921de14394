#!/usr/bin/python3
"""Writes binary.json: seeded random score/label cases with ties and, for each, the reference values
Argus' BinaryMetrics must match to 1e-9:
  auroc            sklearn roc_auc_score
  ap               sklearn average_precision_score
  auprc_trapezoid  sklearn auc(recall, precision) over precision_recall_curve
  f1_max           max of 2PR/(P+R) over precision_recall_curve; f1_threshold = the highest threshold
                   reaching it (exact rational comparison over _binary_clf_curve counts)
  precision_at_n   PyOD's precision_n_scores (pyod.utils.utility), copied literally below: threshold =
                   numpy.percentile(scores, 100 * (1 - n/N)), flag = score > threshold, sklearn
                   precision_score
  recall_at_fpr    {x: max(tpr[fpr <= x])} over roc_curve(drop_intermediate=False)
  roc              roc_curve(drop_intermediate=False): fpr, tpr, thresholds
  pr               precision_recall_curve: precision, recall, thresholds
Run with Debian's python3-sklearn: /usr/bin/python3 make_binary_golden.py"""
import json
from fractions import Fraction

import numpy as np
import sklearn
from sklearn.metrics import (auc, average_precision_score, precision_recall_curve, precision_score,
                             roc_auc_score, roc_curve)
from sklearn.metrics._ranking import _binary_clf_curve


def pyod_precision_n_scores(y, y_pred):
    # pyod.utils.utility.get_label_n + precision_n_scores with n=None
    outliers_fraction = np.count_nonzero(y) / len(y)
    threshold = np.percentile(y_pred, 100 * (1 - outliers_fraction))
    flags = (y_pred > threshold).astype('int')
    return float(precision_score(y, flags, zero_division=0))


def f1_max(labels, scores):
    precision, recall, _ = precision_recall_curve(labels, scores)
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    fps, tps, thresholds = _binary_clf_curve(labels, scores)  # decreasing thresholds
    pos = int(labels.sum())
    exact = [Fraction(2 * int(tp), int(tp) + int(fp) + pos) for tp, fp in zip(tps, fps)]
    best = max(range(len(exact)), key=lambda i: (exact[i], -i))
    return float(f1.max()), float(thresholds[best])


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
    fpr, tpr, roc_thresholds = roc_curve(labels, scores, drop_intermediate=False)
    precision, recall, pr_thresholds = precision_recall_curve(labels, scores)
    f1, f1_threshold = f1_max(labels, scores)
    cases.append({
        "scores": [float(s) for s in scores],
        "labels": [int(y) for y in labels],
        "auroc": float(roc_auc_score(labels, scores)),
        "ap": float(average_precision_score(labels, scores)),
        "auprc_trapezoid": float(auc(recall, precision)),
        "f1_max": f1,
        "f1_threshold": f1_threshold,
        "precision_at_n": pyod_precision_n_scores(labels, scores),
        "recall_at_fpr": {str(x): float(tpr[fpr <= x].max()) for x in (0.0, 0.01, 0.1, 0.3)},
        "roc": {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": roc_thresholds.tolist()},
        "pr": {"precision": precision.tolist(), "recall": recall.tolist(), "thresholds": pr_thresholds.tolist()},
    })
with open("binary.json", "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f)
