#!/usr/bin/python3
"""Side-by-side comparison of an `argus bench` run with a scikit-learn peer run.

    compare.py ARGUS_DIR SKLEARN_DIR [--methods iforest,lof] [--datasets a,b]
               [--reference BENCHMARKS.md] [--markdown]

Both folders hold a results.csv with columns suite,dataset,method,seed,n,fit_seconds,
score_seconds,status,auroc,ap (argus bench's and sklearn_bench.py's format). Only rows with
status `ok` count; metrics and times (fit + score) are averaged over seeds per (data set, method).
Prints one markdown table per method and a summary line: data sets within tolerance of
scikit-learn's AUROC (0.02 for iforest, 0.01 otherwise) and the geometric-mean speed-up
(sklearn time / argus time; > 1 means argus is faster).

--reference parses the "| data set | IForest AUROC | IForest AP | LOF AUROC | LOF AP |" table of
docs/BENCHMARKS.md and adds the published reference AUROC and argus' difference to it
(data set names must match exactly, so it applies to the adbench suite).

Standard library only.
"""
import argparse
import csv
import math
import os
import statistics
import sys

DEFAULT_TOL = {"iforest": 0.02}
OTHER_TOL = 0.01
REF_METHODS = {"iforest": "iforest", "lof": "lof"}


def results_path(p):
    return os.path.join(p, "results.csv") if os.path.isdir(p) else p


def read_results(path):
    """{(suite, dataset, method): {'n', 'seeds', 'auroc', 'ap', 'time', 'bad'}} from results.csv."""
    path = results_path(path)
    if not os.path.exists(path):
        sys.exit("compare.py: no results at %s" % path)
    acc = {}
    with open(path, newline="") as f:
        r = csv.DictReader(f)
        need = {"suite", "dataset", "method", "seed", "n", "fit_seconds", "score_seconds",
                "status", "auroc", "ap"}
        missing = need - set(r.fieldnames or [])
        if missing:
            sys.exit("compare.py: %s lacks columns %s" % (path, ",".join(sorted(missing))))
        for row in r:
            key = (row["suite"], row["dataset"], row["method"])
            a = acc.setdefault(key, {"n": None, "auroc": [], "ap": [], "time": [], "bad": []})
            if row["n"]:
                a["n"] = int(float(row["n"]))
            if row["status"] != "ok":
                a["bad"].append(row["status"])
                continue
            a["auroc"].append(float(row["auroc"]))
            a["ap"].append(float(row["ap"]))
            a["time"].append(float(row["fit_seconds"] or 0) + float(row["score_seconds"] or 0))
    out = {}
    for key, a in acc.items():
        ok = bool(a["auroc"])
        out[key] = {
            "n": a["n"],
            "seeds": len(a["auroc"]),
            "auroc": statistics.mean(a["auroc"]) if ok else None,
            "auroc_sd": statistics.stdev(a["auroc"]) if len(a["auroc"]) > 1 else None,
            "ap": statistics.mean(a["ap"]) if ok else None,
            "time": statistics.mean(a["time"]) if ok else None,
            "bad": a["bad"],
        }
    return out


def read_reference(path):
    """{dataset: {'iforest': (auroc, ap), 'lof': (auroc, ap)}} from a BENCHMARKS.md table."""
    ref = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = None
    for line in lines:
        s = line.strip()
        if not s.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in s.strip("|").split("|")]
        low = [c.lower() for c in cells]
        if low and low[0] == "data set" and "iforest auroc" in low and "lof auroc" in low:
            header = low
            continue
        if header is None or all(set(c) <= set("-: ") for c in cells):
            continue
        if len(cells) != len(header):
            continue
        rec = {}
        for meth, label in (("iforest", "iforest"), ("lof", "lof")):
            try:
                au = float(cells[header.index(label + " auroc")])
                ap = float(cells[header.index(label + " ap")]) if (label + " ap") in header else None
            except ValueError:
                continue
            rec[meth] = (au, ap)
        ref[cells[0]] = rec
    if not ref:
        sys.exit("compare.py: no '| data set | IForest AUROC | ... | LOF AUROC |' table in %s" % path)
    return ref


def f3(x):
    return "—" if x is None else "%.3f" % x


def fdelta(x):
    if x is None:
        return "—"
    s = "%+.3f" % x
    return "+0.000" if s == "-0.000" else s


def ftime(x):
    if x is None:
        return "—"
    if x >= 100:
        return "%.0f s" % x
    if x >= 1:
        return "%.2f s" % x
    return "%.3f s" % x


def cell(stats, field, fmt):
    if stats is None:
        return "—"
    if stats[field] is None:
        return stats["bad"][-1] if stats["bad"] else "—"
    return fmt(stats[field])


