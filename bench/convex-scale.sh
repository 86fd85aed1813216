#!/usr/bin/env bash
# Item 8 of issue 15 (docs/benchmarks.md, "Speed at scnn's scale"), side by side in one run on the shipped breast
# cancer training set (426 x 30, target the 0/1 label as a real response, a ones column appended for the bias,
# 1000 seeded Gaussian gates on [x, 1], lambda = 1e-3, i.e. beta = 0.426):
#  (g) gated group lasso: nngeom with its certified rule (relative gap NNGEOM_GAP, default 1e-6) against scnn's
#      R-FISTA at tol SCNN_TOL (1e-10), float64; an untimed nngeom reference at gap 1e-9 judges both objectives;
#  (e) exact ReLU program over the patterns of the same gates: nngeom --method exact --gates against scnn's AL
#      (its defaults) under a time cap SCNN_AL_CAP seconds (default 1800).
# scnn is skipped with a message when it is not installed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/out/convex-scale}"
cd "$root"
mvn -B -o -q -DskipTests package -pl cli -am
mkdir -p "$out"
python3 - "$out" <<'PY'
import sys
import numpy as np
out = sys.argv[1]
a = np.loadtxt("core/src/main/resources/io/nngeom/data/real/breast-cancer-train.csv", delimiter=",", skiprows=1)
x = np.hstack([a[:, :-1], np.ones((a.shape[0], 1))])
cols = [f"x{i}" for i in range(30)] + ["one", "y"]
np.savetxt(f"{out}/bc.csv", np.column_stack([x, a[:, -1]]), delimiter=",", header=",".join(cols), comments="", fmt="%.17g")
np.save(f"{out}/gates.npy", np.random.default_rng(20261208).standard_normal((31, 1000)))
PY
jar="cli/target/nngeom.jar"
beta=0.426
load() { echo "load average before $1: $(cut -d' ' -f1-3 /proc/loadavg)"; }
fit=(java -jar "$jar" convex fit --data "$out/bc.csv" --beta "$beta" --no-bias --gates "$out/gates.npy" --quiet)
load "nngeom gated, certified gap ${NNGEOM_GAP:-1e-6}"
"${fit[@]}" --method gated --tolerance "${NNGEOM_GAP:-1e-6}" --json "$out/g-nngeom.json" > /dev/null
load "scnn R-FISTA tol ${SCNN_TOL:-1e-10}"
python3 bench/peers/convex_gated_scnn.py "$out/bc.csv" "$out/gates.npy" "$beta" "${SCNN_TOL:-1e-10}" > "$out/g-scnn.json"
"${fit[@]}" --method gated --tolerance 1e-9 --json "$out/g-ref.json" > /dev/null
load "nngeom exact over the gates' patterns"
"${fit[@]}" --method exact --json "$out/e-nngeom.json" > /dev/null
load "scnn AL (cap ${SCNN_AL_CAP:-1800} s)"
timeout "${SCNN_AL_CAP:-1800}" python3 bench/peers/convex_relu_scnn.py "$out/bc.csv" "$out/gates.npy" "$beta" > "$out/e-scnn.json" \
    || echo '{"peer": "scnn AL", "skipped": "stopped by the time cap of '"${SCNN_AL_CAP:-1800}"' s"}' > "$out/e-scnn.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
ld = lambda f: json.load(open(f"{out}/{f}"))
g, s, ref, e, se = ld("g-nngeom.json"), ld("g-scnn.json"), ld("g-ref.json"), ld("e-nngeom.json"), ld("e-scnn.json")
lower = ref["objective"] * (1 - ref["dualityGap"])
above = lambda o: (o - lower) / lower
print(f"(g) reference: optimum in [{lower:.12g}, {ref['objective']:.12g}]")
print(f"(g) nngeom certified: {g['solverSeconds']:.3f} s, objective {g['objective']:.12g} (<= {above(g['objective']):.2e} above), gap {g['dualityGap']:.2e}")
if "skipped" in s:
    print("(g) scnn: skipped: " + s["skipped"])
else:
    print(f"(g) scnn R-FISTA: {s['seconds']:.3f} s, objective {s['objective']:.12g} (<= {above(s['objective']):.2e} above)")
    r = g["solverSeconds"] / s["seconds"]
    print(f"(g) ratio nngeom/scnn {r:.3f}: goal <= 0.5 {'met' if r <= 0.5 else 'NOT met'}; objectives differ by "
          f"{abs(g['objective'] - s['objective']) / s['objective']:.2e} relative (goal 1e-6)")
print(f"(e) nngeom exact over the gates' patterns: {e['solverSeconds']:.3f} s, network objective {e['nnObjective']:.12g}, "
      f"certified gap {e['dualityGap']:.2e} to the program over these patterns, {e['nonzeros']} neurons")
if "skipped" in se:
    print("(e) scnn AL: skipped: " + se["skipped"])
else:
    print(f"(e) scnn AL: {se['seconds']:.3f} s, network objective {se['objective']:.12g}, {se['neurons']} neurons")
    r = e["solverSeconds"] / se["seconds"]
    print(f"(e) ratio nngeom/scnn {r:.3f}: goal <= 0.5 {'met' if r <= 0.5 else 'NOT met'}; objective "
          f"{'<=' if e['nnObjective'] <= se['objective'] else '>'} scnn's")
PY
