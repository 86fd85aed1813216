"""Export a PyTorch MLP to safetensors with its forward pass in the metadata (``nngeom_graph``).

The forward order is never guessed from parameter names: the module is traced with ``torch.fx`` and the traced
graph must be a single chain of supported operations (docs/formats.md, "The Python exporter"). Command line::

    python -m nngeom.export MODEL.pt OUT.safetensors   # a module saved with torch.save(model, MODEL.pt)
"""
import json
import operator
import sys

import torch
import torch.fx
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import save_file

GRAPH_KEY = "nngeom_graph"
GRAPH_VERSION = 1
_ACT_MODULES = {nn.ReLU: "relu", nn.Tanh: "tanh", nn.Sigmoid: "sigmoid"}
_NOOP_MODULES = {nn.Identity: "identity", nn.Flatten: "flatten", nn.Dropout: "dropout"}
_ACT_FUNCTIONS = {torch.relu: "relu", F.relu: "relu", torch.tanh: "tanh", torch.sigmoid: "sigmoid",
                  F.leaky_relu: "leaky_relu", torch.flatten: "flatten", F.dropout: "dropout"}
_ACT_METHODS = {"relu": "relu", "tanh": "tanh", "sigmoid": "sigmoid", "flatten": "flatten"}


class UnsupportedModel(ValueError):
    """The module holds a layer or a connection nngeom cannot represent (named in the message)."""


def _module_op(name, mod, tensors):
    if isinstance(mod, nn.Linear):
        tensors[name + ".weight"] = mod.weight
        op = {"op": "linear", "weight": name + ".weight", "bias": None}
        if mod.bias is not None:
            tensors[name + ".bias"] = mod.bias
            op["bias"] = name + ".bias"
        return op
    if isinstance(mod, nn.BatchNorm1d):
        if mod.running_mean is None or mod.running_var is None:
            raise UnsupportedModel(f"layer '{name}' (BatchNorm1d) keeps no running statistics "
                                   "(track_running_stats=False), so it has no eval-mode affine map")
        op = {"op": "batchnorm", "weight": None, "bias": None, "mean": name + ".running_mean",
              "var": name + ".running_var", "eps": float(mod.eps)}
        tensors[name + ".running_mean"] = mod.running_mean
        tensors[name + ".running_var"] = mod.running_var
        if mod.affine:
            tensors[name + ".weight"] = mod.weight
            tensors[name + ".bias"] = mod.bias
            op["weight"], op["bias"] = name + ".weight", name + ".bias"
        return op
    if isinstance(mod, nn.LeakyReLU):
        return {"op": "leaky_relu", "slope": float(mod.negative_slope)}
    for kind, op in list(_ACT_MODULES.items()) + list(_NOOP_MODULES.items()):
        if type(mod) is kind:
            if kind is nn.Flatten and mod.end_dim != -1:
                raise UnsupportedModel(f"layer '{name}' (Flatten with end_dim={mod.end_dim}) is not supported")
            return {"op": op}
    raise UnsupportedModel(f"layer '{name}' ({type(mod).__name__}) is not supported by nngeom "
                           "(Linear, BatchNorm1d, ReLU, LeakyReLU, Tanh, Sigmoid, Identity, Flatten, Dropout)")


def _function_op(node):
    target = node.target
    if node.op == "call_method":
        if target not in _ACT_METHODS:
            raise UnsupportedModel(f"operation '{node.name}' (tensor method .{target}()) is not supported by nngeom")
        return {"op": _ACT_METHODS[target]}
    if target not in _ACT_FUNCTIONS:
        what = getattr(target, "__name__", str(target))
        hint = " (a residual connection?)" if target in (operator.add, torch.add) else ""
        raise UnsupportedModel(f"operation '{node.name}' ({what}){hint} is not supported by nngeom")
    kind = _ACT_FUNCTIONS[target]
    if kind == "leaky_relu":
        slope = node.args[1] if len(node.args) > 1 else node.kwargs.get("negative_slope", 0.01)
        return {"op": kind, "slope": float(slope)}
    return {"op": kind}


