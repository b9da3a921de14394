#!/usr/bin/python3
"""scikit-learn peer run for `argus bench` (tabular point outliers).

Runs scikit-learn's IsolationForest / LocalOutlierFactor / kNN distance on the ADBench
"Classical" .npz files or the ODDS csv files under the ADBench unsupervised protocol (fit and
score on all rows, labels only for evaluation) and writes OUT/results.csv with columns

    suite,dataset,method,seed,n,fit_seconds,score_seconds,status,auroc,ap

Scores are oriented "higher = more anomalous". Deterministic methods (lof, knn) run once,
recorded with seed = the first seed. Each run happens in a forked child process so that a
run can be stopped after --timeout seconds (status `timeout`). The file is rewritten
atomically after every run; rerunning with the same --out skips (dataset, method, seed)
rows already present with status `ok`.

Use Debian's interpreter: /usr/bin/python3 (python3-sklearn).
"""
import os
import sys


def _early_threads(argv):
    """--threads must limit BLAS/OpenMP pools before numpy is imported."""
    threads = os.environ.get("ARGUS_PEER_THREADS", "2")
    for i, a in enumerate(argv):
        if a == "--threads" and i + 1 < len(argv):
            threads = argv[i + 1]
        elif a.startswith("--threads="):
            threads = a.split("=", 1)[1]
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
        os.environ[var] = str(threads)


_early_threads(sys.argv)

import argparse  # noqa: E402
import csv  # noqa: E402
import multiprocessing as mp  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
import zipfile  # noqa: E402

import numpy as np  # noqa: E402

try:
    from threadpoolctl import threadpool_limits  # noqa: E402
except ImportError:  # pragma: no cover
    threadpool_limits = None

COLUMNS = ["suite", "dataset", "method", "seed", "n", "fit_seconds", "score_seconds",
           "status", "auroc", "ap"]
METHODS = ("iforest", "lof", "knn", "ocsvm", "mcd")
DETERMINISTIC = {"lof", "knn"}
# Argus' ocsvm trains on at most this many rows sampled without replacement (OneClassSvmParams);
# the peer runs the same protocol so that both solve problems of the same size.
OCSVM_MAX_TRAIN_ROWS = 10000


def data_root(arg):
    if arg:
        return arg
    if os.environ.get("ARGUS_DATA"):
        return os.environ["ARGUS_DATA"]
    repo = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    return os.path.join(repo, "..", "shared", "data")


def list_datasets(suite, root):
    """Returns [(name, path, approx_size)] for the suite, smallest first."""
    out = []
    if suite == "adbench":
        d = os.path.join(root, "adbench_classical")
        for f in sorted(os.listdir(d)):
            if f.endswith(".npz"):
                p = os.path.join(d, f)
                try:
                    with zipfile.ZipFile(p) as z:
                        size = sum(i.file_size for i in z.infolist())
                except Exception:
                    size = os.path.getsize(p)
                out.append((f[:-len(".npz")], p, size))
    elif suite == "odds":
        d = os.path.join(root, "odds_pyod", "csv")
        for f in sorted(os.listdir(d)):
            if f.endswith(".csv.gz"):
                p = os.path.join(d, f)
                out.append((f[:-len(".csv.gz")], p, os.path.getsize(p)))
    else:
        raise SystemExit("unknown suite: %s" % suite)
    if not out:
        raise SystemExit("no data sets found for suite %s under %s" % (suite, root))
    out.sort(key=lambda t: (t[2], t[0]))
    return out


def load(suite, path):
    if suite == "adbench":
        with np.load(path, allow_pickle=False) as z:
            X, y = z["X"], z["y"]
    else:
        a = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
        X, y = a[:, :-1], a[:, -1]
    X = np.ascontiguousarray(X, dtype=np.float64)
    y = np.asarray(y).astype(np.int64).ravel()
    return X, y


