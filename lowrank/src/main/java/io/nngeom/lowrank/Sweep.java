package io.nngeom.lowrank;

import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.plot.Figure;
import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ε sweep of digest §4.4 E4 (bottleneck) and E7 (hidden layer): local laws with exact ε from one
 * {@link LocalGenerator}, a network trained on each population loss, metrics per ε, and log-log slopes fitted
 * over ε ≤ {@link #FIT_MAX_EPSILON}.
 */
public final class Sweep {
    /** Slopes are fitted over the sweep points with ε ≤ 0.1 (the "over ε ≤ 0.1"). */
    public static final double FIT_MAX_EPSILON = 0.1;
    /** The digest's sweep ε ∈ {0.4, 0.2, 0.1, 0.05, 0.025, 0.0125}. */
    public static final double[] DEFAULT_EPS = {0.4, 0.2, 0.1, 0.05, 0.025, 0.0125};

    private Sweep() {
    }

    /**
     * Sweep options.
     *
     * @param hidden the hidden-layer setting (E7: frozen tanh k₁ = n_x − 1, sigmoid k₂ = k ≤ n_y − 1, frozen
     *               well-conditioned top, certified local branch) instead of
     *               the bottleneck (E4)
     * @param skipBeyondLimit drop ε at or beyond the generator's positivity limit (with a warning) instead of failing
     */
    public record Options(int nx, int ny, int k, double[] eps, LossKind loss, boolean hidden, double[] spectrum,
                          int restarts, long seed, boolean skipBeyondLimit) {
        public Options {
            if (nx < 2) {
                throw new InputException("--nx: must be at least 2, got " + nx);
            }
            if (ny < 2) {
                throw new InputException("--ny: must be at least 2, got " + ny);
            }
            double spectrumNorm = 0;
            for (double v : spectrum) {
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new InputException("--spectrum: entries must be finite and nonnegative, got " + v);
                }
                spectrumNorm += v;
            }
            if (!(spectrumNorm > 0)) {
                throw new InputException("--spectrum: needs at least one positive entry");
            }
            if (k < 1) {
                throw new InputException("--k: must be at least 1, got " + k);
            }
            if (eps.length == 0) {
                throw new InputException("--eps: empty list");
            }
            for (double e : eps) {
                if (!(e > 0) || !Double.isFinite(e)) {
                    throw new InputException("--eps: values must be positive, got " + e);
                }
            }
            if (hidden && k > ny - 1) {
                throw new InputException("--k: with --hidden the sigmoid width k = " + k + " must be at most ny − 1 = " + (ny - 1)
                        + " (the frozen top's information matrix is k orthonormal columns orthogonal to √p_y)");
            }
            if (!hidden && k >= Math.min(nx, ny) - 1) {
                throw new InputException("--k: " + k + " ≥ rank bound min(nx, ny) − 1 = " + (Math.min(nx, ny) - 1)
                        + " makes the test trivial (the loss reaches H(Y|X))");
            }
            eps = eps.clone();
            spectrum = spectrum.clone();
        }

        public static Options defaults() {
            return new Options(8, 6, 2, DEFAULT_EPS, LossKind.SOFTMAX, false, LocalGenerator.DEFAULT_SPECTRUM, 4,
                    Seeds.DEFAULT, true);
        }
    }

    /**
     * One ε of the sweep (NaN where not applicable).
     *
     * @param m1 .. m7 bottleneck metrics (see {@link BottleneckMetrics})
     * @param relativeGap |L − predicted|/H_L(Y)
     * @param hiddenError hidden-layer weight relative error (hidden setting)
     * @param branch the certified local-branch point (hidden setting; null for the bottleneck)
     */
    public record Row(double epsilon, double m1, double m2, double m3, double m4, double lossGap, double m5, double m6,
                      double relativeGap, double hiddenError, double gradNorm, boolean converged,
                      double maxPerturbation, HiddenLayer.BranchPoint branch) {
    }

    /**
     * @param slopes fitted log-log slopes over ε ≤ 0.1: "M1", "M2", "M3", "1-M4", "gap" (|Δ|), or "hidden" (‖W − W*‖/‖W*‖)
     *               and "layer" (‖RJWΦ₁ᵀ − Ξ_l‖/‖Ξ_l‖)
     * @param warnings skipped ε values and unconverged trainings
     */
    public record Result(Options options, double maxEpsilon, List<Row> rows, Map<String, Double> slopes,
                         List<String> warnings, List<Figure> figures, RunInfo run) {
        public Result {
            rows = List.copyOf(rows);
            slopes = Collections.unmodifiableMap(new LinkedHashMap<>(slopes));
            warnings = List.copyOf(warnings);
            figures = List.copyOf(figures);
        }
    }

    public static Result run(Options o) {
        long start = System.nanoTime();
        LocalGenerator gen = LocalGenerator.random(o.nx(), o.ny(), o.spectrum(), o.seed());
        List<String> warnings = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        for (double eps : o.eps()) {
            if (eps >= gen.maxEpsilon()) {
                if (o.skipBeyondLimit()) {
                    warnings.add("ε = " + eps + " skipped: beyond the positivity limit " + gen.maxEpsilon());
                    continue;
                }
                throw new InputException("--eps: " + eps + " is beyond the positivity limit " + gen.maxEpsilon());
            }
            kept.add(eps);
        }
        // one seed for every ε: the same frozen layers (hidden setting) and the same starts along the sweep
        List<Row> rows = o.hidden() ? hiddenRows(o, gen, kept, warnings) : new ArrayList<>();
        if (!o.hidden()) {
            for (double eps : kept) {
                JointDistribution law = gen.at(eps);
                Bottleneck.Trained t = Bottleneck.train(law, Bottleneck.Options.of(o.k(), o.loss(), o.seed()).withRestarts(o.restarts()));
                BottleneckMetrics m = BottleneckMetrics.of(law, t.model(), t.loss(), o.k(), o.loss(), null);
                double h0 = o.loss() == LossKind.SOFTMAX ? law.entropyY()
                        : LocalGeometry.traceCovariance(law, LocalGeometry.oneHot(law.ny()));
                Row row = new Row(eps, m.m1(), m.m2(), m.m3(), m.m4(), m.lossGap(), m.m5(), m.m6(),
                        Math.abs(m.lossGap()) / h0, Double.NaN, t.gradNorm(), t.converged(), m.maxOutputPerturbation(), null);
                if (!row.converged()) {
                    warnings.add("ε = " + eps + ": training stopped at gradient norm " + row.gradNorm());
                }
                rows.add(row);
            }
        }
        Map<String, Double> slopes = new LinkedHashMap<>();
        List<Row> fit = rows.stream().filter(r -> r.epsilon() <= FIT_MAX_EPSILON * (1 + 1e-12)).toList();
        double[] e = fit.stream().mapToDouble(Row::epsilon).toArray();
        if (o.hidden()) {
            slopes.put("hidden", slope(e, fit.stream().mapToDouble(Row::hiddenError).toArray()));
            slopes.put("layer", slope(e, fit.stream().mapToDouble(r -> r.branch().result().layerMatrixError()).toArray()));
        } else {
            slopes.put("M1", slope(e, fit.stream().mapToDouble(Row::m1).toArray()));
            slopes.put("M2", slope(e, fit.stream().mapToDouble(Row::m2).toArray()));
            slopes.put("M3", slope(e, fit.stream().mapToDouble(Row::m3).toArray()));
            slopes.put("1-M4", slope(e, fit.stream().mapToDouble(r -> 1 - r.m4()).toArray()));
            slopes.put("gap", slope(e, fit.stream().mapToDouble(r -> Math.abs(r.lossGap())).toArray()));
        }
        List<Figure> figs = new ArrayList<>();
        if (rows.size() >= 2) {
            double[] all = rows.stream().mapToDouble(Row::epsilon).toArray();
            String tag = (o.hidden() ? "hidden-" : "") + o.loss().name().toLowerCase(Locale.ROOT);
            if (o.hidden()) {
                figs.add(LowRankFigures.errorVsEpsilon("lowrank-sweep-" + tag, "Hidden-layer weight error vs ε (" + tag + ")",
                        all, new String[]{"‖W − W*‖/‖W*‖", "‖RJWΦ₁ᵀ − Ξ_l‖/‖Ξ_l‖"},
                        new double[][]{rows.stream().mapToDouble(Row::hiddenError).toArray(),
                                rows.stream().mapToDouble(r -> r.branch().result().layerMatrixError()).toArray()},
                        new double[]{1, 2}));
            } else {
                figs.add(LowRankFigures.errorVsEpsilon("lowrank-sweep-" + tag, "Subspace and product errors vs ε (" + tag + ")",
                        all, new String[]{"M1", "M2", "M3"},
                        new double[][]{rows.stream().mapToDouble(Row::m1).toArray(), rows.stream().mapToDouble(Row::m2).toArray(),
                                rows.stream().mapToDouble(Row::m3).toArray()}, new double[]{1}));
                figs.add(LowRankFigures.errorVsEpsilon("lowrank-sweep-hscore-" + tag, "H-score deficit and loss gap vs ε (" + tag + ")",
                        all, new String[]{"1 − M4", "|Δ| loss gap"},
                        new double[][]{rows.stream().mapToDouble(r -> Math.abs(1 - r.m4())).toArray(),
                                rows.stream().mapToDouble(r -> Math.abs(r.lossGap())).toArray()}, new double[]{2, 3}));
            }
        }
        return new Result(o, gen.maxEpsilon(), rows, slopes, warnings, figs, RunInfo.of(o.seed(), start));
    }

    /**
     * The hidden-layer sweep (digest E7), computed exactly as the {@code lowrank.hidden} experiment: one-hot → frozen
     * tanh (k₁ = n_x − 1) → sigmoid (k₂ = k) → frozen well-conditioned top, the local branch followed by continuation
     * in increasing ε from W = 0 at the smallest ε, each point certified ({@link HiddenLayer#certifiedBranch}). Rows
     * come back in the order of the requested ε; points that are not certified critical points or that leave the
     * local region (max |a − a0| &gt; {@link HiddenLayer#LOCAL_SHIFT}) are flagged in the warnings.
     */
    static List<Row> hiddenRows(Options o, LocalGenerator gen, List<Double> eps, List<String> warnings) {
        double[] asc = eps.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
        List<JointDistribution> laws = new ArrayList<>();
        for (double e : asc) {
            laws.add(gen.at(e));
        }
        List<HiddenLayer.BranchPoint> branch = laws.isEmpty() ? List.of()
                : HiddenLayer.certifiedBranch(laws, o.loss(), o.nx() - 1, o.k(), o.seed());
        List<Row> rows = new ArrayList<>();
        for (double e : eps) {
            HiddenLayer.BranchPoint p = branch.get(Arrays.binarySearch(asc, e));
            HiddenLayer.Result h = p.result();
            rows.add(new Row(e, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, h.relativeError(), h.gradNorm(), h.converged(), h.maxPreActivationShift(), p));
        }
        for (int i = 0; i < asc.length; i++) {
            HiddenLayer.BranchPoint p = branch.get(i);
            HiddenLayer.Certificate c = p.certificate();
            if (!(c.requiredSpread() < 1)) {
                warnings.add("ε = " + asc[i] + ": no interior critical point (required spread of σ(a) over x "
                        + String.format(Locale.ROOT, "%.3g", c.requiredSpread()) + " ≥ 1); the branch runs into saturation");
            } else if (!p.certified()) {
                warnings.add("ε = " + asc[i] + ": not a certified critical point (" + p.failedCheck() + ")");
            }
            if (!p.local()) {
                warnings.add("ε = " + asc[i] + ": outside the local region (max |a − a0| = "
                        + String.format(Locale.ROOT, "%.3g", p.result().maxPreActivationShift()) + " > "
                        + HiddenLayer.LOCAL_SHIFT + "); the linearised formula is not expected to hold");
            }
        }
        return rows;
    }

    /** Log-log least-squares slope; NaN with fewer than two points or a nonpositive value. */
    public static double slope(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        for (double v : y) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return Double.NaN;
            }
        }
        return Ops.logLogSlope(x, y);
    }
}
