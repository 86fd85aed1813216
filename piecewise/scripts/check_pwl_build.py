#!/usr/bin/env python3
"""Independent check of `nngeom pwl build` on a 2-D triangulation (numpy + scipy only, no nngeom code).

    python3 piecewise/scripts/check_pwl_build.py make SPEC.json [INTERIOR] [SEED]
        writes a random PL function on [0,1]^2: scipy Delaunay triangulation of the corners plus INTERIOR random
        points (default 12), N(0,1) vertex values, in the nngeom spec format {"type": "triangulation", ...}
    python3 piecewise/scripts/check_pwl_build.py check SPEC.json MODEL.safetensors [POINTS] [TOL]
        evaluates the ReLU network in MODEL (read with safetensors/numpy: layers W,b in file order, ReLU between,
        identity output) and the spec (barycentric interpolation in the containing triangle) at POINTS random points
        of the triangulated domain (default 100000); prints the max |net - spec|; exit 1 if it exceeds TOL (1e-9).
"""
import json
import re
import sys

import numpy as np


def make(path, interior=12, seed=7):
    from scipy.spatial import Delaunay
    rng = np.random.default_rng(seed)
    pts = np.vstack([[0, 0], [1, 0], [1, 1], [0, 1], 0.05 + 0.9 * rng.random((interior, 2))])
    tri = Delaunay(pts).simplices
    vals = rng.standard_normal(len(pts))
    spec = {"type": "triangulation", "vertices": pts.tolist(), "triangles": tri.tolist(), "values": vals.tolist()}
    with open(path, "w") as f:
        json.dump(spec, f)


def load_layers(path):
    from safetensors.numpy import load_file
    t = load_file(path)
    names = sorted({re.sub(r"\.(weight|bias)$", "", k) for k in t}, key=lambda s: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", s)])
    return [(t[n + ".weight"].astype(np.float64), t[n + ".bias"].astype(np.float64)) for n in names]


def net(layers, x):
    a = x
    for i, (w, b) in enumerate(layers):
        a = a @ w.T + b
        if i < len(layers) - 1:
            a = np.maximum(a, 0.0)
    return a[:, 0]


def spec_values(spec, x):
    v = np.asarray(spec["vertices"], dtype=np.float64)
    t = np.asarray(spec["triangles"], dtype=np.int64)
    f = np.asarray(spec["values"], dtype=np.float64)
    out = np.full(len(x), np.nan)
    best = np.full(len(x), -np.inf)
    for tri in t:
        p0, p1, p2 = v[tri]
        m = np.column_stack([p1 - p0, p2 - p0])
        lam = np.linalg.solve(m, (x - p0).T).T
        l0 = 1 - lam[:, 0] - lam[:, 1]
        mn = np.minimum(np.minimum(lam[:, 0], lam[:, 1]), l0)
        take = mn > best
        best = np.where(take, mn, best)
        out = np.where(take, l0 * f[tri[0]] + lam[:, 0] * f[tri[1]] + lam[:, 1] * f[tri[2]], out)
    return out, best


def check(spec_path, model_path, points=100000, tol=1e-9):
    spec = json.load(open(spec_path))
    layers = load_layers(model_path)
    rng = np.random.default_rng(123)
    v = np.asarray(spec["vertices"], dtype=np.float64)
    lo, hi = v.min(axis=0), v.max(axis=0)
    x = lo + (hi - lo) * rng.random((points, 2))
    fs, inside = spec_values(spec, x)
    keep = inside >= -1e-12
    err = np.max(np.abs(net(layers, x[keep]) - fs[keep]))
    print(f"layers={len(layers)} hidden_units={sum(w.shape[0] for w, _ in layers[:-1])} points={keep.sum()} "
          f"max|net-spec|={err:.3e}")
    return 0 if err <= tol else 1


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "make":
        make(sys.argv[2], *(int(a) for a in sys.argv[3:5]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 100000,
                       float(sys.argv[5]) if len(sys.argv) > 5 else 1e-9))
    else:
        sys.exit(__doc__)
