#!/usr/bin/env python3
"""Golden VUS fixtures for VusGoldenTest.

A direct, unoptimised numpy transcription of the VUS definition used by TSB-AD
(TheDatumOrg/TSB-AD, TSB_AD/evaluation/basic_metrics.py, RangeAUC_volume_opt, thre=250), written
from its description: for every buffer w and every one of the 250 thresholds it rebuilds the soft
labels and rescans the whole series, O(w * T * n). The Java class computes the same numbers with
prefix sums; this script checks that the shortcut changes nothing.

Run: python3 make_vus_fixtures.py > vus_golden.csv   (numpy only; seed fixed)
Each line: n;window;ranges as s-e|s-e;scores (repr, comma separated);vus_roc;vus_pr
"""
import numpy as np


def ranges_of(y):
    out, start = [], None
    for i, v in enumerate(y):
        if v == 1 and start is None:
            start = i
        if v == 0 and start is not None:
            out.append((start, i - 1)); start = None
    if start is not None:
        out.append((start, len(y) - 1))
    return out


def merged(seq, w, n):
    h = w // 2
    out, a = [], max(seq[0][0] - h, 0)
    for i in range(len(seq) - 1):
        if seq[i][1] + h < seq[i + 1][0] - h:
            out.append((a, seq[i][1] + h)); a = seq[i + 1][0] - h
    out.append((a, min(seq[-1][1] + h, n - 1)))
    return out


def soft(y, seq, w):
    lab = y.astype(float).copy(); n = len(y); h = w // 2
    for s, e in seq:
        x1 = np.arange(e + 1, min(e + h + 1, n)); lab[x1] += np.sqrt(1 - (x1 - e) / w)
        x2 = np.arange(max(s - h, 0), s); lab[x2] += np.sqrt(1 - (s - x2) / w)
    return np.minimum(1.0, lab)


def vus(y, score, window, T=250):
    n = len(y); P = y.sum(); seq = ranges_of(y); big = merged(seq, window, n)
    srt = -np.sort(-score); idx = np.linspace(0, n - 1, T).astype(int)
    aucs, aps = [], []
    for w in range(window + 1):
        ext = soft(y, seq, w); L = merged(seq, w, n)
        tpr, fpr, prec = [0.0], [0.0], [1.0]
        for i in idx:
            pred = score >= srt[i]
            lab = ext.copy(); exist = 0
            for a, b in L:
                lab[a:b + 1] = ext[a:b + 1] * pred[a:b + 1]
                exist += pred[a:b + 1].any()
            for a, b in seq:
                lab[a:b + 1] = 1
            TP = sum(np.dot(lab[a:b + 1], pred[a:b + 1]) for a, b in big)
            NL = sum(lab[a:b + 1].sum() for a, b in big)
            Pn = (P + NL) / 2
            tpr.append(min(TP / Pn, 1) * exist / len(L))
            fpr.append((pred.sum() - TP) / (n - Pn))
            prec.append(TP / pred.sum())
        tpr.append(1.0); fpr.append(1.0)
        tpr, fpr, prec = map(np.array, (tpr, fpr, prec))
        aucs.append(np.dot(fpr[1:] - fpr[:-1], (tpr[1:] + tpr[:-1]) / 2))
        aps.append(np.dot(tpr[1:-1] - tpr[:-2], prec[1:]))
    return sum(aucs) / len(aucs), sum(aps) / len(aps)


rng = np.random.default_rng(20240517)
for case in range(40):
    n = int(rng.integers(30, 600))
    y = np.zeros(n, dtype=int)
    for _ in range(int(rng.integers(1, 6))):
        s = int(rng.integers(0, n)); y[s:s + int(rng.integers(1, max(2, n // 8)))] = 1
    if y.sum() == n:
        y[0] = 0
    score = np.round(rng.random(n) + 0.8 * y * rng.random(), int(rng.integers(1, 4)))  # ties
    window = int(rng.integers(0, 25))
    roc, pr = vus(y, score, window)
    rs = "|".join("%d-%d" % r for r in ranges_of(y))
    print("%d;%d;%s;%s;%r;%r" % (n, window, rs, ",".join(repr(float(v)) for v in score), float(roc), float(pr)))
