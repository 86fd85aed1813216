"""``python -m nngeom.export MODEL.pt OUT.safetensors``: export a module saved with ``torch.save``.

The implementation lives in ``nngeom._export``; this module is also callable, so ``nngeom.export(module, path,
example_input)`` keeps working after an ``import nngeom.export``.
"""
import sys
import types

from nngeom._export import export, main


class _CallableModule(types.ModuleType):
    def __call__(self, *args, **kwargs):
        return export(*args, **kwargs)


if __name__ == "__main__":
    sys.exit(main())
else:
    sys.modules[__name__].__class__ = _CallableModule
