#!/usr/bin/env bash
# Exact convex program on real data (docs/benchmarks.md, "Exact program on real data: growth"): `nngeom convex fit
# --method exact` (the l2 arrangement program by column generation with conic pricing, two threads) on the shipped
# breast-cancer training set (426 x 30, beta = 1), the headline row (all rows and features, 200 sampled patterns)
# and its growth against the number of samples n (the first n rows), the features d (the first d columns) and the
# number of sampled patterns P. Each run: wall and CPU seconds of the whole process (/usr/bin/time), the program's
# objective and the written network's (shortest round-trip digits), the duality gap, label and the verdict on the
# written network (certificate), and the load average before it.
# Usage: bench/exact-growth.sh [OUT_DIR]   (env: MVN_FLAGS=-o, ROWS="n d P ..." to replace the default runs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/out/exact}"
cd "$root"
mvn -B -q ${MVN_FLAGS--o} -DskipTests package -pl cli -am
mkdir -p "$out"
src=core/src/main/resources/io/nngeom/data/real/breast-cancer-train.csv
jar=cli/target/nngeom.jar
# n d P: the headline, then n, d and P each varied with the others at 426 / 30 / 200 (or smaller where noted)
ROWS=${ROWS:-"426 30 200  100 30 200 200 30 200  426 10 200 426 20 200  426 30 50 426 30 100 426 30 400"}
set -- $ROWS
echo "machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'); java: $(java -version 2>&1 | head -1)"
printf '%5s %3s %5s | %8s %8s | %-20s %-20s %-10s %-12s %-11s | %s\n' n d P "wall s" "CPU s" "program objective" \
    "network objective" gap label verdict load
while [ $# -ge 3 ]; do
  n=$1 d=$2 p=$3
  shift 3
  data="$out/bc-n$n-d$d.csv"
  python3 - "$src" "$data" "$n" "$d" <<'PY'
import sys
src, dst, n, d = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
lines = open(src).read().splitlines()
with open(dst, "w") as f:
    for line in lines[: n + 1]:
        cols = line.split(",")
        f.write(",".join(cols[:d] + [cols[-1]]) + "\n")
PY
  load=$(cut -d' ' -f1 /proc/loadavg)
  json="$out/bc-n$n-d$d-p$p.json"
  t=$( { /usr/bin/time -f "%e %U %S" java -jar "$jar" convex fit --data "$data" --beta 1 --method exact \
      --max-patterns "$p" --quiet --json "$json" > /dev/null; } 2>&1 | tail -1)
  python3 - "$json" "$n" "$d" "$p" "$t" "$load" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
wall, user, sys_ = (float(v) for v in sys.argv[5].split())
print(f"{sys.argv[2]:>5} {sys.argv[3]:>3} {sys.argv[4]:>5} | {wall:8.2f} {user + sys_:8.2f} | {r['objective']!r:<20} "
      f"{r['nnObjective']!r:<20} {r['dualityGap']:<10.2e} {r['exactness']:<12} {r.get('verdict', '?'):<11} | {sys.argv[6]}")
PY
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