def run_method(method, X, seed, threads):
    """Returns (scores, fit_seconds, score_seconds); scores higher = more anomalous."""
    if method == "iforest":
        from sklearn.ensemble import IsolationForest
        m = IsolationForest(n_estimators=100, max_samples="auto", random_state=seed,
                            n_jobs=threads)
        t0 = time.perf_counter()
        m.fit(X)
        t1 = time.perf_counter()
        s = -m.score_samples(X)
        t2 = time.perf_counter()
        return s, t1 - t0, t2 - t1
    if method == "lof":
        from sklearn.neighbors import LocalOutlierFactor
        m = LocalOutlierFactor(n_neighbors=20, n_jobs=threads)
        t0 = time.perf_counter()
        m.fit(X)
        t1 = time.perf_counter()
        return -m.negative_outlier_factor_, t1 - t0, 0.0
    if method == "knn":
        from sklearn.neighbors import NearestNeighbors
        m = NearestNeighbors(n_neighbors=5, n_jobs=threads)
        t0 = time.perf_counter()
        m.fit(X)
        dist, _ = m.kneighbors()  # no argument: each row's neighbours exclude itself
        t1 = time.perf_counter()
        return dist[:, -1], t1 - t0, 0.0
    if method == "ocsvm":
        from sklearn.svm import OneClassSVM
        m = OneClassSVM(kernel="rbf", nu=0.5, gamma="scale", tol=1e-3)
        t0 = time.perf_counter()
        rng = np.random.default_rng(seed)
        train = X
        if X.shape[0] > OCSVM_MAX_TRAIN_ROWS:
            train = X[rng.choice(X.shape[0], OCSVM_MAX_TRAIN_ROWS, replace=False)]
        m.fit(train)
        t1 = time.perf_counter()
        s = -m.decision_function(X)
        t2 = time.perf_counter()
        return s, t1 - t0, t2 - t1
    if method == "mcd":
        from sklearn.covariance import EllipticEnvelope
        m = EllipticEnvelope(support_fraction=None, random_state=seed)
        t0 = time.perf_counter()
        m.fit(X)
        t1 = time.perf_counter()
        s = m.mahalanobis(X)  # squared robust Mahalanobis distance, as argus' mcd
        t2 = time.perf_counter()
        return s, t1 - t0, t2 - t1
    raise ValueError("unknown method: %s" % method)


def _child(conn, method, X, y, seed, threads):
    try:
        from sklearn.metrics import average_precision_score, roc_auc_score
        if threadpool_limits is not None:
            with threadpool_limits(limits=threads):
                s, tf, ts = run_method(method, X, seed, threads)
        else:
            s, tf, ts = run_method(method, X, seed, threads)
        if not np.all(np.isfinite(s)):
            raise ValueError("non-finite scores (%d)" % int(np.sum(~np.isfinite(s))))
        conn.send(("ok", tf, ts, float(roc_auc_score(y, s)), float(average_precision_score(y, s))))
    except BaseException as e:  # noqa: BLE001 - reported as the row's status
        msg = ("%s: %s" % (type(e).__name__, e)).strip().splitlines()
        conn.send((msg[0] if msg else type(e).__name__, None, None, None, None))
        traceback.print_exc(file=sys.stderr)
    finally:
        conn.close()


def run_one(method, X, y, seed, threads, timeout):
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(child, method, X, y, seed, threads), daemon=False)
    p.start()
    child.close()
    # Not a daemon: joblib/loky falls back to n_jobs=1 inside daemonic processes.
    if not parent.poll(timeout):
        p.terminate()
        p.join(10)
        if p.is_alive():
            p.kill()
            p.join()
        return ("timeout", None, None, None, None)
    try:
        res = parent.recv()
    except EOFError:
        res = None
    p.join(30)
    if p.is_alive():
        p.terminate()
        p.join()
    if res is None:
        return ("crashed (exit code %s)" % p.exitcode, None, None, None, None)
    return res


