#!/usr/bin/python3
"""Regenerates the golden fixtures of the PCA, Ledoit-Wolf Mahalanobis and MCD tests in argus-tabular.

Run with Debian's python3-sklearn 1.2.1:

    /usr/bin/python3 argus-tabular/src/test/resources/golden/make_golden_covariance.py

Every value in the data files is exactly representable in float32 (Argus stores features as float32).
For each fixture NAME it writes, next to itself:
  pca_NAME.csv / pca_NAME_test.csv      training / held-out rows (header x0..x{d-1})
  pca_NAME_expected.csv                 in-sample PCA scores, one column per configuration
  pca_NAME_novelty.csv                  held-out PCA scores (model fitted on pca_NAME.csv)
  lw_NAME.csv, lw_NAME_test.csv, lw_NAME_expected.csv, lw_NAME_novelty.csv   the same for Ledoit-Wolf,
                                        plus lw_NAME_fit.csv: shrinkage, location and covariance
  mcd_NAME.csv, mcd_NAME_fit.csv        MCD data and scikit-learn's MinCovDet(random_state=0) estimates
  pca_lw_mcd_adbench.csv                AUROC of the scikit-learn references on small ADBench files
                                        (only when ../shared/data/adbench_classical exists)

PCA is PyOD's formula (pyod.models.pca.PCA, 1.x; PyOD is not installed here, so it is re-implemented in
numpy on top of scikit-learn's PCA exactly as PyOD's fit/decision_function do):
    X -> StandardScaler (if standardization)          # PyOD's standardizer
    pca = sklearn PCA(n_components).fit(X)
    w = pca.explained_variance_ratio_ (if weighted) else 1
    score = sum(cdist(X, pca.components_[-m:]) / w[-m:], axis=1)
Columns: pca_default (all axes, weighted, standardized), pca_k3_m2 (n_components=3,
n_selected_components=2), pca_raw (standardization=False), pca_unweighted (weighted=False).
Ledoit-Wolf: LedoitWolf().fit(X).mahalanobis(X) (squared distances).
"""
import json
import os
import sys

import numpy as np
import sklearn
from scipy.spatial.distance import cdist
from sklearn.covariance import EllipticEnvelope, LedoitWolf, MinCovDet
from sklearn.decomposition import PCA
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "../../../../../../shared/data/adbench_classical"))


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def pyod_pca(x, xt, n_components=None, n_selected=None, weighted=True, standardization=True):
    if standardization:
        scaler = StandardScaler().fit(x)
        x, xt = scaler.transform(x), scaler.transform(xt)
    pca = PCA(n_components=n_components).fit(x)
    m = pca.n_components_ if n_selected is None else n_selected
    w = pca.explained_variance_ratio_ if weighted else np.ones(pca.n_components_)
    comps, ws = pca.components_[-m:, :], w[-m:]
    return np.sum(cdist(x, comps) / ws, axis=1), np.sum(cdist(xt, comps) / ws, axis=1)


PCA_CONFIGS = {
    "pca_default": {},
    "pca_k3_m2": {"n_components": 3, "n_selected": 2},
    "pca_raw": {"standardization": False},
    "pca_unweighted": {"weighted": False},
}


def datasets():
    rng = np.random.RandomState(20251129)
    out = {}
    # 4-D correlated Gaussian, different column scales, a few outliers.
    cov = np.array([[4.0, 1.2, 0.3, 0.0], [1.2, 1.0, 0.2, 0.1], [0.3, 0.2, 0.25, 0.05], [0.0, 0.1, 0.05, 9.0]])
    g = rng.multivariate_normal([1, -2, 0.5, 10], cov, 114)
    o = rng.uniform(-8, 12, (6, 4))
    xt = np.vstack([rng.multivariate_normal([1, -2, 0.5, 10], cov, 12), rng.uniform(-8, 12, (4, 4))])
    out["corr4d"] = (f32(np.vstack([g, o])), f32(xt))
    # n = 40 rows in d = 12: shrinkage matters.
    a = rng.normal(0, 1, (40, 12)) @ (np.eye(12) + 0.3 * rng.normal(0, 1, (12, 12)))
    xt = rng.normal(0, 1.5, (10, 12))
    out["wide12d"] = (f32(a), f32(xt))
    # 1-D: scikit-learn's ledoit_wolf returns the variance and shrinkage 0.
    x = np.concatenate([rng.normal(3, 2, 45), [15.0, -9.0]])
    out["line1d"] = (f32(x[:, None]), f32(np.array([[0.0], [3.0], [20.0]])))
    return out


