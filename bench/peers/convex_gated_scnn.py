"""Benchmark (b) peer: scnn's R-FISTA on the gated-ReLU group lasso with the given gates (float64,
unitize_data=False, no bias). scnn minimises ||sum_i D_i X u_i - y||^2/(2n) + lam sum_i ||u_i||_2, so
lam = beta/n matches nngeom's 1/2||.||^2 + beta sum||u_i||. Reports scnn's solve time and its solution's
objective in nngeom's scaling. If scnn is not installed, prints a message and exits 0.

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
U = np.asarray(cvx.parameters[0]).reshape(G.shape[1], x.shape[1])  # p x d
D = (x @ G >= 0).astype(float)
pred = np.einsum("ij,ij->i", D @ U, x)
obj = 0.5 * np.sum((pred - y) ** 2) + beta * np.linalg.norm(U, axis=1).sum()
print(json.dumps({"peer": "scnn R-FISTA", "seconds": seconds, "objective": obj,
                  "activeGroups": int(np.sum(np.linalg.norm(U, axis=1) > 0)), "tol": tol}))
