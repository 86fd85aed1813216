#!/usr/bin/env bash
# Partition benchmark (docs/benchmarks.md, "Partitions at the sizes users bring"): the exact 2-D partition of random
# ReLU networks (PyTorch-style initialisation, seed 1) on [-B, B]^2 by io.nngeom.bench.PartitionBench: regions,
# seconds, regions/s, the process's CPU time, its peak heap and the heap the partition holds per region, against
# the width (2-W-W-1) and the depth (2-256×D-1), on the default heap; the widest and deepest also on one thread
# (-Dnngeom.threads=1), whose regions are bit-identical (PlanarPartitionerParallelTest).
# Usage: bench/partitions.sh   (env: MVN_FLAGS=-o, B=3 box of the width rows, B_DEPTH=1.5 of the depth rows,
# BIG=1 adds 2-512-512-1 on [-8, 8]^2, about a million regions)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
B=${B:-3}
B_DEPTH=${B_DEPTH:-1.5}
mvn -B -q ${MVN_FLAGS--o} -DskipTests package -pl cli,bench -am
cp="core/target/classes:bench/target/classes:cli/target/nngeom.jar"
echo "machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'); java: $(java -version 2>&1 | head -1)"
run() { echo "[load $(cut -d' ' -f1 /proc/loadavg)] $(java "$@")"; }
for w in 64 128 256 512; do
  run -cp "$cp" io.nngeom.bench.PartitionBench 2-$w-$w-1 1 "$B"
done
for arch in 2-256-1 2-256-256-1 2-256-256-256-1 2-256-256-256-256-1; do
  run -cp "$cp" io.nngeom.bench.PartitionBench $arch 1 "$B_DEPTH"
done
run -Dnngeom.threads=1 -cp "$cp" io.nngeom.bench.PartitionBench 2-512-512-1 1 "$B"
run -Dnngeom.threads=1 -cp "$cp" io.nngeom.bench.PartitionBench 2-256-256-256-256-1 1 "$B_DEPTH"
if [ "${BIG:-0}" = 1 ]; then
  # about a million regions on the default heap
  run -cp "$cp" io.nngeom.bench.PartitionBench 2-512-512-1 1 8
fi
