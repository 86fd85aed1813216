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
    dtypes(a)
    corrupt_npz(x, y)


def dtypes(a):
    """Every numeric dtype NumPy writes, both byte orders, C and Fortran order; TAG.ref.npy holds NumPy's own
    float64 conversion of the same values (what nngeom must read)."""
    out = os.path.join(OUT, "dtypes")
    os.makedirs(out, exist_ok=True)
    ints = np.arange(12).reshape(3, 4) - 3
    for kind in ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"]:
        base = a * 3 if kind[0] == "f" else (np.abs(ints) if kind[0] == "u" else ints % 2 if kind == "b1" else ints)
        for order in "<>":
            if kind in ("i1", "u1", "b1") and order == ">":
                continue
            typed = base.astype(np.dtype(order + kind if kind not in ("i1", "u1", "b1") else "|" + kind))
            for layout in "CF":
                tag = f"{kind}_{'le' if order == '<' else 'be'}_{layout}"
                np.save(os.path.join(out, tag + ".npy"), np.asarray(typed, order=layout))
                np.save(os.path.join(out, tag + ".ref.npy"), typed.astype(np.float64))


def corrupt_npz(x, y):
    """A stored .npz whose x member has one data byte changed: its CRC-32 no longer matches (NumPy refuses it)."""
    path = os.path.join(OUT, "bad_crc.npz")
    np.savez(path, x=x, y=y)
    data = bytearray(open(path, "rb").read())
    marker = data.find(b"NUMPY")  # first member's header; its data follow the 128-byte .npy header
    data[marker - 1 + 128 + 3] ^= 0x01
    open(path, "wb").write(bytes(data))


if __name__ == "__main__":
    main()
