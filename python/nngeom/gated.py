"""Gated-ReLU models written by ``nngeom convex fit --method gated --out FILE.safetensors`` as a PyTorch module.

The model (format ``nngeom-gated``, docs/formats.md) is

    f_k(x) = sum_i 1[g_i . x~ >= 0] * (u_ki . x~),   x~ = [s(x), 1] with a bias, s(x) without,

with s(x) = (x - mean) / scale when the file holds ``mean`` and ``scale`` (a standardising model), else s(x) = x.
The gates g_i are fixed (a buffer); the weights u are the trained parameters. The state dict holds exactly the
file's tensors (``gates`` (m, q), ``weights`` (c, m, q), and ``mean``, ``scale`` (d) when present), so the file
loads with ``strict=True``::

    from nngeom.gated import GatedReLU
    model = GatedReLU.from_file("gated.safetensors")      # float64
    y = model(torch.as_tensor(x, dtype=torch.float64))   # (n, c)
"""
import torch
import torch.nn as nn
from safetensors import safe_open
from safetensors.torch import load_file

FORMAT = "nngeom-gated"
VERSION = "1"


class GatedReLU(nn.Module):
    """f(x) = sum_i 1[g_i . x~ >= 0] u_i . x~ for c outputs; see the module docstring."""

    def __init__(self, inputs, gates, outputs=1, bias=True, standardize=False, dtype=torch.float64):
        super().__init__()
        q = inputs + (1 if bias else 0)
        self.bias = bias
        self.register_buffer("gates", torch.zeros(gates, q, dtype=dtype))
        self.weights = nn.Parameter(torch.zeros(outputs, gates, q, dtype=dtype))
        if standardize:
            self.register_buffer("mean", torch.zeros(inputs, dtype=dtype))
            self.register_buffer("scale", torch.ones(inputs, dtype=dtype))
        else:
            self.mean = None
            self.scale = None

    def features(self, x):
        """x~: standardised inputs, with a ones column when the model has a bias."""
        if self.mean is not None:
            x = (x - self.mean) / self.scale
        if self.bias:
            x = torch.cat([x, torch.ones(x.shape[0], 1, dtype=x.dtype)], dim=1)
        return x

    def forward(self, x):
        xt = self.features(x)
        on = (xt @ self.gates.T >= 0).to(xt.dtype)                    # (n, m)
        return torch.einsum("ni,kij,nj->nk", on, self.weights, xt)   # (n, c)

    @classmethod
    def from_file(cls, path):
        """The module of a gated safetensors file, its tensors loaded with strict=True."""
        with safe_open(str(path), framework="pt") as f:
            meta = f.metadata() or {}
        if meta.get("format") != FORMAT or meta.get("format_version") != VERSION:
            raise ValueError(f"{path}: not an {FORMAT} version {VERSION} file (metadata {meta})")
        tensors = load_file(str(path))
        outputs, gates, q = tensors["weights"].shape
        bias = meta.get("bias") == "true"
        model = cls(q - 1 if bias else q, gates, outputs, bias, "mean" in tensors, tensors["weights"].dtype)
        model.load_state_dict(tensors, strict=True)
        return model
