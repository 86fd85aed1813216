#!/usr/bin/env python3
"""Writes NumPy-made .npy/.npz files that nngeom's Java reader tests check (numpy only).

Run from the repository root:  python3 scripts/make_numpy_fixture.py
Output: core/src/test/resources/fixtures/numpy/. The values are simple closed forms the Java tests recompute:
a[i, j] = (i * cols + j) / 7 (float64, or rounded to float32), integers k - 3, and so on.
"""
import os

import numpy as np

OUT = os.path.join("core", "src", "test", "resources", "fixtures", "numpy")


def save(name, a, **kw):
    with open(os.path.join(OUT, name), "wb") as f:
        np.lib.format.write_array(f, a, **kw)


def main():
    os.makedirs(OUT, exist_ok=True)
    a = np.arange(12, dtype=np.float64).reshape(3, 4) / 7.0
    np.save(os.path.join(OUT, "f8_2d.npy"), a)
    np.save(os.path.join(OUT, "f4_2d.npy"), a.astype(np.float32))
    np.save(os.path.join(OUT, "i8_1d.npy"), np.arange(5, dtype=np.int64) - 3)
    np.save(os.path.join(OUT, "i4_1d.npy"), np.arange(5, dtype=np.int32) - 3)
    np.save(os.path.join(OUT, "u1_1d.npy"), np.array([0, 1, 2, 255], dtype=np.uint8))
    np.save(os.path.join(OUT, "b1_1d.npy"), np.array([True, False, True]))
    np.save(os.path.join(OUT, "be_f8_2d.npy"), a.astype(">f8"))
    save("v2_f8_2d.npy", a, version=(2, 0))
    save("v3_f8_2d.npy", a, version=(3, 0))
    np.save(os.path.join(OUT, "fortran_f8_2d.npy"), np.asfortranarray(a))
    np.save(os.path.join(OUT, "f8_3d.npy"), np.zeros((2, 3, 4)))
    np.save(os.path.join(OUT, "c16_1d.npy"), np.zeros(3, dtype=np.complex128))
    np.save(os.path.join(OUT, "nan_2d.npy"), np.array([[1.0, 2.0], [np.nan, 4.0]]))
    np.save(os.path.join(OUT, "empty_2d.npy"), np.zeros((0, 3)))
    x = np.arange(10, dtype=np.float64).reshape(5, 2) / 7.0
    y = np.arange(5, dtype=np.float64) / 3.0
    labels = np.array([0, 2, 1, 2, 0], dtype=np.int64)
    np.savez(os.path.join(OUT, "regression.npz"), x=x, y=y)
    np.savez_compressed(os.path.join(OUT, "classes_compressed.npz"), X=x, labels=labels)
    np.savez(os.path.join(OUT, "single.npz"), data=np.hstack([x, y[:, None]]))
    np.savez(os.path.join(OUT, "ambiguous.npz"), x=x, X=x, y=y)


if __name__ == "__main__":
    main()