def read_rows(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        r = csv.DictReader(f)
        if r.fieldnames != COLUMNS:
            raise SystemExit("%s has columns %s, expected %s" % (path, r.fieldnames, COLUMNS))
        return list(r)


def write_rows(path, rows):
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".results.", suffix=".csv.tmp", dir=d)
    try:
        with os.fdopen(fd, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fmt(x, digits):
    return "" if x is None else ("%.*f" % (digits, x))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--suite", required=True, choices=["adbench", "odds"])
    ap.add_argument("--methods", default="iforest,lof,knn",
                    help="comma list of %s" % ",".join(METHODS))
    ap.add_argument("--seeds", type=int, default=3, help="run seeds 0..N-1 (default 3)")
    ap.add_argument("--data", default=None,
                    help="data root (default $ARGUS_DATA, else <repo>/../shared/data)")
    ap.add_argument("--datasets", default=None, help="comma list of data set names (default all)")
    ap.add_argument("--out", required=True, help="output folder; results.csv goes there")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=1200.0,
                    help="seconds per run before it is stopped with status 'timeout' (default 1200)")
    a = ap.parse_args(argv)

    methods = [m.strip() for m in a.methods.split(",") if m.strip()]
    for m in methods:
        if m not in METHODS:
            ap.error("unknown method %r (choose from %s)" % (m, ",".join(METHODS)))
    if a.seeds < 1:
        ap.error("--seeds must be >= 1")
    seeds = list(range(a.seeds))

    root = data_root(a.data)
    datasets = list_datasets(a.suite, root)
    if a.datasets:
        want = [s.strip() for s in a.datasets.split(",") if s.strip()]
        have = {d[0] for d in datasets}
        missing = [w for w in want if w not in have]
        if missing:
            ap.error("data sets not found in suite %s: %s" % (a.suite, ",".join(missing)))
        datasets = [d for d in datasets if d[0] in set(want)]

    os.makedirs(a.out, exist_ok=True)
    out = os.path.join(a.out, "results.csv")
    rows = read_rows(out)
    done = {(r["suite"], r["dataset"], r["method"], r["seed"]) for r in rows if r["status"] == "ok"}

    import sklearn
    print("sklearn %s, numpy %s, threads %d, data %s, out %s"
          % (sklearn.__version__, np.__version__, a.threads, os.path.abspath(root),
             os.path.abspath(out)), file=sys.stderr, flush=True)

    for name, path, _ in datasets:
        todo = []
        for m in methods:
            for s in (seeds[:1] if m in DETERMINISTIC else seeds):
                if (a.suite, name, m, str(s)) not in done:
                    todo.append((m, s))
        if not todo:
            continue
        try:
            X, y = load(a.suite, path)
        except Exception as e:  # noqa: BLE001
            X = y = None
            load_err = ("load failed: %s: %s" % (type(e).__name__, e)).splitlines()[0]
        for m, s in todo:
            if X is None:
                res = (load_err, None, None, None, None)
                n = ""
            else:
                n = X.shape[0]
                res = run_one(m, X, y, s, a.threads, a.timeout)
            status, tf, ts, auroc, apv = res
            row = {"suite": a.suite, "dataset": name, "method": m, "seed": str(s), "n": str(n),
                   "fit_seconds": fmt(tf, 4), "score_seconds": fmt(ts, 4), "status": status,
                   "auroc": fmt(auroc, 6), "ap": fmt(apv, 6)}
            key = (a.suite, name, m, str(s))
            rows = [r for r in rows if (r["suite"], r["dataset"], r["method"], r["seed"]) != key]
            rows.append(row)
            write_rows(out, rows)
            print("%-8s %-22s %-8s seed=%d n=%-7s fit=%9ss score=%9ss %s auroc=%s ap=%s"
                  % (a.suite, name, m, s, n, row["fit_seconds"] or "-",
                     row["score_seconds"] or "-", status, row["auroc"] or "-", row["ap"] or "-"),
                  file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
