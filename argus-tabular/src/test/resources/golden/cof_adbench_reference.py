#!/usr/bin/python3
"""Reference COF AUROC on small ADBench files for the report, since PyOD is not installed here.

For each file, fits and scores all rows with k = 20 and prints the AUROC of (1) the paper's COF
(set-based nearest path, as cof_make_golden.py computes it) and (2) PyOD 1.1's COF re-implemented with
numpy (its _cof_fast: the path ordered by distance to p, self taken as argsort position 0,
nan_to_num on the ratio). Ties at the k-distance are cut by index in (1), as Argus does.
Run: /usr/bin/python3 cof_adbench_reference.py 6_cardio 14_glass ... (data from $ARGUS_DATA or ../shared/data)
"""
import os
import sys

import numpy as np
from sklearn.metrics import roc_auc_score

K = 20


def paper_cof(x, k):
    d = np.sqrt(((x[:, None] - x[None]) ** 2).sum(2))
    np.fill_diagonal(d, np.inf)
    nb = np.argsort(d, axis=1, kind="stable")[:, :k]
    np.fill_diagonal(d, 0)
    r = k + 1
    ac = np.zeros(len(x))
    for i in range(len(x)):
        g = np.concatenate([[i], nb[i]])
        dg = d[np.ix_(g, g)]
        on = np.zeros(r, dtype=bool)
        on[0] = True
        to_set = dg[0].copy()
        for s in range(1, r):
            cand = np.where(on, np.inf, to_set)
            j = int(np.argmin(cand))
            ac[i] += 2.0 * (r - s) / (r * (r - 1)) * cand[j]
            on[j] = True
            to_set = np.minimum(to_set, dg[j])
    mean = ac[nb].mean(axis=1)
    return np.where(mean > 0, ac / np.where(mean > 0, mean, 1), np.where(ac > 0, ac / 1e-10, 1.0))


def pyod_cof(x, k):
    dm = np.sqrt(((x[:, None] - x[None]) ** 2).sum(2))
    idx, ac = [], []
    for i in range(len(x)):
        path = np.argsort(dm[i])
        idx.append(path[1:k + 1])
        cost = [np.min(dm[path[j + 1]][path][:j + 1]) for j in range(k)]
        ac.append(sum(2.0 * (k + 1 - (h + 1)) / ((k + 1) * k) * c for h, c in enumerate(cost)))
    ac = np.array(ac)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nan_to_num(np.array([ac[i] * k / ac[idx[i]].sum() for i in range(len(x))]))


def main():
    root = os.environ.get("ARGUS_DATA") or os.path.join(os.path.dirname(__file__), "../../../../../../shared/data")
    for name in sys.argv[1:]:
        z = np.load(os.path.join(root, "adbench_classical", name + ".npz"), allow_pickle=True)
        x = z["X"].astype(np.float32).astype(np.float64)
        print(f"{name}\tpaper {roc_auc_score(z['y'], paper_cof(x, K)):.4f}\tpyod {roc_auc_score(z['y'], pyod_cof(x, K)):.4f}")


if __name__ == "__main__":
    main()
