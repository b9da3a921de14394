#!/usr/bin/python3
"""Regenerates the scikit-learn One-Class SVM fixtures for OneClassSvmTest in argus-tabular.

Run with Debian's python3-sklearn 1.2.1:

    /usr/bin/python3 argus-tabular/src/test/resources/golden/ocsvm_make_golden.py

It reads the data sets make_golden.py wrote (NAME.csv, NAME_test.csv; float32-exact values) and writes:
  ocsvm_NAME_expected.csv  -OneClassSVM(...).fit(X).decision_function(X)   (in-sample)
  ocsvm_NAME_novelty.csv   -OneClassSVM(...).fit(X).decision_function(Xt)  (held-out rows)
with one column per configuration:
  default      OneClassSVM()                       nu=0.5, gamma='scale', tol=1e-3, shrinking
  nu01         OneClassSVM(nu=0.1)
  nu02_gamma1  OneClassSVM(nu=0.2, gamma=1.0)
  nu02_gamma1_tight  OneClassSVM(nu=0.2, gamma=1.0, tol=1e-9): both solvers run to (nearly) the exact optimum
and ocsvm_adbench.csv: the AUROC of OneClassSVM() fitted and scored on all rows of a few small ADBench
files (skipped when ../shared/data is absent), and ocsvm_golden.json with the versions, gamma, rho and
support-vector counts.
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score
from sklearn.svm import OneClassSVM

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = ("gauss1d", "blobs2d", "gauss5d", "dups2d")
CONFIGS = {"default": {}, "nu01": {"nu": 0.1}, "nu02_gamma1": {"nu": 0.2, "gamma": 1.0},
           "nu02_gamma1_tight": {"nu": 0.2, "gamma": 1.0, "tol": 1e-9}}
ADBENCH = ("4_breastw", "6_cardio", "18_Ionosphere", "29_Pima", "38_thyroid", "43_WDBC")


def read(path):
    return np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)


def write_scores(path, cols):
    names = list(cols)
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for i in range(len(cols[names[0]])):
            f.write(",".join(repr(float(cols[c][i])) for c in names) + "\n")


def main():
    info = {"sklearn": sklearn.__version__, "numpy": np.__version__, "datasets": {}, "adbench": {}}
    for name in SETS:
        x = read(os.path.join(HERE, f"{name}.csv"))
        xt = read(os.path.join(HERE, f"{name}_test.csv"))
        ins, nov, meta = {}, {}, {}
        for col, kw in CONFIGS.items():
            m = OneClassSVM(**kw).fit(x)
            ins[col] = -m.decision_function(x)
            nov[col] = -m.decision_function(xt)
            meta[col] = {"gamma": float(m._gamma), "rho": float(m.offset_[0]), "n_support": int(m.support_.shape[0])}
        write_scores(os.path.join(HERE, f"ocsvm_{name}_expected.csv"), ins)
        write_scores(os.path.join(HERE, f"ocsvm_{name}_novelty.csv"), nov)
        info["datasets"][name] = meta
    data = os.path.join(HERE, "../../../../../../shared/data/adbench_classical")
    if os.path.isdir(data):
        rows = []
        for name in ADBENCH:
            z = np.load(os.path.join(data, f"{name}.npz"), allow_pickle=False)
            x = np.asarray(z["X"], dtype=np.float32).astype(np.float64)  # Argus reads features as float32
            y = np.asarray(z["y"]).astype(int)
            auc = roc_auc_score(y, -OneClassSVM().fit(x).decision_function(x))
            rows.append((name, auc))
            info["adbench"][name] = auc
        with open(os.path.join(HERE, "ocsvm_adbench.csv"), "w") as f:
            f.write("dataset,auroc\n")
            for name, auc in rows:
                f.write(f"{name},{auc!r}\n")
    else:
        print("no ADBench data at " + data + "; ocsvm_adbench.csv left as it is", file=sys.stderr)
    with open(os.path.join(HERE, "ocsvm_golden.json"), "w") as f:
        json.dump(info, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
