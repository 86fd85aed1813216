#!/usr/bin/env bash
# Convex-training benchmarks (docs/benchmarks.md, "Convex training"), each side by side in one run:
#  (a) Lasso over the 2-D wedge dictionary with bias, n = 200 (39,800 columns), beta = 0.01: nngeom's active-set
#      Lasso (columns generated on the fly; run to gap 1e-6 and to 1e-8) vs scikit-learn's Lasso on the
#      materialised matrix, time to relative duality gap 1e-6. scikit-learn's fit time is capped at SKLEARN_FACTOR
#      (default 50) times nngeom's whole wall time at 1e-6 (at least SKLEARN_CAP seconds if set), so that when it
#      misses the target the printed ratio is a measured lower bound; the peer also re-measures the gap of
#      nngeom's written network on its own matrix.
#  (b) gated-ReLU group lasso, 2000 x 10 regression, 1000 gates (the same gates.npy for both): nngeom vs scnn's
#      R-FISTA (float64, unitize_data off), time to an objective within 1e-6 of the optimum: nngeom at certified
#      relative gap NNGEOM_GAP (default 1e-6), scnn at tol SCNN_TOL (default 1e-10); skipped with a message when
#      scnn is not installed.
# PARTS=b (or a) runs one part only; default both.
set -euo pipefail
parts="${PARTS:-ab}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/bench/out/convex}"
cd "$root"
mvn -B -o -q -DskipTests package -pl cli -am
mkdir -p "$out"
python3 bench/peers/convex_data.py "$out"
jar="cli/target/nngeom.jar"
if [[ "$parts" == *b* ]]; then
# The fair measure is the time each needs to reach an objective within 1e-6 (relative) of the optimum. nngeom stops
# at a certified relative duality gap of 1e-6, which guarantees that. scnn stops on the squared norm of its
# minimum-norm subgradient; on this problem its default-looking tol 1e-8 stops 4.9e-5 above the optimum, tol 1e-10
# about 8e-7 above (docs/benchmarks.md), hence SCNN_TOL = 1e-10. The check below says whether scnn's objective
# is within 1e-6 of the optimum, using nngeom's certified lower bound objective x (1 - gap).
echo "=== (b) gated-ReLU group lasso, 2000 x 10, 1000 gates, beta = 2 (scnn lambda = 1e-3) ==="
/usr/bin/time -f "nngeom wall %e s (JVM start, CSV read, patterns, solve)" \
    java -jar "$jar" convex fit --data "$out/gated.csv" --beta 2 --method gated --no-bias --gates "$out/gates.npy" \
    --tolerance "${NNGEOM_GAP:-1e-6}" --json "$out/b-nngeom.json" --quiet
python3 bench/peers/convex_gated_scnn.py "$out/gated.csv" "$out/gates.npy" 2 "${SCNN_TOL:-1e-10}" > "$out/b-scnn.json"
# reference (not timed): a tighter certified solve, to decide whether scnn's objective is within 1e-6
java -jar "$jar" convex fit --data "$out/gated.csv" --beta 2 --method gated --no-bias --gates "$out/gates.npy" \
    --tolerance "${NNGEOM_REF_GAP:-1e-9}" --json "$out/b-nngeom-ref.json" --quiet > /dev/null
python3 - "$out/b-nngeom.json" "$out/b-scnn.json" "$out/b-nngeom-ref.json" <<'PY'
import json, sys
a, s, ref = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
lower = ref['objective'] * (1 - ref['dualityGap'])  # certified lower bound on the optimum (dual value)
print(f"nngeom: solver {a['solverSeconds']:.3f} s, objective {a['objective']:.12g}, relative gap {a['dualityGap']:.2e}, "
      f"active groups {a['nonzeros']}")
print(f"nngeom reference (untimed, {ref['solverSeconds']:.1f} s): objective {ref['objective']:.12g}, relative gap "
      f"{ref['dualityGap']:.2e}: optimum in [{lower:.12g}, {ref['objective']:.12g}]")
print(f"nngeom's timed objective at most {(a['objective'] - lower) / lower:.2e} (relative) above the optimum")
if "skipped" in s:
    print("scnn: skipped: " + s["skipped"])
else:
    above = (s['objective'] - lower) / lower
    print(f"scnn:   solve {s['seconds']:.3f} s, objective {s['objective']:.12g}, active groups {s['activeGroups']} (tol {s['tol']})")
    print(f"scnn objective at most {above:.2e} (relative) above the optimum: "
          + ("within 1e-6" if above <= 1e-6 else "NOT certified within 1e-6"))
    print(f"objective relative difference nngeom vs scnn {(s['objective'] - a['objective']) / a['objective']:+.2e}")
    ratio = a['solverSeconds'] / s['seconds']
    print(f"time ratio nngeom/scnn {ratio:.3f} (goal <= 0.5: {'met' if ratio <= 0.5 else 'not met'})")
    print(f"scnn cross-checks: gates kept {s['gatesKept']}, max |our forward - scnn forward| {s['maxPredictionDifferenceVsScnnForward']:.1e}, "
          f"scnn's own last recorded objective x n {s['scnnLastRecordedObjectiveTimesN']:.12g}")
