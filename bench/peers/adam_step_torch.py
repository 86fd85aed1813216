#!/usr/bin/env python3
"""PyTorch peer of io.nngeom.bench.AdamStepBench: one full-batch Adam step (forward, MSE, backward, step) of a
2-64-64-1 ReLU network on 4096 points, CPU, float64, 2 threads (optional 5th argument: another thread count, for reference). Prints the median ms
per step."""
import math
import statistics
import sys
import time

try:
    import torch
except ImportError:
    print("torch not installed: PyTorch peer skipped")
    sys.exit(3)


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 4096
    threads = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(20261122)
    x = torch.rand(n, 2, dtype=torch.float64) * 2 - 1
    y = (torch.sin(3 * x[:, 0]) * torch.cos(2 * x[:, 1])).unsqueeze(1)

    def make():
        torch.manual_seed(1)
        return torch.nn.Sequential(torch.nn.Linear(2, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64),
                                   torch.nn.ReLU(), torch.nn.Linear(64, 1)).double()

    def run():
        model = make()
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = torch.nn.MSELoss()
        t0 = time.perf_counter()
        for _ in range(steps):
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
        t1 = time.perf_counter()
        return (t1 - t0) * 1e3 / steps, loss.item()

    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        ms, _ = run()
        times.append(ms)
    med = statistics.median(times)
    print(f"torch {torch.__version__}: Adam step 2-64-64-1 relu, {n} points, float64, threads={torch.get_num_threads()}: "
          f"median {med:.3f} ms (min {min(times):.3f}, max {max(times):.3f}) over {repeats} runs of {steps} steps")
    suffix = "" if threads == 2 else f"_{threads}t"
    print(f"torch_ms_per_step{suffix} {med:.4f}")
    print(f"torch_ms_min{suffix} {min(times):.4f}")


if __name__ == "__main__":
    main()
