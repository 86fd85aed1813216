"""Writes the convex benchmark inputs (docs/benchmarks.md, "Convex training") into OUT_DIR:
data2d.csv (n = 200 Gaussian points in 2-D, y = sin(x1)*x2 + 0.1 noise), gated.csv (2000 x 10 regression)
and gates.npy (10 x 1000 standard normal gate vectors). Seeded; float64."""
import sys
import numpy as np

out = sys.argv[1]
rng = np.random.default_rng(20261122)
x = rng.standard_normal((200, 2))
y = np.sin(x[:, 0]) * x[:, 1] + 0.1 * rng.standard_normal(200)
np.savetxt(f"{out}/data2d.csv", np.column_stack([x, y]), delimiter=",", header="x1,x2,y", comments="", fmt="%.17g")

n, d = 2000, 10
xg = rng.standard_normal((n, d))
w = rng.standard_normal(d)
yg = np.maximum(xg @ w, 0) - 0.5 * np.maximum(xg @ rng.standard_normal(d), 0) + 0.1 * rng.standard_normal(n)
cols = ",".join(f"x{i}" for i in range(d)) + ",y"
np.savetxt(f"{out}/gated.csv", np.column_stack([xg, yg]), delimiter=",", header=cols, comments="", fmt="%.17g")
np.save(f"{out}/gates.npy", rng.standard_normal((d, 1000)))
