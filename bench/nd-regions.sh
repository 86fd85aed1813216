#!/usr/bin/env bash
# n-D region benchmark (docs/benchmarks.md, "n-D regions"): the LP pattern search on random ReLU networks
# (PyTorch-style initialisation, seed 1) on [-1, 1]^n, the current search (dedicated Chebyshev simplex, two
# threads) against its slow path (every LP by Hipparchus' simplex, one thread: the search as it was), alternately,
# by io.nngeom.regions.NdRegionsBench. Same regions, LP counts printed for both. Then (LOCAL=1, the default) local
# counts in 784-D by io.nngeom.bench.LocalCountBench: the cube x0 ± 0.01 around a uniform point of [0, 1]^784.
# Usage: bench/nd-regions.sh [ARCH...]   (default 3-32-32-1 4-16-16-1 6-16-16-1; env SLOW=0 skips the slow path,
# LOCAL=0 the local counts, MVN_FLAGS=-o)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q ${MVN_FLAGS--o} -DskipTests package -pl cli,bench -am
cp="core/target/classes:bench/target/classes:cli/target/nngeom.jar"
archs=("$@")
[ ${#archs[@]} -gt 0 ] || archs=(3-32-32-1 4-16-16-1 6-16-16-1)
for arch in "${archs[@]}"; do
  echo "[load $(cut -d' ' -f1 /proc/loadavg)] $(java -cp "$cp" io.nngeom.regions.NdRegionsBench "$arch" 1 1 fast)"
  if [ "${SLOW:-1}" = 1 ]; then
    echo "[load $(cut -d' ' -f1 /proc/loadavg)] $(java -cp "$cp" io.nngeom.regions.NdRegionsBench "$arch" 1 1 slow)"
  fi
done
if [ "${LOCAL:-1}" = 1 ]; then
  for arch in 784-16-16-10 784-32-32-10; do
    echo "[load $(cut -d' ' -f1 /proc/loadavg)] $(java -cp "$cp" io.nngeom.bench.LocalCountBench "$arch" 1 0.01)"
  done
fi
