#!/usr/bin/env bash
# One full-batch Adam step of a 2-64-64-1 ReLU network on 4096 points (float64, MSE), nngeom (Java) and
# PyTorch (CPU, float64, torch.set_num_threads(2)) side by side in one run. The two are run alternately for
# ROUNDS rounds (so that a change in machine load hits both); each round reports the median over REPEATS timed
# runs of STEPS steps; the script prints the median of the rounds and the ratio Java / PyTorch.
# Usage: bench/run-adam-step.sh   (env: STEPS=200 REPEATS=9 WARMUP=5 ROUNDS=3 MVN_FLAGS=-o ONE_THREAD_REFERENCE=1)
# With ONE_THREAD_REFERENCE=1 (default) each round also times both on one thread, as a reference for loaded
# machines (not part of the ratio, which compares the two-thread runs).
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS=${STEPS:-200}
REPEATS=${REPEATS:-9}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-3}
PYTHON=${PYTHON:-python3}

mvn -B -q ${MVN_FLAGS--o} -pl bench -am compile
CP=bench/target/classes:core/target/classes

echo "machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'), $(uname -sr)"
echo "java: $(java -version 2>&1 | head -1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

have_torch=1
if ! "$PYTHON" -c 'import torch' >/dev/null 2>&1; then
  have_torch=0
  echo "PyTorch peer skipped: torch is not installed for $PYTHON"
fi

java_ms=()
torch_ms=()
java_min=()
torch_min=()
for round in $(seq 1 "$ROUNDS"); do
  out=$(java -cp "$CP" io.nngeom.bench.AdamStepBench "$STEPS" "$REPEATS" "$WARMUP")
  echo "round $round $(echo "$out" | head -1)"
  java_ms+=("$(echo "$out" | awk '/^java_ms_per_step/ {print $2}')")
  java_min+=("$(echo "$out" | awk '/^java_ms_min/ {print $2}')")
  if [ "${ONE_THREAD_REFERENCE:-1}" = 1 ]; then
    # reference only (not in the ratio): the same two halves computed one after the other on one thread
    out=$(java -Dnngeom.threads=1 -cp "$CP" io.nngeom.bench.AdamStepBench "$STEPS" "$REPEATS" "$WARMUP")
    echo "round $round (reference, 1 thread) $(echo "$out" | head -1)"
  fi
  if [ "$have_torch" = 1 ]; then
    out=$("$PYTHON" bench/peers/adam_step_torch.py "$STEPS" "$REPEATS" "$WARMUP")
    echo "round $round $(echo "$out" | head -1)"
    torch_ms+=("$(echo "$out" | awk '/^torch_ms_per_step/ {print $2}')")
    torch_min+=("$(echo "$out" | awk '/^torch_ms_min/ {print $2}')")
    if [ "${ONE_THREAD_REFERENCE:-1}" = 1 ]; then
      # reference only (not in the ratio): PyTorch on one thread, less sensitive to a busy second core
      out=$("$PYTHON" bench/peers/adam_step_torch.py "$STEPS" "$REPEATS" "$WARMUP" 4096 1)
      echo "round $round (reference, 1 thread) $(echo "$out" | head -1)"
    fi
  fi
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
minimum() { printf '%s\n' "$@" | sort -g | head -1; }
jm=$(median "${java_ms[@]}")
jmin=$(minimum "${java_min[@]}")
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "java  ms/step: median of round medians $jm, fastest run $jmin"
if [ "$have_torch" = 1 ]; then
  tm=$(median "${torch_ms[@]}")
  tmin=$(minimum "${torch_min[@]}")
  echo "torch ms/step: median of round medians $tm, fastest run $tmin"
  awk -v j="$jm" -v t="$tm" 'BEGIN {printf "ratio java/torch (medians): %.3f\n", j / t}'
  awk -v j="$jmin" -v t="$tmin" 'BEGIN {printf "ratio java/torch (fastest runs): %.3f\n", j / t}'
fi
