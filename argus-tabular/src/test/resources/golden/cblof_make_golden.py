#!/usr/bin/python3
"""Hand-computed CBLOF fixtures for CblofTest, from He, Xu and Deng's rules (Pattern Recognition
Letters 2003) as PyOD applies them.

    /usr/bin/python3 argus-tabular/src/test/resources/golden/cblof_make_golden.py

k-means is randomised, so the centres are fixed here and injected into the Java model. For each data
set NAME (read from NAME.csv / NAME_test.csv, written by make_golden.py) it writes:
  cblof_NAME_centers.csv   the centres (one row each)
  cblof_NAME_expected.csv  scores of the training rows, unweighted (plain) and weighted by cluster size
  cblof_NAME_novelty.csv   scores of the held-out rows
Rules: each row belongs to its nearest centre (ties to the lower index); clusters sorted by size
(descending, ties by index); boundary b in 1..k-1 qualifies by (a) the b largest hold >= alpha * n rows,
(b) |C_b| / |C_b+1| >= beta; the first b meeting both, else the first meeting (a), else the first meeting
(b). A row of a large cluster scores its distance to its centre, a row of a small cluster its distance
to the nearest large centre; weighted scores are multiplied by the size of the row's cluster.
alpha = 0.9, beta = 5.

It also writes cblof_adbench.csv: the mean AUROC over random_state 0, 1, 2 of these rules on top of
scikit-learn's KMeans(n_clusters=8, n_init=10) (what PyOD's CBLOF() runs), fitted and scored on all rows
of a few small ADBench files (skipped when ../shared/data is absent).
"""
import sys
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ALPHA, BETA = 0.9, 5.0
CENTERS = {
    "blobs2d": [[0.0, 0.0], [5.0, 5.0], [10.0, -4.0], [-5.0, 10.0], [11.0, 11.0], [4.5, 6.5]],
    "gauss5d": [[0.0] * 5, [1.5] * 5, [-1.5] * 5, [8.0, -8.0, 0.0, 0.0, 0.0], [0.0, 0.0, 9.0, -9.0, 0.0]],
}


def read(path):
    return np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)


def sqdist(row, c):
    s = 0.0
    for a, b in zip(row, c):
        d = float(a) - b
        s += d * d
    return s


def nearest(row, centers):
    best, bd = 0, math.inf
    for i, c in enumerate(centers):
        d = sqdist(row, c)
        if d < bd:
            best, bd = i, d
    return best


def large_clusters(sizes, n):
    k = len(sizes)
    order = sorted(range(k), key=lambda c: (-sizes[c], c))
    first_a = first_b = first_both = None
    total = 0
    for b in range(1, k):
        total += sizes[order[b - 1]]
        a = total >= n * ALPHA
        r = (sizes[order[b - 1]] / sizes[order[b]] if sizes[order[b]] else math.inf) >= BETA
        first_a = b if a and first_a is None else first_a
        first_b = b if r and first_b is None else first_b
        first_both = b if a and r and first_both is None else first_both
    boundary = first_both or first_a or first_b or k
    return {order[i] for i in range(boundary)}, boundary


def scores(rows, centers, sizes, large):
    plain, weighted = [], []
    for r in rows:
        c = nearest(r, centers)
        if c in large:
            d = math.sqrt(sqdist(r, centers[c]))
        else:
            d = math.sqrt(min(sqdist(r, centers[o]) for o in sorted(large)))
        plain.append(d)
        weighted.append(d * sizes[c])
    return plain, weighted


def write(path, header, rows):
    with open(path, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(repr(float(v)) for v in r) + "\n")


ADBENCH = ("4_breastw", "6_cardio", "29_Pima", "38_thyroid", "43_WDBC")


def sklearn_cblof_auroc(x, y, seed):
    from sklearn.cluster import KMeans
    from sklearn.metrics import roc_auc_score
    km = KMeans(n_clusters=8, n_init=10, random_state=seed).fit(x)
    labels, centers = km.labels_, km.cluster_centers_
    sizes = np.bincount(labels, minlength=8).tolist()
    large, _ = large_clusters(sizes, len(x))
    lc = centers[sorted(large)]
    s = np.empty(len(x))
    for i, (r, c) in enumerate(zip(x, labels)):
        s[i] = np.linalg.norm(r - centers[c]) if c in large else np.min(np.linalg.norm(lc - r, axis=1))
    return roc_auc_score(y, s)


def adbench():
    data = os.path.join(HERE, "../../../../../../shared/data/adbench_classical")
    if not os.path.isdir(data):
        print("no ADBench data at " + data + "; cblof_adbench.csv left as it is", file=sys.stderr)
        return
    with open(os.path.join(HERE, "cblof_adbench.csv"), "w") as f:
        f.write("dataset,auroc\n")
        for name in ADBENCH:
            z = np.load(os.path.join(data, f"{name}.npz"), allow_pickle=False)
            x = np.asarray(z["X"], dtype=np.float32).astype(np.float64)
            y = np.asarray(z["y"]).astype(int)
            auc = float(np.mean([sklearn_cblof_auroc(x, y, seed) for seed in range(3)]))
            f.write(f"{name},{auc!r}\n")


def main():
    for name, centers in CENTERS.items():
        x = read(os.path.join(HERE, f"{name}.csv"))
        xt = read(os.path.join(HERE, f"{name}_test.csv"))
        sizes = [0] * len(centers)
        for r in x:
            sizes[nearest(r, centers)] += 1
        large, boundary = large_clusters(sizes, len(x))
        print(name, "sizes", sizes, "large", sorted(large), "boundary", boundary)
        write(os.path.join(HERE, f"cblof_{name}_centers.csv"), [f"x{j}" for j in range(x.shape[1])], centers)
        p, w = scores(x, centers, sizes, large)
        write(os.path.join(HERE, f"cblof_{name}_expected.csv"), ["plain", "weighted"], zip(p, w))
        p, w = scores(xt, centers, sizes, large)
        write(os.path.join(HERE, f"cblof_{name}_novelty.csv"), ["plain", "weighted"], zip(p, w))
    adbench()


if __name__ == "__main__":
    main()