def graph_of(module):
    """The forward pass of ``module`` as (ops, tensors): ops in order, tensors by the names the ops use.

    Raises UnsupportedModel naming the first layer or connection that is not a plain chain of supported layers.
    """
    try:
        traced = torch.fx.symbolic_trace(module)
    except Exception as e:  # fx raises many kinds for data-dependent control flow
        raise UnsupportedModel(f"cannot trace the module with torch.fx: {str(e).splitlines()[0]}") from e
    modules = dict(traced.named_modules())
    ops, tensors, previous = [], {}, None
    for node in traced.graph.nodes:
        if node.op == "placeholder":
            if previous is not None:
                raise UnsupportedModel(f"the module takes more than one input ('{node.name}')")
            previous = node
            continue
        if node.op == "output":
            if node.args[0] is not previous:
                raise UnsupportedModel("the module's output is not the result of its last layer")
            continue
        tensor_args = [a for a in list(node.args) + list(node.kwargs.values()) if isinstance(a, torch.fx.Node)]
        if tensor_args != [previous]:
            raise UnsupportedModel(f"operation '{node.name}' does not take just the previous layer's output "
                                   "(branches or residual connections are not supported)")
        if node.op == "call_module":
            ops.append(_module_op(node.target, modules[node.target], tensors))
        elif node.op in ("call_function", "call_method"):
            ops.append(_function_op(node))
        else:
            raise UnsupportedModel(f"operation '{node.name}' ({node.op} {node.target}) is not supported by nngeom")
        previous = node
    if not any(op["op"] == "linear" for op in ops):
        raise UnsupportedModel("the module has no Linear layer")
    return ops, tensors


def _apply(ops, tensors, x):
    """The exported chain evaluated in float64 with plain torch operations (a check of the export)."""
    t = {k: v.detach().to(torch.float64) for k, v in tensors.items()}
    for op in ops:
        k = op["op"]
        if k == "linear":
            x = x @ t[op["weight"]].T + (t[op["bias"]] if op["bias"] else 0)
        elif k == "batchnorm":
            x = (x - t[op["mean"]]) / torch.sqrt(t[op["var"]] + op["eps"])
            if op["weight"]:
                x = x * t[op["weight"]] + t[op["bias"]]
        elif k == "relu":
            x = torch.clamp(x, min=0)
        elif k == "leaky_relu":
            x = torch.where(x > 0, x, x * op["slope"])
        elif k == "tanh":
            x = torch.tanh(x)
        elif k == "sigmoid":
            x = torch.sigmoid(x)
        elif k == "flatten":
            x = x.reshape(x.shape[0], -1)
    return x


def export(module, path, example_input=None):
    """Writes ``module`` (evaluated as in eval mode) to the safetensors file ``path`` for nngeom.

    Tensors keep their names (``fc1.weight``, ``net.0.bias``, ...) and dtypes (float16, bfloat16, float32,
    float64); the metadata entry ``nngeom_graph`` lists the forward operations in order. With ``example_input``
    (a tensor of inputs, one row per example) the written chain is evaluated in float64 and compared with the
    module itself in float64; a difference above 1e-9 (relative) raises. Returns the list of operations.
    """
    ops, tensors = graph_of(module)
    if example_input is not None:
        import copy
        ref = copy.deepcopy(module).to(torch.float64).eval()
        x = example_input.detach().to(torch.float64)
        with torch.no_grad():
            want = ref(x)
            got = _apply(ops, tensors, x.reshape(x.shape[0], -1) if x.dim() > 2 else x)
        scale = max(1.0, float(want.abs().max()))
        if got.shape != want.shape or float((got - want).abs().max()) > 1e-9 * scale:
            raise UnsupportedModel("the traced chain does not reproduce the module on example_input "
                                   "(a custom forward nngeom cannot represent)")
    data = {k: v.detach().contiguous().cpu().clone() for k, v in tensors.items()}
    meta = {GRAPH_KEY: json.dumps({"version": GRAPH_VERSION, "ops": ops}), "format": "nngeom-torch-export"}
    save_file(data, str(path), metadata=meta)
    return ops


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0].startswith("-"):
        print("usage: python -m nngeom.export MODEL.pt OUT.safetensors", file=sys.stderr)
        return 2
    src, out = argv
    try:
        obj = torch.load(src, map_location="cpu", weights_only=False)
    except Exception as e:
        print(f"{src}: cannot load with torch.load: {str(e).splitlines()[0] if str(e) else type(e).__name__}", file=sys.stderr)
        return 2
    if not isinstance(obj, nn.Module):
        kind = "a state dict" if isinstance(obj, dict) else type(obj).__name__
        print(f"{src}: holds {kind}, not a module; load it into your model class and call "
              "nngeom.export(model, 'OUT.safetensors', example_input)", file=sys.stderr)
        return 2
    try:
        export(obj, out)
    except UnsupportedModel as e:
        print(f"{src}: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
