"""Item-8 peer: scnn's augmented Lagrangian (AL, its defaults) on the convex ReLU program with the given gates
(float64, unitize_data=False, no bias: give X with a ones column for a bias). Reports its time and the objective of
the ReLU network scnn returns, in nngeom's scaling: 1/2 ||f(X) - y||^2 + beta * sum_j (||v_j||_2 + ||w_j||_2)
(scnn's objective times n, lambda = beta/n), evaluated here from the network's weights (not from scnn's convex
iterate, whose cone constraints may hold only approximately). If scnn is not installed, prints a message, exits 0.

Usage: convex_relu_scnn.py DATA.csv GATES.npy BETA"""
import json
import sys
import time
import numpy as np

try:
    from scnn.models import ConvexReLU
    from scnn.solvers import AL
    from scnn.regularizers import NeuronGL1
    from scnn.metrics import Metrics
    from scnn.optimize import optimize_model
except ImportError as e:
    print(json.dumps({"peer": "scnn AL", "skipped": "scnn is not installed (" + str(e) + ")"}))
    sys.exit(0)

path, gates_path, beta = sys.argv[1], sys.argv[2], float(sys.argv[3])
data = np.loadtxt(path, delimiter=",", skiprows=1)
x, y = data[:, :-1], data[:, -1]
n = x.shape[0]
model = ConvexReLU(np.load(gates_path))
t = time.perf_counter()
net, metrics = optimize_model(model, AL(model), Metrics(), x, y, regularizer=NeuronGL1(beta / n), unitize_data=False,
                              dtype="float64")
seconds = time.perf_counter() - t
W1, W2 = (np.asarray(p) for p in net.parameters)  # (m, d) hidden weights, (c, m) output weights
f = (np.maximum(x @ W1.T, 0) @ W2.T).ravel()
obj = 0.5 * np.sum((f - y) ** 2) + beta * np.sum(np.linalg.norm(W1, axis=1) * np.abs(W2[0]))
print(json.dumps({"peer": "scnn AL", "seconds": seconds, "objective": float(obj), "neurons": int(np.sum(np.abs(W2[0]) > 0))}))
