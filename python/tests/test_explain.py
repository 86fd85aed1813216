"""nngeom explain against numpy: a 64-32-16-10 PyTorch MLP trained on the shipped digits data, explained through
nngeom.explain (export + the Java command), and every per-layer dead-unit count, activation-pattern count, H-score and
NC1 recomputed here with numpy from the PyTorch forward pass, to 1e-9 relative."""
import csv
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn

import nngeom

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "core/src/main/resources/io/nngeom/data/real"
REL = 1e-9
EPS = np.finfo(np.float64).eps


def load(part):
    with open(DATA / f"digits-{part}.csv") as f:
        rows = list(csv.reader(f))
    a = np.array(rows[1:], dtype=np.float64)
    return a[:, :-1], a[:, -1].astype(np.int64)


def trained():
    x, y = load("train")
    torch.manual_seed(0)
    m = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 10)).double()
    opt = torch.optim.Adam(m.parameters(), lr=3e-3)
    xt, yt = torch.tensor(x), torch.tensor(y)
    for _ in range(150):
        opt.zero_grad()
        nn.functional.cross_entropy(m(xt), yt).backward()
        opt.step()
    return m, x, y


def layers(m, x):
    """Features of the input and each hidden layer, and the hidden pre-activations, from PyTorch in float64."""
    feats, pre = [x], []
    h = torch.tensor(x)
    with torch.no_grad():
        for mod in m:
            h = mod(h)
            if isinstance(mod, nn.Linear):
                pre.append(h.numpy().copy())
            elif isinstance(mod, nn.ReLU):
                feats.append(h.numpy().copy())
    return feats, pre[:-1]


def pinv(a):
    """Pseudo-inverse with nngeom's cut-off (docs/conventions.md): singular values <= max(m, n) * sigma_max * eps."""
    return np.linalg.pinv(a, rcond=max(a.shape) * EPS)


def hscore(f, y, k):
    mu = f.mean(0)
    lam = (f - mu).T @ (f - mu) / len(f)
    sb = sum((y == c).mean() * np.outer(f[y == c].mean(0) - mu, f[y == c].mean(0) - mu) for c in range(k))
    return 0.5 * np.trace(pinv(lam) @ sb)


def nc1(f, y, k):
    mu = f.mean(0)
    means = np.array([f[y == c].mean(0) for c in range(k)])
    sb = (means - mu).T @ (means - mu) / k
    d = f - means[y]
    sw = d.T @ d / len(f)
    return np.trace(sw @ pinv(sb)) / k


@pytest.fixture(scope="module")
def explained(tmp_path_factory):
    if shutil.which("java") is None:
        pytest.skip("java is not on PATH: nngeom explain needs the Java toolkit")
    os.environ.setdefault("NNGEOM", str(REPO / "nngeom"))  # the installed package finds the repository's launcher
    m, x, y = trained()
    out = tmp_path_factory.mktemp("explain") / "report"
    result = nngeom.explain(m, x, y, out=out, segments=10, planes=1, show=False)
    return m, x, y, out, result


def close(a, b):
    return abs(a - b) <= REL * max(abs(a), abs(b), 1e-300)


def test_report_and_json_are_written(explained):
    m, x, y, out, r = explained
    assert (out / "index.html").is_file()
    assert r["command"] == "explain" and r["architecture"] == "64-32-16-10"
    assert [l["layer"] for l in r["layers"]] == [0, 1, 2]
    assert r["samples"] == len(x) and r["classes"] == 10


def test_dead_units_and_patterns_agree_with_numpy(explained):
    m, x, y, out, r = explained
    feats, pre = layers(m, x)
    bits = np.zeros((len(x), 0), dtype=bool)
    for l, z in enumerate(pre, start=1):
        act = r["layers"][l]["activity"]
        on = z > 0
        assert act["deadUnits"] == int((~on.any(0)).sum())
        assert act["alwaysActiveUnits"] == int(on.all(0).sum())
        np.testing.assert_allclose(act["rates"], on.mean(0), rtol=0, atol=1e-15)
        bits = np.hstack([bits, on])
        assert r["layers"][l]["regions"]["patternsOnData"] == len({row.tobytes() for row in bits})


def test_hscores_agree_with_numpy(explained):
    m, x, y, out, r = explained
    feats, _ = layers(m, x)
    for l, f in enumerate(feats):
        got = r["layers"][l]["featureGeometry"]["hScore"]
        want = hscore(f, y, 10)
        assert close(got, want), (l, got, want)
        assert r["layers"][l]["featureGeometry"]["hScoreMax"] == 4.5
        assert 0 <= got <= 4.5 + 1e-9


def test_nc1_agrees_with_numpy(explained):
    m, x, y, out, r = explained
    feats, _ = layers(m, x)
    for l, f in enumerate(feats):
        got = r["layers"][l]["collapse"]["nc1"]
        want = nc1(f, y, 10)
        assert close(got, want), (l, got, want)


def test_the_local_regime_is_stated(explained):
    m, x, y, out, r = explained
    og = r["layers"][-1]["featureGeometry"]["output"]
    assert og["epsilon"] == pytest.approx(3.0, rel=1e-12)  # sqrt(K - 1): labels are a function of the input
    assert og["localRegime"] is False and "outside the local regime" in og["statement"]
