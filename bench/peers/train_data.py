#!/usr/bin/env python3
"""Writes the training benchmark's data set: N × D Gaussian inputs and C classes from a fixed random linear map
(argmax of x·W plus noise), float64, as one NPY file whose last column is the class label (nngeom's
`train --data F.npy --classes` layout). Usage: train_data.py OUT.npy [N] [D] [C] [SEED]"""
import sys

import numpy as np


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    d = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    c = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 20261207
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d))
    w = rng.standard_normal((d, c))
    labels = np.argmax(x @ w + 0.5 * rng.standard_normal((n, c)), axis=1)
    np.save(out, np.column_stack([x, labels.astype(np.float64)]))


if __name__ == "__main__":
    main()
