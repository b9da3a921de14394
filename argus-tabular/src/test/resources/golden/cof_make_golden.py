#!/usr/bin/python3
"""Writes the hand-computed COF fixtures for argus-tabular's ConnectivityOutlierFactorTest, straight from
the paper's definitions.

Tang, Chen, Fu, Cheung, "Enhancing Effectiveness of Outlier Detections for Low Density Patterns",
PAKDD 2002. With N_k(p) the k nearest neighbours of p (exactly k; a training row is not its own
neighbour) and G = {p} u N_k(p), r = k + 1 points:
  - the set-based nearest path <p = p_1, p_2, ..., p_r> adds at each step the point of G not yet on the
    path that is nearest to the set already on it (Prim's order), and the cost description
    e_1..e_{r-1} records that nearest set distance at each step (Definitions 3-4);
  - ac-dist(p) = sum_{i=1}^{r-1} 2 (r - i) / (r (r - 1)) * e_i  (Definition 5);
  - COF_k(p) = ac-dist(p) / mean_{o in N_k(p)} ac-dist(o)  (Definition 6), ac-dist(o) always on the
    training neighbourhood N_k(o).
A held-out row q is scored the same way with N_k(q) taken among the training rows.

PyOD's COF orders the path by distance to p instead of by distance to the set; this script follows the
paper. Run with Debian's numpy:
    /usr/bin/python3 argus-tabular/src/test/resources/golden/cof_make_golden.py
It writes next to itself cof_train.csv, cof_test.csv (float32-exact values, header x0..x{d-1}),
cof_expected.csv (in-sample COF of the training rows) and cof_novelty.csv (COF of the held-out rows),
one column cof{k} per k in KS.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
KS = (3, 5, 10)


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def dist(a, b):
    return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2))


def neighbours(q, train, k, self_query):
    d = dist(q, train)
    if self_query:
        np.fill_diagonal(d, np.inf)
    order = np.argsort(d, axis=1, kind="stable")
    srt = np.take_along_axis(d, order, axis=1)
    if np.any(srt[:, k] - srt[:, k - 1] < 1e-5):
        raise SystemExit(f"k = {k}: a tie (or near tie) at the k-distance; change the data")
    return order[:, :k]


def ac_dist(p, nbrs):
    g = np.vstack([p[None, :], nbrs])
    r = len(g)
    d = dist(g, g)
    on_path = np.zeros(r, dtype=bool)
    on_path[0] = True
    to_set = d[0].copy()
    total = 0.0
    for i in range(1, r):
        cand = np.where(on_path, np.inf, to_set)
        nxt = int(np.argmin(cand))
        srt = np.sort(cand)
        if i < r - 1 and srt[1] - srt[0] < 1e-7:
            raise SystemExit("two points tie for the next step of a set-based nearest path; change the data")
        total += 2.0 * (r - i) / (r * (r - 1)) * cand[nxt]
        on_path[nxt] = True
        to_set = np.minimum(to_set, d[nxt])
    return total


def cof(queries, train, k, self_query):
    train_nb = neighbours(train, train, k, True)
    train_ac = np.array([ac_dist(train[i], train[train_nb[i]]) for i in range(len(train))])
    nb = neighbours(queries, train, k, self_query)
    ac = np.array([ac_dist(queries[i], train[nb[i]]) for i in range(len(queries))])
    return ac / train_ac[nb].mean(axis=1)


def write_table(path, x):
    with open(path, "w") as f:
        f.write(",".join(f"x{j}" for j in range(x.shape[1])) + "\n")
        for row in x:
            f.write(",".join(repr(float(np.float32(v))) for v in row) + "\n")


def write_scores(path, cols):
    names = list(cols)
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for i in range(len(cols[names[0]])):
            f.write(",".join(repr(float(cols[c][i])) for c in names) + "\n")


def main():
    rng = np.random.RandomState(20021129)
    # The paper's motivating shape: a low-density pattern (points strung along a line) next to a dense
    # blob, plus isolated points; an outlier just off the line is what COF separates and LOF may not.
    t = np.sort(rng.uniform(0, 6, 14))
    line = np.stack([t, 0.5 * t + rng.normal(0, 0.03, 14)], axis=1)
    blob = rng.normal([1.5, 4.0], 0.4, (16, 2))
    far = np.array([[3.2, 0.9], [6.5, 6.0], [-2.0, 1.0]])
    train = f32(np.vstack([line, blob, far]))
    test = f32(np.vstack([[[2.0, 1.02], [2.0, 1.6], [1.4, 3.9], [8.0, -1.0], [4.5, 2.3]],
                          rng.normal([1.5, 4.0], 0.4, (3, 2))]))
    ins = {f"cof{k}": cof(train, train, k, True) for k in KS}
    nov = {f"cof{k}": cof(test, train, k, False) for k in KS}
    write_table(os.path.join(HERE, "cof_train.csv"), train)
    write_table(os.path.join(HERE, "cof_test.csv"), test)
    write_scores(os.path.join(HERE, "cof_expected.csv"), ins)
    write_scores(os.path.join(HERE, "cof_novelty.csv"), nov)


if __name__ == "__main__":
    main()
