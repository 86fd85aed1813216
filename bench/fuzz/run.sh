#!/usr/bin/env bash
# The bigger fuzz run of issue 13 (the build runs 400 cases per file in core's FormatFuzzTest): every format nngeom
# reads, corrupted CASES times per seed file for each seed, each case refused in one line or read exactly as an
# independent reader reads it. Prints one table per seed (the figures of docs/reliability.md).
#   bench/fuzz/run.sh [CASES] [SEEDS...]       default: 20000 cases, seeds 1 2 3
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cases="${1:-20000}"
shift || true
seeds=("${@:-1 2 3}")
# shellcheck disable=SC2206
seeds=(${seeds[*]})
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for seed in "${seeds[@]}"; do
    echo "seed $seed, $cases cases per seed file ..." >&2
    start=$(date +%s)
    status=0
    mvn -B -q -o -pl core test -Dtest=FormatFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dnngeom.fuzz.cases="$cases" -Dnngeom.fuzz.seed="$seed" -Dnngeom.fuzz.report="$out/$seed.md" >"$out/$seed.log" 2>&1 || status=$?
    echo "## seed $seed ($(( $(date +%s) - start )) s)"
    echo
    if [ -f "$out/$seed.md" ]; then cat "$out/$seed.md"; else tail -20 "$out/$seed.log"; fi
    echo
    [ "$status" -eq 0 ] || { echo "seed $seed: the contract was violated (see above)" >&2; exit 1; }
done
