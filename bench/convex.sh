#!/usr/bin/env bash
# Convex-training benchmarks (docs/benchmarks.md, "Convex training"), each side by side in one run:
#  (a) Lasso over the 2-D wedge dictionary with bias, n = 200 (39,800 columns), beta = 0.01: nngeom's coordinate
#      descent (columns generated on the fly) vs scikit-learn's Lasso on the materialised matrix, time to relative
#      duality gap 1e-6 (sklearn capped at SKLEARN_CAP seconds, default 120).
#  (b) gated-ReLU group lasso, 2000 x 10 regression, 1000 gates (the same gates.npy for both): nngeom vs scnn's
#      R-FISTA (float64, unitize_data off); skipped with a message when scnn is not installed.
# PARTS=b (or a) runs one part only; default both.
set -euo pipefail
parts="${PARTS:-ab}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/out/convex}"
cap="${SKLEARN_CAP:-120}"
cd "$root"
mvn -B -o -q -DskipTests package -pl cli -am
mkdir -p "$out"
python3 bench/peers/convex_data.py "$out"
jar="cli/target/nngeom.jar"
if [[ "$parts" == *b* ]]; then
echo "=== (b) gated-ReLU group lasso, 2000 x 10, 1000 gates, beta = 2 (scnn lambda = 1e-3) ==="
/usr/bin/time -f "nngeom wall %e s" \
    java -jar "$jar" convex fit --data "$out/gated.csv" --beta 2 --method gated --no-bias --gates "$out/gates.npy" \
    --tolerance 1e-7 --json "$out/b-nngeom.json" --quiet
python3 bench/peers/convex_gated_scnn.py "$out/gated.csv" "$out/gates.npy" 2 "${SCNN_TOL:-1e-8}" > "$out/b-scnn.json"
python3 - "$out/b-nngeom.json" "$out/b-scnn.json" <<'PY'
import json, sys
a, s = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print(f"nngeom: solver {a['solverSeconds']:.3f} s, objective {a['objective']:.12g}, relative gap {a['dualityGap']:.2e}, active groups {a['nonzeros']}")
if "skipped" in s:
    print("scnn: skipped: " + s["skipped"])
else:
    rel = abs(a['objective'] - s['objective']) / s['objective']
    print(f"scnn:   solve {s['seconds']:.3f} s, objective {s['objective']:.12g}, active groups {s['activeGroups']} (tol {s['tol']})")
    print(f"objective relative difference {rel:.2e}; time ratio nngeom/scnn {a['solverSeconds'] / s['seconds']:.3f}")
    print(f"scnn cross-checks: gates kept {s['gatesKept']}, max |our forward - scnn forward| {s['maxPredictionDifferenceVsScnnForward']:.1e}, "
          f"scnn's own last recorded objective x n {s['scnnLastRecordedObjectiveTimesN']:.12g}")
PY
fi
if [[ "$parts" == *a* ]]; then
echo "=== (a) 2-D wedge Lasso, n = 200, beta = 0.01, target relative gap 1e-6 ==="
rm -f "$out/a-nngeom.json"
/usr/bin/time -f "nngeom wall %e s (JVM start, CSV read, dictionary, solve)" timeout "${NNGEOM_CAP:-900}" \
    java -jar "$jar" convex fit --data "$out/data2d.csv" --beta 0.01 --method lasso --tolerance 1e-6 --json "$out/a-nngeom.json" --quiet || echo "nngeom: stopped (time cap ${NNGEOM_CAP:-900} s or error) before the target gap"
python3 - "$out/a-nngeom.json" <<'PY'
import json, os, sys
if not os.path.exists(sys.argv[1]):
    sys.exit(0)
r = json.load(open(sys.argv[1]))
print(f"nngeom: columns {r['columns']}, solver {r['solverSeconds']:.3f} s, relative gap {r['dualityGap']:.2e}, objective {r['objective']:.12g}, nonzeros {r['nonzeros']}")
PY
python3 bench/peers/convex_lasso_sklearn.py "$out/data2d.csv" 0.01 1e-6 "$cap" > "$out/a-sklearn.json"
python3 - "$out/a-nngeom.json" "$out/a-sklearn.json" <<'PY'
import json, os, sys
s = json.load(open(sys.argv[2]))
a = json.load(open(sys.argv[1])) if os.path.exists(sys.argv[1]) else {"solverSeconds": float("nan")}
print(f"sklearn: columns {s['columns']}, fit {s['fitSeconds']:.2f} s over {s['epochs']} epochs, relative gap {s['relativeGap']:.2e}, "
      f"objective {s['objective']:.12g}, reached 1e-6: {s['reachedTarget']} (matrix build {s['buildSeconds']:.2f} s, not counted)")
print(f"speed-up (sklearn fit time / nngeom solver time): {s['fitSeconds'] / a['solverSeconds']:.1f}x"
      + ("" if s['reachedTarget'] else " (sklearn stopped at its time cap before the target gap: a lower bound on the speed-up)"))
PY
fi
