#!/usr/bin/python3
"""Reference INNE AUROC on small ADBench files for InneTest, since PyOD is not installed here.

Re-implements PyOD 1.1's INNE.fit/decision_function with numpy (its defaults: n_estimators=200,
max_samples=min(8, n); its squared Euclidean distances and its epsilon), fits and scores all rows, and
prints the mean AUROC over numpy seeds 0, 1, 2, and with --euclidean the paper's (unsquared) variant
that Argus implements. Run: /usr/bin/python3 inne_adbench_reference.py [--euclidean] 4_breastw 6_cardio ...
(data from $ARGUS_DATA or ../shared/data).
"""
import os
import sys

import numpy as np
from sklearn.metrics import roc_auc_score


def inne_scores(x, t=200, psi=8, seed=0, squared=True):
    rng = np.random.RandomState(seed)
    n = len(x)
    psi = min(psi, n)
    eps = np.finfo(float).eps
    out = np.ones((t, n))
    for i in range(t):
        c = x[rng.choice(n, psi, replace=False)]
        d = ((c[:, None] - c[None]) ** 2).sum(2)
        xd = ((x[:, None] - c[None]) ** 2).sum(2)
        if not squared:
            d, xd = np.sqrt(d), np.sqrt(xd)
        np.fill_diagonal(d, np.inf)
        tau, eta = d.min(1), d.argmin(1)
        ratio = 1 - (tau[eta] + eps) / (tau + eps)
        cover = np.where(xd <= tau, tau, np.nan)
        idx = np.where(~np.isnan(cover).all(1))[0]
        out[i][idx] = ratio[np.nanargmin(cover[idx], 1)]
    return out.mean(0)


def main():
    args = sys.argv[1:]
    squared = "--euclidean" not in args
    root = os.environ.get("ARGUS_DATA") or os.path.join(os.path.dirname(__file__), "../../../../../../shared/data")
    for name in [a for a in args if not a.startswith("--")]:
        z = np.load(os.path.join(root, "adbench_classical", name + ".npz"), allow_pickle=True)
        x = z["X"].astype(np.float32).astype(np.float64)
        aucs = [roc_auc_score(z["y"], inne_scores(x, seed=s, squared=squared)) for s in range(3)]
        print(f"{name}\t{np.mean(aucs):.4f}\t{' '.join(f'{a:.4f}' for a in aucs)}")


if __name__ == "__main__":
    main()
