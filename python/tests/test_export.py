"""nngeom.export against PyTorch's own outputs: each kind of model is exported, evaluated by `nngeom eval`
(the Java toolkit, through the repository's launcher) and compared with the module in float64 at 1e-12."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn
from safetensors import safe_open

import nngeom
from nngeom import UnsupportedModel

REPO = Path(__file__).resolve().parents[2]
LAUNCHER = Path(os.environ.get("NNGEOM", REPO / "nngeom"))
TOL = 1e-12


class Fc(nn.Module):
    """Attribute names that sort differently from the forward order (fc1, fc2, fc10)."""

    def __init__(self):
        super().__init__()
        self.fc10 = nn.Linear(5, 2)
        self.fc1 = nn.Linear(3, 8)
        self.fc2 = nn.Linear(8, 5)

    def forward(self, x):
        return self.fc10(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


class HiddenOut(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(3, 6, bias=False)
        self.act = nn.LeakyReLU(0.1)
        self.drop = nn.Dropout(0.5)
        self.out = nn.Linear(6, 2)

    def forward(self, x):
        return self.out(self.drop(self.act(self.hidden(x))))


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(3, 3)

    def forward(self, x):
        return x + self.a(x)


def _bn(n):
    bn = nn.BatchNorm1d(n)
    with torch.no_grad():
        bn.running_mean.uniform_(-1, 1)
        bn.running_var.uniform_(0.2, 2)
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.5, 0.5)
    return bn


def models():
    torch.manual_seed(13)
    return {
        "sequential": nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 2)),
        "linear-linear": nn.Sequential(nn.Linear(3, 6), nn.ReLU(), nn.Linear(6, 4), nn.Linear(4, 2)),
        "nested": nn.Sequential(nn.Sequential(nn.Linear(3, 6), nn.ReLU()),
                                nn.Sequential(nn.Sequential(nn.Linear(6, 5), nn.Tanh()), nn.Identity()),
                                nn.Linear(5, 2)),
        "fc1-fc2-fc10": Fc(),
        "hidden-out": HiddenOut(),
        "batchnorm": nn.Sequential(_bn(3), nn.Linear(3, 7), _bn(7), nn.ReLU(), nn.Dropout(0.2),
                                   nn.Linear(7, 5), nn.ReLU(), _bn(5), nn.Linear(5, 2), nn.Sigmoid()),
        "flatten": nn.Sequential(nn.Flatten(), nn.Linear(3, 4), nn.LeakyReLU(), nn.Linear(4, 2)),
    }


DTYPES = {"float64": torch.float64, "float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}


def _eval_outputs(model_file, x, width, tmp_path):
    data = tmp_path / "data.npz"
    np.savez(data, x=x, y=np.zeros((x.shape[0], width)))
    pred = tmp_path / "pred.npy"
    if shutil.which("java") is None:
        pytest.skip("java is not on PATH: the comparison with nngeom eval needs the Java toolkit")
    r = subprocess.run([str(LAUNCHER), "eval", "--model", str(model_file), "--data", str(data), "--predictions", str(pred)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return np.load(pred)


CASES = [(kind, "float64") for kind in models()] + [(kind, d) for kind in ("sequential", "batchnorm") for d in DTYPES
                                                    if d != "float64"]


@pytest.mark.parametrize("kind,dtype", CASES)
def test_nngeom_eval_equals_pytorch(kind, dtype, tmp_path):
    model = models()[kind].to(DTYPES[dtype]).eval()
    x = torch.randn(50, 3, generator=torch.Generator().manual_seed(7), dtype=torch.float64)
    path = tmp_path / "m.safetensors"
    nngeom.export(model, path, x)
    with torch.no_grad():
        want = model.to(torch.float64)(x).numpy()  # the same weights, widened exactly, evaluated in float64
    got = _eval_outputs(path, x.numpy(), want.shape[1], tmp_path)
    assert got.shape == want.shape
    err = np.abs(got - want).max()
    assert err <= TOL * max(1.0, np.abs(want).max()), f"{kind} {dtype}: max difference {err}"


def test_file_keeps_names_dtypes_and_forward_order(tmp_path):
    model = Fc().to(torch.bfloat16)
    path = tmp_path / "m.safetensors"
    nngeom.export(model, path)
    with safe_open(str(path), "pt") as f:
        graph = json.loads(f.metadata()["nngeom_graph"])
        assert f.get_tensor("fc10.weight").dtype == torch.bfloat16
    weights = [op["weight"] for op in graph["ops"] if op["op"] == "linear"]
    assert weights == ["fc1.weight", "fc2.weight", "fc10.weight"]


@pytest.mark.parametrize("module,name", [
    (nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Conv1d(1, 1, 1)), "layer '2' (Conv1d)"),
    (nn.Sequential(nn.Linear(3, 4), nn.GELU(), nn.Linear(4, 1)), "layer '1' (GELU)"),
    (Residual(), "operation 'add' does not take just the previous layer's output (branches or residual connections"),
])
def test_unsupported_modules_are_refused_by_name(module, name):
    with pytest.raises(UnsupportedModel, match=name.replace("(", r"\(").replace(")", r"\)")):
        nngeom.export(module, "never-written.safetensors")
    assert not Path("never-written.safetensors").exists()


def test_command_line_exports_a_torch_save_file(tmp_path):
    model = models()["batchnorm"].eval()
    pt = tmp_path / "m.pt"
    torch.save(model, pt)
    out = tmp_path / "m.safetensors"
    r = subprocess.run([sys.executable, "-m", "nngeom.export", str(pt), str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    x = torch.randn(20, 3, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
    with torch.no_grad():
        want = model.to(torch.float64)(x).numpy()
    got = _eval_outputs(out, x.numpy(), 2, tmp_path)
    assert np.abs(got - want).max() <= TOL


def test_command_line_refuses_a_state_dict_in_one_line(tmp_path):
    pt = tmp_path / "sd.pt"
    torch.save(models()["sequential"].state_dict(), pt)
    r = subprocess.run([sys.executable, "-m", "nngeom.export", str(pt), str(tmp_path / "o.safetensors")],
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "holds a state dict, not a module" in r.stderr
    assert not (tmp_path / "o.safetensors").exists()
