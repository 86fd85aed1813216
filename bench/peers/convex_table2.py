"""scnn's Table-2 protocol on the shipped real data sets (docs/benchmarks.md, "Convex training on real data"):
the shipped train/test split (75/25, standardised with the training part's statistics), a seeded 80/20
validation split of the training part, a lambda grid chosen per method by validation accuracy, then a refit on the
whole training part at the chosen lambda and its test accuracy, objective and time. One-hot targets, squared loss.

Methods: nngeom gated (convex fit --method gated --classes), nngeom decomposed (the same fit with --decompose: its
ReLU network), nngeom exact (--method exact --classes over the patterns of the same gates, one-vs-all), Adam
(nngeom train, two-layer ReLU, width WIDTH, half-sse + l2 penalty beta, ADAM_ITERS full-batch steps), and scnn's
gated model (R-FISTA, tol 1e-6) with the same gates where scnn is installed (skipped with a message otherwise), and
with SCNN_AL=1 also scnn's ReLU model (augmented Lagrangian, its defaults; minutes per solve, so off by default). Gates: GATES standard normal vectors on [x, 1] (seeded), the same for every program; the bias is
a ones column everywhere (penalised in the gated programs, as scnn does). beta = n * lambda (n the training rows).

Usage: convex_table2.py JAR OUT_DIR [DATASETS] (DATASETS comma-separated, default iris,wine,breast-cancer)"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

JAR, OUT = sys.argv[1], Path(sys.argv[2])
SETS = (sys.argv[3] if len(sys.argv) > 3 else "iris,wine,breast-cancer").split(",")
REAL = Path(__file__).resolve().parents[2] / "core/src/main/resources/io/nngeom/data/real"
LAMBDAS = [float(v) for v in os.environ.get("LAMBDAS", "1e-3,1e-2,1e-1").split(",")]
GATES = int(os.environ.get("GATES", "300"))
WIDTH = int(os.environ.get("WIDTH", "100"))
ADAM_ITERS = int(os.environ.get("ADAM_ITERS", "3000"))
SEED = 20261208


def load(name, part):
    a = np.loadtxt(REAL / f"{name}-{part}.csv", delimiter=",", skiprows=1)
    return a[:, :-1], a[:, -1].astype(int)


def write(path, x, labels):
    cols = [f"x{i}" for i in range(x.shape[1])] + ["target"]
    np.savetxt(path, np.column_stack([x, labels]), delimiter=",", header=",".join(cols), comments="", fmt="%.17g")


def nngeom(*args):
    t = time.perf_counter()
    r = subprocess.run(["java", "-jar", JAR, *map(str, args), "--quiet"], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(" ".join(map(str, args)) + ": " + r.stderr)
    return time.perf_counter() - t


def convex(method, train, test, beta, gates, out, decompose=False):
    j = out.with_suffix(".json")
    args = ["convex", "fit", "--data", train, "--classes", "--method", method, "--beta", beta, "--gates", gates, "--test", test,
            "--json", j]
    nngeom(*(args + (["--decompose"] if decompose else [])))
    r = json.loads(j.read_text())
    if decompose:
        return r["decomposedTestAccuracy"], r["decomposedObjective"], r["solverSeconds"], r
    return r["testAccuracy"], r["objective"], r["solverSeconds"], r


def adam(train, test, beta, d, k, out):
    j = out.with_suffix(".json")
    nngeom("train", "--data", train, "--classes", "--arch", f"{d}-{WIDTH}-{k}", "--loss", "half-sse", "--penalty", f"l2:{beta}",
           "--iters", ADAM_ITERS, "--test", test, "--json", j, "--seed", "1")
    r = json.loads(j.read_text())
    return r["testAccuracy"], r["objective"], r["seconds"], r


def scnn_fit(kind, xtr, ytr, xte, yte, lam, G):
    from scnn.models import ConvexGatedReLU, ConvexReLU
    from scnn.solvers import RFISTA, AL
    from scnn.regularizers import NeuronGL1
    from scnn.metrics import Metrics
    from scnn.optimize import optimize_model
    k = ytr.max() + 1
    Y = np.eye(k)[ytr]
    a = lambda x: np.hstack([x, np.ones((x.shape[0], 1))])
    model = ConvexGatedReLU(G, c=k) if kind == "gated" else ConvexReLU(G, c=k)
    solver = RFISTA(model, tol=1e-6) if kind == "gated" else AL(model)
    t = time.perf_counter()
    net, _ = optimize_model(model, solver, Metrics(), a(xtr), Y, regularizer=NeuronGL1(lam), unitize_data=False, dtype="float64")
    seconds = time.perf_counter() - t
    acc = float(np.mean(np.argmax(np.asarray(net(a(xte))), axis=1) == yte))
    n = xtr.shape[0]
    f = np.asarray(net(a(xtr)))
    return acc, float("nan"), seconds, {"trainLoss": 0.5 * float(np.sum((f - Y) ** 2)), "n": n}  # objective: not in nngeom's scaling


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        import scnn  # noqa: F401
        have_scnn = True
    except ImportError as e:
        have_scnn = False
        print(f"scnn: skipped: scnn is not installed ({e})")
    rows = []
    for name in SETS:
        xtr, ytr = load(name, "train")
        xte, yte = load(name, "test")
        rng = np.random.default_rng(SEED)
        perm = rng.permutation(len(ytr))
        nv = len(ytr) // 5
        val, fit = perm[:nv], perm[nv:]
        d, k = xtr.shape[1], int(ytr.max()) + 1
        G = rng.standard_normal((d + 1, GATES))
        gates = OUT / f"{name}-gates.npy"
        np.save(gates, G)
        files = {}
        for part, (x, y) in {"fit": (xtr[fit], ytr[fit]), "val": (xtr[val], ytr[val]), "train": (xtr, ytr), "test": (xte, yte)}.items():
            files[part] = OUT / f"{name}-{part}.csv"
            write(files[part], x, y)
        methods = {
            "nngeom gated": lambda tr, te, lam, n, tag: convex("gated", tr, te, n * lam, gates, OUT / tag),
            "nngeom decomposed": lambda tr, te, lam, n, tag: convex("gated", tr, te, n * lam, gates, OUT / tag, decompose=True),
            "nngeom exact": lambda tr, te, lam, n, tag: convex("exact", tr, te, n * lam, gates, OUT / tag),
            "Adam (nngeom train)": lambda tr, te, lam, n, tag: adam(tr, te, n * lam, d, k, OUT / tag),
        }
        if have_scnn:
            def sc(kind):
                def run(tr, te, lam, n, tag):
                    xa, ya = (xtr[fit], ytr[fit]) if tr == files["fit"] else (xtr, ytr)
                    xb, yb = (xtr[val], ytr[val]) if te == files["val"] else (xte, yte)
                    return scnn_fit(kind, xa, ya, xb, yb, lam, G)
                return run
            methods["scnn gated (R-FISTA)"] = sc("gated")
            if os.environ.get("SCNN_AL") == "1":
                methods["scnn ReLU (AL)"] = sc("relu")
        for label, run in methods.items():
            tag = name + "-" + label.split()[0] + "-" + label.split()[1].strip("()")
            val_acc = []
            for lam in LAMBDAS:
                val_acc.append(run(files["fit"], files["val"], lam, len(fit), f"{tag}-val-{lam}")[0])
            best = LAMBDAS[int(np.argmax(val_acc))]
            acc, obj, sec, _ = run(files["train"], files["test"], best, len(ytr), f"{tag}-test")
            row = {"data": name, "method": label, "lambda": best, "validationAccuracy": max(val_acc), "testAccuracy": acc,
                   "objective": obj, "seconds": sec}
            rows.append(row)
            print(f"{name:14s} {label:22s} lambda {best:<7g} val {max(val_acc):.4f}  test {acc:.4f}  objective {obj:<14.10g} "
                  f"time {sec:.2f} s", flush=True)
    (OUT / "table2.json").write_text(json.dumps(rows, indent=1))


main()