PY
fi
if [[ "$parts" == *a* ]]; then
echo "=== (a) 2-D wedge Lasso, n = 200, beta = 0.01, target relative gap 1e-6 ==="
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for tol in 1e-6 1e-8; do
    rm -f "$out/a-nngeom-$tol.json" "$out/a-nngeom-$tol.safetensors"
    timeout "${NNGEOM_CAP:-900}" /usr/bin/time -o "$out/a-nngeom-$tol.wall" -f "%e" \
        java -jar "$jar" convex fit --data "$out/data2d.csv" --beta 0.01 --method lasso --tolerance "$tol" \
        --json "$out/a-nngeom-$tol.json" --out "$out/a-nngeom-$tol.safetensors" --quiet \
        || echo "nngeom: stopped (time cap ${NNGEOM_CAP:-900} s or error) before gap $tol"
    python3 - "$out/a-nngeom-$tol.json" "$out/a-nngeom-$tol.wall" "$tol" <<'PY'
import json, os, sys
if not os.path.exists(sys.argv[1]):
    sys.exit(0)
r = json.load(open(sys.argv[1]))
wall = open(sys.argv[2]).read().split()[-1]
print(f"nngeom (tolerance {sys.argv[3]}): columns {r['columns']}, fit {r['solverSeconds']:.3f} s (dictionary + solve + recovery), "
      f"wall {wall} s (JVM start, CSV read, fit, writing), relative gap {r['dualityGap']:.2e}, objective {r['objective']:.12g}, "
      f"nonzeros {r['nonzeros']}, outer iterations {len(r['gapHistory'])}")
PY
done
# scikit-learn runs at least FACTOR x nngeom's whole wall time at 1e-6 (JVM start included), so that a miss is a
# measured lower bound on the speed-up
factor="${SKLEARN_FACTOR:-50}"
cap="$(python3 -c "import sys; print(max(float(sys.argv[1]) * float(sys.argv[2]), float(sys.argv[3])))" \
    "$(cat "$out/a-nngeom-1e-6.wall" 2>/dev/null | tail -1 || echo 0)" "$factor" "${SKLEARN_CAP:-0}")"
echo "scikit-learn time cap: $cap s of fit time (${factor} x nngeom's wall time)"
python3 bench/peers/convex_lasso_sklearn.py "$out/data2d.csv" 0.01 1e-6 "$cap" "$out/a-nngeom-1e-6.safetensors" > "$out/a-sklearn.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out/a-nngeom-1e-6.json" "$out/a-nngeom-1e-6.wall" "$out/a-sklearn.json" <<'PY'
import json, os, sys
s = json.load(open(sys.argv[3]))
a = json.load(open(sys.argv[1])) if os.path.exists(sys.argv[1]) else None
wall = float(open(sys.argv[2]).read().split()[-1]) if a else float("nan")
print("sklearn gap trajectory (epochs, fit seconds, relative gap):")
h = s["history"]
shown = [e for i, e in enumerate(h) if i < 8 or i == len(h) - 1 or (i % max(1, len(h) // 12) == 0)]
for e in shown:
    print(f"  {e[0]:8d} {e[1]:9.2f} {e[2]:.3e}")
print(f"sklearn: columns {s['columns']}, fit {s['fitSeconds']:.2f} s over {s['epochs']} epochs, relative gap {s['relativeGap']:.2e}, "
      f"objective {s['objective']:.12g}, reached 1e-6: {s['reachedTarget']} (matrix build {s['buildSeconds']:.2f} s, not counted)")
m = s.get("nngeomModelOnThisMatrix")
if m:
    print(f"nngeom's network evaluated by the peer on its own matrix: objective {m['primal']:.12g}, relative gap {m['relativeGap']:.2e} "
          f"({m['neurons']} neurons); sklearn's objective minus this certified lower bound: {s['objective'] - m['dual']:.3e}")
if a:
    ratio = s['fitSeconds'] / wall
    if s['reachedTarget']:
        print(f"speed-up to gap 1e-6 (sklearn fit time / nngeom wall time): {ratio:.1f}x")
    else:
        print(f"speed-up to gap 1e-6: more than {ratio:.1f}x (sklearn fit time {s['fitSeconds']:.1f} s without reaching it / nngeom wall time {wall:.2f} s; "
              f"{s['fitSeconds'] / a['solverSeconds']:.1f}x against nngeom's fit time {a['solverSeconds']:.2f} s)")
PY
fi
