#!/usr/bin/env python3
"""PyTorch peer of `nngeom train --optimizer adam` on the training benchmark (bench/train.sh): reads the NPY data
set (last column the class label), builds nn.Sequential(Linear, ReLU, ..., Linear) in float64 on the CPU with
torch.set_num_threads(THREADS), and runs torch.optim.Adam (lr 1e-3) on CrossEntropyLoss for STEPS steps with
mini-batches of BATCH (0: full batch; each epoch a torch.randperm shuffle cut into consecutive batches, the last
one smaller, like nngeom). Meant to be timed as a whole process; also prints its own training time, from which
the first WARMUP steps (default 0) are left out (for the per-step growth tables).
Usage: train_torch.py DATA.npy ARCH STEPS BATCH [THREADS] [WARMUP]"""
import sys
import time

import numpy as np
import torch


def main():
    data = np.load(sys.argv[1])
    sizes = [int(s) for s in sys.argv[2].split("-")]
    steps = int(sys.argv[3])
    batch = int(sys.argv[4])
    threads = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    warmup = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x = torch.from_numpy(np.ascontiguousarray(data[:, :-1]))
    y = torch.from_numpy(data[:, -1].astype(np.int64))
    n = x.shape[0]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers).double()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(2)
    b = n if batch <= 0 or batch >= n else batch
    perm = None
    pos = n
    t0 = time.perf_counter()
    for step in range(steps):
        if step == warmup:
            t0 = time.perf_counter()
        if b == n:
            xb, yb = x, y
        else:
            if pos >= n:
                perm = torch.randperm(n, generator=gen)
                pos = 0
            idx = perm[pos:pos + b]
            pos += b
            xb, yb = x[idx], y[idx]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    t1 = time.perf_counter()
    with torch.no_grad():
        final = loss_fn(model(x), y).item()
    print(f"torch {torch.__version__} threads={torch.get_num_threads()} {sys.argv[2]} steps={steps} batch={b}: "
          f"train {t1 - t0:.3f} s ({(t1 - t0) * 1e3 / (steps - warmup):.3f} ms/step over {steps - warmup} steps), "
          f"final loss {final:.6f}")
    print(f"torch_ms_per_step {(t1 - t0) * 1e3 / (steps - warmup):.4f}")


if __name__ == "__main__":
    main()
