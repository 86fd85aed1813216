"""Gated models and their cone decomposition: nngeom writes a gated fit on a 10-D regression and the decomposed
ReLU network; `nngeom eval` of both, the PyTorch module nngeom.gated.GatedReLU (loaded with strict=True) and an
independent numpy evaluation of the written tensors must agree on held-out data."""
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.numpy import load_file

from nngeom.gated import GatedReLU

REPO = Path(__file__).resolve().parents[2]
LAUNCHER = Path(os.environ.get("NNGEOM", REPO / "nngeom"))
REL = 1e-6


def _write_csv(path, x, y):
    cols = [f"x{i}" for i in range(x.shape[1])] + ["y"]
    np.savetxt(path, np.column_stack([x, y]), delimiter=",", header=",".join(cols), comments="")


def _data(tmp_path):
    rng = np.random.default_rng(15)
    w = rng.standard_normal((4, 10))
    a = rng.standard_normal(4)
    x = rng.standard_normal((180, 10))
    y = np.maximum(x @ w.T, 0) @ a + 0.05 * rng.standard_normal(180)
    _write_csv(tmp_path / "train.csv", x[:120], y[:120])
    _write_csv(tmp_path / "test.csv", x[120:], y[120:])
    return x[120:]


def _run(*args):
    r = subprocess.run([str(LAUNCHER), *map(str, args)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r


def _eval(model, data, tmp_path, name):
    pred = tmp_path / (name + ".npy")
    _run("eval", "--model", model, "--data", data, "--predictions", pred, "--quiet")
    return np.load(pred)


def _numpy_gated(tensors, x, bias):
    """The gated network from its tensors, written out independently of nngeom and torch."""
    if "mean" in tensors:
        x = (x - tensors["mean"]) / tensors["scale"]
    if bias:
        x = np.hstack([x, np.ones((x.shape[0], 1))])
    g, u = tensors["gates"], tensors["weights"]
    on = (x @ g.T >= 0).astype(float)
    return np.stack([(on * (x @ u[k].T)).sum(axis=1) for k in range(u.shape[0])], axis=1)


def _numpy_relu(model_json, x):
    m = json.loads(Path(model_json).read_text())
    h = x
    for layer in m["layers"]:
        h = h @ np.array(layer["weight"]).T + np.array(layer["bias"])
        if layer["activation"] == "relu":
            h = np.maximum(h, 0)
    return h


def _rel(a, b):
    return np.abs(a - b).max() / max(np.abs(b).max(), 1e-300)


def test_gated_model_decomposition_and_torch_agree_on_held_out_data(tmp_path):
    x_test = _data(tmp_path)
    gated = tmp_path / "gated.safetensors"
    relu = tmp_path / "relu.json"
    out = tmp_path / "fit.json"
    _run("convex", "fit", "--data", tmp_path / "train.csv", "--test", tmp_path / "test.csv", "--method", "gated", "--beta", "0.5",
         "--max-patterns", "100", "--decompose", "--decompose-on", tmp_path / "test.csv", "--out", relu, "--gated-out", gated,
         "--json", out, "--quiet")
    fit = json.loads(out.read_text())
    assert fit["decomposed"] == "exact"
    f_gated = _eval(gated, tmp_path / "test.csv", tmp_path, "gated")
    f_relu = _eval(relu, tmp_path / "test.csv", tmp_path, "relu")
    tensors = load_file(str(gated))
    f_numpy = _numpy_gated(tensors, x_test, bias=True)
    assert _rel(f_gated, f_numpy) <= 1e-12
    assert _rel(f_relu, _numpy_relu(relu, x_test)) <= 1e-12
    assert _rel(f_relu, f_gated) <= REL
    model = GatedReLU.from_file(gated)
    with torch.no_grad():
        f_torch = model(torch.as_tensor(x_test, dtype=torch.float64)).numpy()
    assert _rel(f_torch, f_numpy) <= 1e-12
    assert fit["testMse"] == pytest.approx(float(np.mean((f_gated[:, 0] - np.loadtxt(tmp_path / "test.csv", delimiter=",", skiprows=1)[:, -1]) ** 2)), rel=1e-12)


def test_json_and_safetensors_files_hold_the_same_model(tmp_path):
    x_test = _data(tmp_path)
    for ext in ("json", "safetensors"):
        _run("convex", "fit", "--data", tmp_path / "train.csv", "--method", "gated", "--beta", "0.5", "--max-patterns", "50",
             "--out", tmp_path / ("g." + ext), "--quiet")
    a = _eval(tmp_path / "g.json", tmp_path / "test.csv", tmp_path, "a")
    b = _eval(tmp_path / "g.safetensors", tmp_path / "test.csv", tmp_path, "b")
    assert np.array_equal(a, b)
    m = json.loads((tmp_path / "g.json").read_text())
    assert m["format"] == "nngeom-gated"
    tensors = {"gates": np.array(m["gates"]), "weights": np.array(m["weights"])}
    assert _rel(a, _numpy_gated(tensors, x_test, bias=m["bias"])) <= 1e-12


def test_strict_loading_refuses_a_missing_tensor(tmp_path):
    model = GatedReLU(3, 4, outputs=2)
    with pytest.raises(RuntimeError):
        model.load_state_dict({"gates": torch.zeros(4, 4, dtype=torch.float64)}, strict=True)
