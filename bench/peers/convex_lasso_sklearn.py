"""Benchmark (a) peer: scikit-learn's Lasso on the materialised 2-D wedge dictionary with bias.

Builds the dictionary independently of nngeom (numpy): for every pair of samples (p_a, p_b), the unit normal
c = perp(p_a - p_b)/|p_a - p_b| and the two columns (+-<x - p_b, c>)_+; 2*C(n,2) columns. sklearn minimises
(1/(2n))||y - Xw - b||^2 + alpha||w||_1, so alpha = beta/n gives the same minimiser as 1/2||.||^2 + beta||.||_1.
Runs sklearn in warm-started chunks of growing max_iter, measuring after each chunk the relative duality gap
(P - D)/P of the 1/2-sum problem with the same dual point as nngeom (scaled centred residual); stops at the
target gap or the time cap. Prints a JSON line.

Usage: convex_lasso_sklearn.py DATA.csv BETA TARGET_GAP TIME_CAP_SECONDS"""
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


def gap(w, b0):
    r = y - A @ w - b0
    r = r - r.mean()
    p = 0.5 * r @ r + beta * np.abs(w).sum()
    yc = y - y.mean()
    m = np.abs(A.T @ r).max()
    s = min(1.0, beta / m) if m > 0 else 1.0
    d = s * (r @ yc) - 0.5 * s * s * (r @ r)
    return (p - d) / p, p


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
                  "history": history}))
