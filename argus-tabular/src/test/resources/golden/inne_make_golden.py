#!/usr/bin/python3
"""Writes the hand-computed INNE fixtures for argus-tabular's InneTest, straight from the paper's formulas.

Bandaragoda, Ting, Albrecht, Liu, Zhu, Wells, "Isolation-based anomaly detection using nearest-neighbor
ensembles", Computational Intelligence 34(4), 2018. For one sample S of psi training rows, every centre
c in S owns the hypersphere B(c) of radius tau(c) = distance from c to its nearest neighbour eta_c in S.
A point x is scored by the smallest hypersphere that covers it, cnn(x) = argmin {tau(c) : ||x - c|| <= tau(c)}:
    I(x) = 1 - tau(eta_cnn(x)) / tau(cnn(x)),   or 1 when no hypersphere covers x,
and the anomaly score is the mean of I over the t samples. Distances are Euclidean, not squared (PyOD
squares them; see InneTest). Ties go to the earlier centre in sample order (numpy's argmin).

Run with Debian's numpy: /usr/bin/python3 argus-tabular/src/test/resources/golden/inne_make_golden.py
It writes next to itself:
  inne_train.csv     training rows (float32-exact values), header x0..x{d-1}
  inne_test.csv      held-out rows
  inne_samples.csv   one row per ensemble member: the sampled training-row indices, in sample order
  inne_expected.csv  scores of the training rows: 'samples' with the members of inne_samples.csv,
                     'all' with psi = n (every member is the whole training set, so no randomness)
  inne_novelty.csv   the same two columns for the held-out rows
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def member(centres):
    """Radii tau(c) and isolation ratios 1 - tau(eta_c) / tau(c) of one sample (ratio 0 when tau(c) = 0)."""
    psi = len(centres)
    d = np.sqrt(((centres[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(d, np.inf)
    eta = np.argmin(d, axis=1)
    tau = d[np.arange(psi), eta]
    ratio = np.where(tau > 0, 1 - tau[eta] / np.where(tau > 0, tau, 1), 0.0)
    return tau, ratio


def score(x, train, samples):
    out = np.zeros(len(x))
    for s in samples:
        centres = train[s]
        tau, ratio = member(centres)
        dist = np.sqrt(((x[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2))
        for i in range(len(x)):
            covered = dist[i] <= tau
            if not covered.any():
                out[i] += 1.0
                continue
            radii = np.where(covered, tau, np.inf)
            out[i] += ratio[np.argmin(radii)]
    return out / len(samples)


def check_no_ties(train, samples, queries):
    """Fails rather than write a fixture whose value would depend on a tie-break or on float32 rounding."""
    for s in samples:
        c = train[s]
        tau, _ = member(c)
        d = np.sqrt(((c[:, None, :] - c[None, :, :]) ** 2).sum(axis=2))
        np.fill_diagonal(d, np.inf)
        srt = np.sort(d, axis=1)
        if np.any(srt[:, 1] - srt[:, 0] < 1e-6):
            raise SystemExit("a centre has two nearest neighbours at (nearly) the same distance; change the data")
        dist = np.sqrt(((queries[:, None, :] - c[None, :, :]) ** 2).sum(axis=2))
        margin = np.abs(dist - tau[None, :])
        if np.any((margin < 1e-6) & (margin > 0)):
            raise SystemExit("a query lies (nearly) on a hypersphere's boundary; change the data")


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
    rng = np.random.RandomState(20261129)
    # Two clusters of different spread and three far points, so every kind of case occurs: covered by a
    # small or a large sphere, by several spheres, and by none.
    train = f32(np.vstack([rng.normal([0, 0], 0.5, (12, 2)), rng.normal([4, 1], 1.2, (9, 2)),
                           [[7.5, -3.0], [-4.0, 5.0], [2.0, 6.5]]]))
    test = f32(np.vstack([rng.normal([0, 0], 0.5, (4, 2)), rng.normal([4, 1], 1.2, (4, 2)),
                          [[10.0, 10.0], [2.0, 0.5], [-1.5, -1.0], [4.0, 4.0]]]))
    samples = [rng.choice(len(train), 6, replace=False) for _ in range(7)]
    full = [np.arange(len(train))]
    check_no_ties(train, samples + full, np.vstack([train, test]))
    write_table(os.path.join(HERE, "inne_train.csv"), train)
    write_table(os.path.join(HERE, "inne_test.csv"), test)
    with open(os.path.join(HERE, "inne_samples.csv"), "w") as f:
        f.write(",".join(f"s{j}" for j in range(6)) + "\n")
        for s in samples:
            f.write(",".join(str(int(i)) for i in s) + "\n")
    write_scores(os.path.join(HERE, "inne_expected.csv"),
                 {"samples": score(train, train, samples), "all": score(train, train, full)})
    write_scores(os.path.join(HERE, "inne_novelty.csv"),
                 {"samples": score(test, train, samples), "all": score(test, train, full)})


if __name__ == "__main__":
    main()
