#!/usr/bin/env bash
# Linear-region benchmark (docs/benchmarks.md, "Linear regions"): builds the CLI jar and the bench classes offline,
# runs io.nngeom.bench.RegionsBench (trains a 2-32-32-1 net, times both enumerators, dense-grid check), then times
# the CLI on the trained model: `nngeom regions --model M --box B --svg p.svg --json r.json`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/out}"
cd "$root"
mvn -B -o -q -DskipTests package -pl cli,bench -am
mkdir -p "$out"
java -cp "cli/target/nngeom.jar:bench/target/classes" io.nngeom.bench.RegionsBench "$out" "${2:-3000}"
box="$(cat "$out/box.txt")"
echo "--- CLI: nngeom regions on the trained model (wall time includes JVM start) ---"
/usr/bin/time -f "wall %e s" java -jar cli/target/nngeom.jar regions --model "$out/moons-2-32-32-1.safetensors" --box "$box" \
    --no-check --svg "$out/p.svg" --json "$out/r.json"
/usr/bin/time -f "wall %e s" java -jar cli/target/nngeom.jar regions --model "$out/moons-2-32-32-1.safetensors" --box "$box" \
    --check --json "$out/r-check.json"
