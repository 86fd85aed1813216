#!/usr/bin/env bash
# scnn's Table-2 protocol on the shipped real data sets (docs/benchmarks.md, "Convex training on real data"):
# nngeom gated, decomposed and exact models, Adam-trained two-layer networks (nngeom train) and scnn where installed,
# test accuracy, objective and time side by side. Env: LAMBDAS (default 1e-3,1e-2,1e-1), GATES (300), WIDTH (100),
# ADAM_ITERS (3000); argument 2: comma-separated data sets (default iris,wine,breast-cancer).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/out/convex-table2}"
cd "$root"
mvn -B -o -q -DskipTests package -pl cli -am
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/peers/convex_table2.py cli/target/nngeom.jar "$out" "${2:-iris,wine,breast-cancer}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
