#!/usr/bin/env python3
"""Evaluates an explicit minimizer written by `nngeom minimizers build` independently of nngeom.

    nngeom minimizers build --generate 3,300,0.3,7 --layers 3 --out m.safetensors --json r.json --save-data d.csv
    python3 scripts/check_minimizer_cost.py m.safetensors d.csv [r.json]

Reads the safetensors weights with the `safetensors` package (numpy), runs the ReLU network in float64 with
numpy, and (when torch is installed) once more as a torch.nn.Sequential loaded with strict=True; prints
C2 = (1/N) sum |f(x) - y|^2 with one-hot targets from the CSV's last (label) column, and C = sqrt(C2), next to
nngeom's values from r.json. Not used by the Java tests.
"""
import csv
import json
import sys

import numpy as np
from safetensors.numpy import load_file


def load_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    body = np.array([[float(v) for v in r] for r in rows[1:]])
    x = body[:, :-1]
    labels = body[:, -1].astype(int)
    y = np.eye(labels.max() + 1)[labels]
    return x, y


def layers_of(tensors):
    keys = sorted({int(k.split(".")[0]) for k in tensors})
    return [(tensors[f"{i}.weight"], tensors[f"{i}.bias"]) for i in keys]


def main():
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    tensors = load_file(sys.argv[1])
    x, y = load_csv(sys.argv[2])
    linear = layers_of(tensors)
    a = x
    for i, (w, b) in enumerate(linear):
        a = a @ w.astype(np.float64).T + b.astype(np.float64)
        if i < len(linear) - 1:
            a = np.maximum(a, 0.0)
    c2 = float(np.mean(np.sum((a - y) ** 2, axis=1)))
    print(f"numpy : C2 = {c2:.6e}, C = {np.sqrt(c2):.6e}  (N = {len(x)}, layers {len(linear)}, keys {sorted(tensors)})")
    try:
        import torch
        mods = []
        for i, (w, b) in enumerate(linear):
            lin = torch.nn.Linear(w.shape[1], w.shape[0]).double()
            mods.append(lin)
            if i < len(linear) - 1:
                mods.append(torch.nn.ReLU())
        net = torch.nn.Sequential(*mods)
        state = {k: torch.from_numpy(np.asarray(v, dtype=np.float64)) for k, v in tensors.items()}
        net.load_state_dict(state, strict=True)
        with torch.no_grad():
            out = net(torch.from_numpy(x))
        c2t = float(torch.mean(torch.sum((out - torch.from_numpy(y)) ** 2, dim=1)))
        print(f"torch : C2 = {c2t:.6e}, C = {np.sqrt(c2t):.6e}")
    except ImportError:
        print("torch : not installed")
    if len(sys.argv) == 4:
        r = json.load(open(sys.argv[3]))
        print(f"nngeom: C2 = {r['cost']:.6e}, C = {r['costSqrt']:.6e}")


if __name__ == "__main__":
    main()