def table(rows, header):
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) if rows else len(header[i])
              for i in range(len(header))]
    right = [i > 0 for i in range(len(header))]

    def line(cells):
        return "| " + " | ".join(c.rjust(w) if r else c.ljust(w)
                                 for c, w, r in zip(cells, widths, right)) + " |"

    out = [line(header), "|" + "|".join((("-" * (w + 1)) + ":") if r else ("-" * (w + 2))
                                        for w, r in zip(widths, right)) + "|"]
    out += [line(r) for r in rows]
    return "\n".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Compare argus bench results with a scikit-learn peer run.")
    ap.add_argument("argus", help="argus bench --out folder (or its results.csv)")
    ap.add_argument("sklearn", help="sklearn_bench.py --out folder (or its results.csv)")
    ap.add_argument("--peer-name", default="sklearn",
                    help="the peer's name in the tables (default: sklearn; e.g. elki)")
    ap.add_argument("--methods", default=None,
                    help="comma list (default: every method found in either run)")
    ap.add_argument("--datasets", default=None, help="comma list (default: all)")
    ap.add_argument("--reference", default=None,
                    help="BENCHMARKS.md with the published IForest/LOF reference table")
    ap.add_argument("--spread", action="store_true",
                    help="add each side's seed-to-seed standard deviation of AUROC and z = Δ / standard error"
                         " of Δ, to tell a systematic difference from seed noise (needs >= 2 seeds per side)")
    ap.add_argument("--markdown", action="store_true",
                    help="emit a markdown document (headings, inputs and notes) instead of bare tables")
    a = ap.parse_args(argv)

    A = read_results(a.argus)
    S = read_results(a.sklearn)
    ref = read_reference(a.reference) if a.reference else None

    keys = set(A) | set(S)
    methods = ([m.strip() for m in a.methods.split(",") if m.strip()] if a.methods
               else sorted({k[2] for k in keys}))
    want = set(s.strip() for s in a.datasets.split(",")) if a.datasets else None
    suites = sorted({k[0] for k in keys})

    if a.markdown:
        print("# Argus vs %s\n" % a.peer_name)
        print("- argus: `%s`" % results_path(a.argus))
        print("- %s: `%s`" % (a.peer_name, results_path(a.sklearn)))
        if a.reference:
            print("- reference: `%s`" % a.reference)
        print("- metrics and times are means over the seeds with status ok; time = fit + score;"
              " speed-up = %s time / argus time (> 1: argus faster)\n" % a.peer_name)

    for method in methods:
        tol = DEFAULT_TOL.get(method, OTHER_TOL)
        dsets = sorted({(k[0], k[1]) for k in keys if k[2] == method
                        and (want is None or k[1] in want)},
                       key=lambda t: (t[0], _natural(t[1])))
        header = ["dataset", "n", "argus AUROC", a.peer_name + " AUROC", "Δ", "argus AP", a.peer_name + " AP",
                  "argus time", a.peer_name + " time", "speed-up"]
        refm = REF_METHODS.get(method) if ref is not None else None
        if refm:
            header[5:5] = ["ref AUROC", "Δref"]
        if a.spread:
            header[5:5] = ["argus sd", a.peer_name + " sd", "z"]
        rows, within, compared, ratios, ref_within, ref_compared = [], 0, 0, [], 0, 0
        z_small, z_count = 0, 0
        seed_note = set()
        for suite, ds in dsets:
            sa, ss = A.get((suite, ds, method)), S.get((suite, ds, method))
            n = (sa or {}).get("n") or (ss or {}).get("n")
            d = None
            if sa and ss and sa["auroc"] is not None and ss["auroc"] is not None:
                d = sa["auroc"] - ss["auroc"]
                compared += 1
                within += abs(d) <= tol + 1e-12
            if sa and ss and sa["seeds"] != ss["seeds"] and sa["seeds"] and ss["seeds"]:
                seed_note.add("%s: argus %d seed(s), %s %d" % (ds, sa["seeds"], a.peer_name, ss["seeds"]))
            sp = None
            if sa and ss and sa["time"] is not None and ss["time"] is not None:
                if sa["time"] > 0 and ss["time"] > 0:
                    sp = ss["time"] / sa["time"]
                    ratios.append(sp)
            name = ds if len(suites) == 1 else "%s/%s" % (suite, ds)
            r = [name, "—" if n is None else str(n), cell(sa, "auroc", f3), cell(ss, "auroc", f3),
                 fdelta(d), cell(sa, "ap", f3), cell(ss, "ap", f3), cell(sa, "time", ftime),
                 cell(ss, "time", ftime), "—" if sp is None else "%.2f×" % sp]
            if refm:
                rv = ref.get(ds, {}).get(refm)
                dr = None
                if rv and sa and sa["auroc"] is not None:
                    dr = sa["auroc"] - rv[0]
                    ref_compared += 1
                    ref_within += abs(dr) <= tol + 1e-12
                r[5:5] = ["—" if not rv else "%.3f" % rv[0], fdelta(dr)]
            if a.spread:
                z = None
                if d is not None and sa["auroc_sd"] is not None and ss["auroc_sd"] is not None:
                    se = math.sqrt(sa["auroc_sd"] ** 2 / sa["seeds"] + ss["auroc_sd"] ** 2 / ss["seeds"])
                    if se > 0:
                        z = d / se
                        z_count += 1
                        z_small += abs(z) <= 2
                r[5:5] = [cell(sa, "auroc_sd", f3), cell(ss, "auroc_sd", f3), "—" if z is None else "%+.1f" % z]
            rows.append(r)
        if a.markdown:
            print("## %s\n" % method)
        else:
            print("%s" % method)
        print(table(rows, header))
        gm = math.exp(statistics.mean(math.log(x) for x in ratios)) if ratios else None
        summary = (("%s: %d/%d data sets within %.2f AUROC of " + a.peer_name + "; geometric-mean speed-up %s (%d data sets)")
                   % (method, within, compared, tol, "—" if gm is None else "%.2f×" % gm, len(ratios)))
        if refm:
            summary += "; %d/%d within %.2f of the reference table" % (ref_within, ref_compared, tol)
        if a.spread and z_count:
            summary += "; %d/%d with |z| <= 2 (difference within seed noise)" % (z_small, z_count)
        print()
        print(summary)
        if seed_note:
            print("note: seed counts differ (" + "; ".join(sorted(seed_note)) + ")")
        print()
    return 0


def _natural(name):
    head = name.split("_", 1)[0]
    return (int(head), name) if head.isdigit() else (10 ** 9, name)


if __name__ == "__main__":
    sys.exit(main())
