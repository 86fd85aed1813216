"""Benchmark (a) peer: scikit-learn's Lasso on the materialised 2-D wedge dictionary with bias.

Builds the dictionary independently of nngeom (numpy): for every pair of samples (p_a, p_b), the unit normal
c = perp(p_a - p_b)/|p_a - p_b| and the two columns (+-<x - p_b, c>)_+; 2*C(n,2) columns. sklearn minimises
(1/(2n))||y - Xw - b||^2 + alpha||w||_1, so alpha = beta/n gives the same minimiser as 1/2||.||^2 + beta||.||_1.
Runs sklearn in warm-started chunks of growing max_iter, measuring after each chunk the relative duality gap
(P - D)/P of the 1/2-sum problem with the same dual point as nngeom (scaled centred residual); stops at the
target gap or when its fit time reaches the cap. Prints a JSON line with the whole gap trajectory
([epochs, fit seconds, relative gap] after each chunk).

With MODEL (nngeom's recovered network, .safetensors: layers 0 and 2), it also evaluates that network on this
script's own matrix: primal P = 1/2||y - f(X)||^2 + beta * sum_j |alpha_j| ||w_j||_2 (= beta ||z||_1 for unit
neurons), and the same dual point built from its residual, so nngeom's gap is re-measured independently of
nngeom's code.

Usage: convex_lasso_sklearn.py DATA.csv BETA TARGET_GAP TIME_CAP_SECONDS [MODEL.safetensors]"""
import json
import sys
import time
import warnings
import numpy as np
from sklearn.linear_model import Lasso
from sklearn.exceptions import ConvergenceWarning

path, beta, target, cap = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
data = np.loadtxt(path, delimiter=",", skiprows=1)
x, y = data[:, :-1], data[:, -1]
n = x.shape[0]
t0 = time.perf_counter()
cols = []
for a in range(n):
    for b in range(a + 1, n):
        e = x[a] - x[b]
        c = np.array([e[1], -e[0]]) / np.hypot(e[0], e[1])
        h = (x - x[b]) @ c
        cols.append(np.maximum(h, 0))
        cols.append(np.maximum(-h, 0))
A = np.asfortranarray(np.column_stack(cols))
build = time.perf_counter() - t0


def certificate(r, l1):
    """Relative gap, primal and dual for a residual r (centred here) and l1 norm, over all columns of A."""
    r = r - r.mean()
    p = 0.5 * r @ r + beta * l1
    yc = y - y.mean()
    m = np.abs(A.T @ r).max()
    s = min(1.0, beta / m) if m > 0 else 1.0
    d = s * (r @ yc) - 0.5 * s * s * (r @ r)
    return (p - d) / p, p, d


def gap(w, b0):
    rel, p, _ = certificate(y - A @ w - b0, np.abs(w).sum())
    return rel, p


nngeom_model = None
if len(sys.argv) > 5:
    from safetensors.numpy import load_file
    t = load_file(sys.argv[5])
    w1, b1, w2, b2 = t["0.weight"], t["0.bias"], t["2.weight"][0], t["2.bias"][0]
    f = np.maximum(x @ w1.T + b1, 0) @ w2 + b2
    rel_m, p_m, d_m = certificate(y - f, float(np.sum(np.abs(w2) * np.linalg.norm(w1, axis=1))))
    nngeom_model = {"relativeGap": rel_m, "primal": p_m, "dual": d_m, "neurons": int(w1.shape[0])}


model = Lasso(alpha=beta / n, fit_intercept=True, max_iter=1, tol=0.0, warm_start=True, selection="cyclic")
fit_time = 0.0
it = 0
chunk = 1
rel, obj = float("nan"), float("nan")
history = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    while True:
        model.max_iter = chunk
        t = time.perf_counter()
        model.fit(A, y)
        fit_time += time.perf_counter() - t
        it += chunk
        rel, obj = gap(model.coef_, model.intercept_)
        history.append([it, fit_time, rel])
        if rel <= target or fit_time >= cap:
            break
        chunk = min(chunk * 2, 256)
print(json.dumps({"peer": "scikit-learn Lasso (coordinate descent)", "columns": A.shape[1], "buildSeconds": build,
                  "fitSeconds": fit_time, "epochs": it, "relativeGap": rel, "objective": obj,
                  "reachedTarget": bool(rel <= target), "nonzeros": int(np.count_nonzero(model.coef_)),
                  "history": history, "nngeomModelOnThisMatrix": nngeom_model}))
