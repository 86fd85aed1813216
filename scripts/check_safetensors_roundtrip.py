#!/usr/bin/env python3
"""Checks by hand that PyTorch loads an nngeom-written .safetensors model and reproduces nngeom's outputs.

    python3 scripts/check_safetensors_roundtrip.py MODEL.safetensors INPUTS.npy OUTPUTS.npy [TOL]

MODEL was written by nngeom (ModelIo.write / any command's --out m.safetensors); OUTPUTS.npy are nngeom's outputs
on INPUTS.npy (rows are examples). The script builds the matching torch.nn.Sequential(Linear, Act, ..., Linear)
from the tensors and the __metadata__ activations, loads the state dict with strict=True (so every key and shape
must match), evaluates in float64 and prints the largest absolute difference. Exit status 1 if it exceeds TOL
(default 1e-12). Needs torch, safetensors and numpy; not used by the Java tests.
"""
import re
import sys

import numpy as np
import torch
from safetensors import safe_open
from safetensors.torch import load_file


def activation(name):
    name = name.strip().lower()
    if name == "relu":
        return torch.nn.ReLU()
    if name == "tanh":
        return torch.nn.Tanh()
    if name == "sigmoid":
        return torch.nn.Sigmoid()
    if name == "softplus":
        return torch.nn.Softplus()
    if name in ("identity", "linear"):
        return None
    if name.startswith("leaky-relu"):
        alpha = float(name.split(":", 1)[1]) if ":" in name else 0.01
        return torch.nn.LeakyReLU(alpha)
    raise SystemExit(f"unknown activation {name!r}")


def main():
    if len(sys.argv) not in (4, 5):
        raise SystemExit(__doc__)
    path, xin, yout = sys.argv[1:4]
    tol = float(sys.argv[4]) if len(sys.argv) == 5 else 1e-12
    with safe_open(path, framework="pt") as f:
        meta = f.metadata() or {}
    state = load_file(path)
    idx = sorted({int(re.match(r"(\d+)\.weight$", k).group(1)) for k in state if k.endswith(".weight")})
    acts = meta["activations"].split(",") if "activations" in meta else [meta["activation"]] * (len(idx) - 1) + ["identity"]
    modules = []
    for layer, i in enumerate(idx):
        while len(modules) < i:  # fill Sequential positions between Linear layers
            modules.append(torch.nn.Identity())
        out_f, in_f = state[f"{i}.weight"].shape
        modules.append(torch.nn.Linear(in_f, out_f, dtype=torch.float64))
        act = activation(acts[layer])
        if act is not None or layer < len(idx) - 1:
            modules.append(act if act is not None else torch.nn.Identity())
    model = torch.nn.Sequential(*modules)
    model.load_state_dict(state, strict=True)
    x = torch.from_numpy(np.load(xin)).to(torch.float64)
    expected = np.load(yout)
    with torch.no_grad():
        got = model(x).numpy()
    if got.shape != expected.shape:
        raise SystemExit(f"shape mismatch: PyTorch {got.shape}, nngeom {expected.shape}")
    diff = float(np.max(np.abs(got - expected)))
    print(f"{path}: {model}")
    print(f"max |PyTorch - nngeom| = {diff:.3e} on {x.shape[0]} inputs (tolerance {tol:g})")
    sys.exit(0 if diff <= tol else 1)


if __name__ == "__main__":
    main()
