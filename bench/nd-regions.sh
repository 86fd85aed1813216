#!/usr/bin/env bash
# n-D region benchmark (docs/benchmarks.md, "n-D regions"): the LP pattern search on random ReLU networks
# (PyTorch-style initialisation, seed 1) on [-1, 1]^n, the current search (dedicated Chebyshev simplex, two
# threads) against its slow path (every LP by Hipparchus' simplex, one thread: the search as it was), alternately,
# by io.nngeom.regions.NdRegionsBench. Same regions, LP counts printed for both.
# Usage: bench/nd-regions.sh [ARCH...]   (default 3-32-32-1 4-16-16-1; env SLOW=0 skips the slow path, MVN_FLAGS=-o)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q ${MVN_FLAGS--o} -DskipTests package -pl cli,bench -am
cp="core/target/classes:bench/target/classes:cli/target/nngeom.jar"
archs=("$@")
[ ${#archs[@]} -gt 0 ] || archs=(3-32-32-1 4-16-16-1)
for arch in "${archs[@]}"; do
  echo "[load $(cut -d' ' -f1 /proc/loadavg)] $(java -cp "$cp" io.nngeom.regions.NdRegionsBench "$arch" 1 1 fast)"
  if [ "${SLOW:-1}" = 1 ]; then
    echo "[load $(cut -d' ' -f1 /proc/loadavg)] $(java -cp "$cp" io.nngeom.regions.NdRegionsBench "$arch" 1 1 slow)"
  fi
done
