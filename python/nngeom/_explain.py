"""``nngeom.explain(module, X, y, out=...)``: run ``nngeom explain`` on an in-memory PyTorch model.

The model is exported with :func:`nngeom.export` and the data saved as NPZ in a temporary directory; the Java
toolkit (the repository's ``nngeom`` launcher, or the command named by the ``NNGEOM`` environment variable, or
``nngeom`` on PATH) writes the HTML report into ``out`` and the JSON result, which is returned as a dict. In Jupyter
the report's curves are shown inline. Python never computes the lenses itself: the numbers are the command's.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np


class ExplainError(RuntimeError):
    """``nngeom explain`` failed; the message is its stderr (one line for bad input)."""


def launcher():
    """The command that runs nngeom: $NNGEOM, the repository's launcher next to this package, or nngeom on PATH."""
    env = os.environ.get("NNGEOM")
    if env:
        return env
    repo = Path(__file__).resolve().parents[2] / "nngeom"
    if repo.is_file():
        return str(repo)
    found = shutil.which("nngeom")
    if found:
        return found
    raise ExplainError("nngeom not found: set NNGEOM to the launcher, or put nngeom on PATH")


def explain(module, X, y, out, classes=None, test=None, beta=None, segments=None, planes=None, seed=None,
            quiet=True, show=True):
    """Explains ``module`` on (X, y); writes ``out/index.html`` and returns the JSON result as a dict.

    X: inputs (n × d array or tensor). y: class labels (integers) or real targets. ``classes`` defaults to whether y
    holds integers. ``test``: optional (X_test, y_test). ``beta``, ``segments``, ``planes``, ``seed``: the command's
    options of the same names.
    """
    from nngeom._export import export

    X = _array(X)
    y = _array(y)
    if classes is None:
        classes = np.issubdtype(y.dtype, np.integer)
    with tempfile.TemporaryDirectory(prefix="nngeom-explain-") as tmp:
        tmp = Path(tmp)
        model = tmp / "model.safetensors"
        import torch

        export(module, model, torch.as_tensor(X[: min(len(X), 8)]))
        data = tmp / "data.npz"
        np.savez(data, x=X, y=_targets(y, classes))
        cmd = [launcher(), "explain", "--model", str(model), "--data", str(data), "--out", str(out),
               "--json", str(tmp / "result.json")]
        if classes:
            cmd.append("--classes")
        if test is not None:
            tfile = tmp / "test.npz"
            np.savez(tfile, x=_array(test[0]), y=_targets(_array(test[1]), classes))
            cmd += ["--test", str(tfile)]
        for name, value in (("--beta", beta), ("--segments", segments), ("--planes", planes), ("--seed", seed)):
            if value is not None:
                cmd += [name, str(value)]
        if quiet:
            cmd.append("--quiet")
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise ExplainError(r.stderr.strip() or f"nngeom explain exited with status {r.returncode}")
        result = json.loads((tmp / "result.json").read_text())
    if show:
        _show(Path(out))
    return result


def _array(a):
    if hasattr(a, "detach"):
        a = a.detach().cpu().numpy()
    return np.asarray(a)


def _targets(y, classes):
    if classes:
        return y.astype(np.int64).reshape(-1)
    return y.astype(np.float64)


def _show(out):
    """Shows the curves inline when running under IPython (Jupyter); does nothing elsewhere."""
    if "IPython" not in sys.modules:
        return
    try:
        from IPython.display import Image, display
    except ImportError:
        return
    for name in ("explain-hscore", "explain-collapse", "explain-patterns", "explain-segments"):
        png = out / f"{name}.png"
        if png.is_file():
            display(Image(filename=str(png)))
