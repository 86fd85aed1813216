"""PyTorch side of nngeom: export an MLP so that nngeom reads it exactly (see docs/formats.md)."""
from nngeom._export import UnsupportedModel, export, graph_of
from nngeom._explain import ExplainError, explain

__all__ = ["export", "graph_of", "UnsupportedModel", "explain", "ExplainError"]
