"""Benchmark (b) peer: scnn's R-FISTA on the gated-ReLU group lasso with the given gates (float64,
unitize_data=False, no bias). scnn minimises ||sum_i D_i X u_i - y||^2/(2n) + lam sum_i ||u_i||_2 (ConvexMLP's
objective divides the squared error by 2*len(y); NeuronGL1 adds lam * sum of group norms), so lam = beta/n
matches nngeom's 1/2||.||^2 + beta sum||u_i|| up to the factor n.

scnn turns the gates into activation patterns with np.unique(..., axis=1), which SORTS the patterns and drops
duplicate and all-zero ones, and it returns the kept gates, in that order, as the model's G. The weights must
therefore be paired with the returned model's G, not with the gates passed in (pairing them with the input
order evaluated a scrambled network: objective 800.04 instead of about 18.9 in the first run). Merging duplicate
patterns and dropping empty ones does not change the optimal value of the group lasso.

Reports scnn's solve time, its solution's objective in nngeom's scaling, scnn's own objective times n as a
cross-check of the scaling, and scnn's stopping measure recomputed from the solution (squared norm of the
minimum-norm subgradient, scnn's scaling; at most tol when scnn stopped on its rule). If scnn is not installed, prints a message and exits 0.

Usage: convex_gated_scnn.py DATA.csv GATES.npy BETA TOL"""
import json
import sys
import time
import numpy as np

try:
    from scnn.models import ConvexGatedReLU
    from scnn.solvers import RFISTA
    from scnn.regularizers import NeuronGL1
    from scnn.metrics import Metrics
    from scnn.optimize import optimize_model
except ImportError as e:
    print(json.dumps({"peer": "scnn", "skipped": "scnn is not installed (" + str(e) + ")"}))
    sys.exit(0)

path, gates_path, beta, tol = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
data = np.loadtxt(path, delimiter=",", skiprows=1)
x, y = data[:, :-1], data[:, -1]
n = x.shape[0]
G = np.load(gates_path)
model = ConvexGatedReLU(G)
solver = RFISTA(model, max_iters=100000, tol=tol)
t = time.perf_counter()
cvx, metrics = optimize_model(model, solver, Metrics(), x, y, regularizer=NeuronGL1(beta / n), return_convex=True,
                              unitize_data=False, dtype="float64")
seconds = time.perf_counter() - t
Gk = np.asarray(cvx.G)  # d x p: the gates scnn kept, in its (sorted) order
U = np.asarray(cvx.parameters[0]).reshape(Gk.shape[1], x.shape[1])  # p x d, row i pairs with column i of Gk
D = (x @ Gk > 0).astype(float)  # scnn's pattern: relu(X g) > 0
pred = np.sum(D * (x @ U.T), axis=1)
obj = 0.5 * np.sum((pred - y) ** 2) + beta * np.linalg.norm(U, axis=1).sum()
# cross-checks: scnn's own forward pass of the returned model, and scnn's last recorded objective times n
pred_scnn = np.ravel(np.asarray(cvx(x)))
own = float(np.asarray(metrics.objective)[-1]) * n if len(metrics.objective) else float("nan")
# scnn's stopping measure recomputed here from its solution (GradientNorm with GroupL1Regularizer.grad): the
# squared norm of the minimum-norm subgradient of F = ||.||^2/(2n) + lam sum ||u_i||; it should be <= tol, and
# nngeom's --stop gradient uses the same measure
lam = beta / n
h = ((pred - y) / n)[:, None] * D  # n x p: residual/n masked by each pattern
H = h.T @ x  # p x d: gradient of the smooth part per group
un = np.linalg.norm(U, axis=1)
hn = np.linalg.norm(H, axis=1)
sub = np.where(un[:, None] > 0, H + lam * U / np.where(un > 0, un, 1)[:, None],
               H * np.maximum(0, 1 - lam / np.where(hn > 0, hn, np.inf))[:, None])
stationarity = float(np.sum(sub ** 2))
print(json.dumps({"peer": "scnn R-FISTA", "seconds": seconds, "objective": obj,
                  "activeGroups": int(np.sum(np.linalg.norm(U, axis=1) > 0)), "gatesKept": int(Gk.shape[1]),
                  "maxPredictionDifferenceVsScnnForward": float(np.max(np.abs(pred - pred_scnn))),
                  "scnnLastRecordedObjectiveTimesN": own, "stationarity": stationarity, "tol": tol}))