def mcd_datasets():
    rng = np.random.RandomState(99)
    out = {}
    # A clear majority (85%) around a correlated Gaussian, 15% in a far cluster: n <= 500 path.
    cov = np.array([[1.0, 0.6, 0.2], [0.6, 2.0, -0.3], [0.2, -0.3, 0.5]])
    g = rng.multivariate_normal([0, 1, -1], cov, 255)
    o = rng.normal([8, -6, 5], 0.7, (45, 3))
    out["easy3d"] = f32(np.vstack([g, o]))
    # The same shape with n = 900 (subset stage, merged set = all rows).
    g = rng.multivariate_normal([0, 1, -1], cov, 765)
    o = rng.normal([8, -6, 5], 0.7, (135, 3))
    out["easy3d_900"] = f32(np.vstack([g, o])[rng.permutation(900)])
    return out


def write_table(path, x):
    with open(path, "w") as f:
        f.write(",".join(f"x{j}" for j in range(x.shape[1])) + "\n")
        for row in x:
            f.write(",".join(repr(float(np.float32(v))) for v in row) + "\n")


def write_cols(path, cols):
    names = list(cols)
    n = len(cols[names[0]])
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for i in range(n):
            f.write(",".join(repr(float(cols[c][i])) for c in names) + "\n")


def write_fit(path, items):
    """name,values... one line per named vector (matrices row-major)."""
    with open(path, "w") as f:
        for name, v in items:
            f.write(name + "," + ",".join(repr(float(t)) for t in np.ravel(v)) + "\n")


ADBENCH = ["4_breastw", "6_cardio", "14_glass", "29_Pima", "38_thyroid", "39_vertebral", "42_WBC", "43_WDBC", "45_wine"]


def adbench():
    rows = []
    for name in ADBENCH:
        z = np.load(os.path.join(DATA, name + ".npz"), allow_pickle=False)
        x, y = f32(z["X"]), z["y"].astype(int)
        pca_s, _ = pyod_pca(x, x[:1])
        lw = LedoitWolf().fit(x).mahalanobis(x)
        mcd = [roc_auc_score(y, -EllipticEnvelope(random_state=s).fit(x).score_samples(x)) for s in range(3)]
        rows.append((name, roc_auc_score(y, pca_s), roc_auc_score(y, lw), float(np.mean(mcd)), float(np.std(mcd))))
        print(name, rows[-1][1:], file=sys.stderr)
    with open(os.path.join(HERE, "pca_lw_mcd_adbench.csv"), "w") as f:
        f.write("dataset,pca,mahalanobis,mcd_mean3,mcd_std3\n")
        for r in rows:
            f.write(f"{r[0]},{r[1]!r},{r[2]!r},{r[3]!r},{r[4]!r}\n")


def main():
    index = {"sklearn": sklearn.__version__, "numpy": np.__version__, "fixtures": []}
    for name, (x, xt) in datasets().items():
        ins, nov = {}, {}
        for col, cfg in PCA_CONFIGS.items():
            if name == "line1d" and cfg.get("n_components"):
                continue
            ins[col], nov[col] = pyod_pca(x, xt, **cfg)
        for prefix in ("pca", "lw"):
            write_table(os.path.join(HERE, f"{prefix}_{name}.csv"), x)
            write_table(os.path.join(HERE, f"{prefix}_{name}_test.csv"), xt)
        write_cols(os.path.join(HERE, f"pca_{name}_expected.csv"), ins)
        write_cols(os.path.join(HERE, f"pca_{name}_novelty.csv"), nov)
        lw = LedoitWolf().fit(x)
        write_cols(os.path.join(HERE, f"lw_{name}_expected.csv"), {"lw": lw.mahalanobis(x)})
        write_cols(os.path.join(HERE, f"lw_{name}_novelty.csv"), {"lw": lw.mahalanobis(xt)})
        write_fit(os.path.join(HERE, f"lw_{name}_fit.csv"),
                  [("shrinkage", [lw.shrinkage_]), ("location", lw.location_), ("covariance", lw.covariance_)])
        index["fixtures"].append({"name": name, "rows": int(x.shape[0]), "cols": int(x.shape[1])})
    for name, x in mcd_datasets().items():
        write_table(os.path.join(HERE, f"mcd_{name}.csv"), x)
        m = MinCovDet(random_state=0).fit(x)
        write_fit(os.path.join(HERE, f"mcd_{name}_fit.csv"),
                  [("location", m.location_), ("covariance", m.covariance_), ("raw_location", m.raw_location_),
                   ("raw_covariance", m.raw_covariance_), ("raw_support_size", [m.raw_support_.sum()]),
                   ("support_size", [m.support_.sum()]), ("dist", m.dist_)])
        index["fixtures"].append({"name": "mcd_" + name, "rows": int(x.shape[0]), "cols": int(x.shape[1])})
    with open(os.path.join(HERE, "pca_lw_mcd_index.json"), "w") as f:
        json.dump(index, f, indent=2)
        f.write("\n")
    if os.path.isdir(DATA):
        adbench()


if __name__ == "__main__":
    main()
