#!/usr/bin/env bash
# Training benchmark (docs/benchmarks.md, "Training at the sizes users bring"): nngeom against PyTorch (CPU,
# float64, 2 threads) on a 64-256-256-10 softmax ReLU network and 10,000 × 64 examples (bench/peers/train_data.py),
# side by side in one run.
#  1. whole process, data reading included: mini-batch Adam (batch 128, shuffled each epoch, 3 epochs = 237
#     steps) and full-batch Adam (30 steps); `nngeom train` (the CLI jar) against bench/peers/train_torch.py,
#     alternately for ROUNDS rounds, wall time by /usr/bin/time;
#  2. growth tables (GROWTH=1): ms per Adam step against the hidden width (64-W-W-10 at batch 1024) and against the
#     batch size (64-256-256-10), io.nngeom.bench.TrainStepBench against the same peer with its warm-up steps left
#     out, and the FLOP rate of numpy's float64 matrix product on 2 threads as the machine's limit.
# Usage: bench/train.sh [OUT_DIR]   (env: ROUNDS=3 GROWTH=1 PYTHON=python3 MVN_FLAGS=-o)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/out}"
ROUNDS=${ROUNDS:-3}
PYTHON=${PYTHON:-python3}
cd "$root"
mvn -B -q ${MVN_FLAGS--o} -DskipTests package -pl cli,bench -am
mkdir -p "$out"
data="$out/train-10000x64.npy"
"$PYTHON" bench/peers/train_data.py "$data" 10000 64 10
jar=cli/target/nngeom.jar
cp="core/target/classes:bench/target/classes:$jar"
echo "machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'), $(uname -sr)"
echo "java: $(java -version 2>&1 | head -1); torch: $("$PYTHON" -c 'import torch; print(torch.__version__)')"
timed() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  minibatch nngeom $(timed java -jar $jar train --data "$data" --classes --arch 64-256-256-10 --optimizer adam --batch 128 --iters 237 --quiet) s"
  echo "  minibatch torch  $(timed "$PYTHON" bench/peers/train_torch.py "$data" 64-256-256-10 237 128) s"
  echo "  fullbatch nngeom $(timed java -jar $jar train --data "$data" --classes --arch 64-256-256-10 --optimizer adam --iters 30 --quiet) s"
  echo "  fullbatch torch  $(timed "$PYTHON" bench/peers/train_torch.py "$data" 64-256-256-10 30 0) s"
done
if [ "${GROWTH:-1}" = 1 ]; then
  echo "FLOP rate of numpy float64 matmul (2 threads), GFLOP/s: $(OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_NUM_THREADS=2 "$PYTHON" -c '
import time, numpy as np
a = np.random.default_rng(1).standard_normal((2048, 2048)); a @ a
t = time.perf_counter(); [a @ a for _ in range(5)]; print(round(5 * 2 * 2048**3 / (time.perf_counter() - t) / 1e9, 1))')"
  echo "width growth (64-W-W-10, batch 1024), ms per step:"
  for w in 64 128 256 512 1024; do
    steps=$(( w >= 512 ? 4 : 10 ))
    j=$(java -cp "$cp" io.nngeom.bench.TrainStepBench "$data" 64-$w-$w-10 1024 $steps 3 | awk '/^java_ms_per_step/ {print $2}')
    t=$("$PYTHON" bench/peers/train_torch.py "$data" 64-$w-$w-10 $((steps + 2)) 1024 2 2 | awk '/^torch_ms_per_step/ {print $2}')
    echo "  W=$w nngeom $j torch $t (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  echo "batch growth (64-256-256-10), ms per step:"
  for b in 32 128 512 2048 0; do
    steps=$(( b == 0 ? 3 : (b >= 2048 ? 10 : 40) ))
    j=$(java -cp "$cp" io.nngeom.bench.TrainStepBench "$data" 64-256-256-10 $b $steps 3 | awk '/^java_ms_per_step/ {print $2}')
    t=$("$PYTHON" bench/peers/train_torch.py "$data" 64-256-256-10 $((steps + 2)) $b 2 2 | awk '/^torch_ms_per_step/ {print $2}')
    echo "  batch=${b/#0/10000} nngeom $j torch $t (load $(cut -d' ' -f1 /proc/loadavg))"
  done
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
