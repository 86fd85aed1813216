package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.plot.Chart;
import io.nngeom.plot.Chart.Series;
import java.util.Arrays;
import java.util.Locale;

/** The pictures of the lowrank area, described as {@link Chart}s (rendered by the report module). */
public final class LowRankFigures {
    private LowRankFigures() {
    }

    /** Singular spectrum σ_i against i (log scale; values below 1e-12·σ₁, numerically zero, are left out), kept k marked. */
    public static Chart spectrum(String name, String title, double[] sigma, int k) {
        int n = 0;
        while (n < sigma.length && sigma[n] > 1e-12 * sigma[0]) {
            n++;
        }
        double[] i = new double[n];
        for (int t = 0; t < n; t++) {
            i[t] = t + 1;
        }
        double[] s = Arrays.copyOf(sigma, n);
        Chart c = Chart.of(name, title, "index i", "σ_i").withSeries(new Series("σ_i", i, s, Series.Style.LINE_MARKERS));
        int kk = Math.min(k, n);
        if (kk >= 1) {
            c = c.scatter("kept (i ≤ " + k + ")", Arrays.copyOf(i, kk), Arrays.copyOf(s, kk));
        }
        return c.withLogY();
    }

    /**
     * Learned against predicted features. For k = 1: the normalised learned feature and f_1 over the x symbols.
     * For k ≥ 2: the predicted features (f_1(x), f_2(x)) and the learned ones mapped by the best k×k transform
     * onto them (only the subspace is identifiable).
     */
    public static Chart learnedVsPredicted(String name, JointDistribution law, Matrix learned, LocalGeometry.Modes modes, int k) {
        double[] px = law.px();
        if (k == 1 || learned.cols() == 1) {
            double[] ref = modes.features().colArray(0);
            double[] f = BottleneckMetrics.normalisedFeature(learned, px, ref);
            double[] xs = new double[ref.length];
            for (int x = 0; x < xs.length; x++) {
                xs[x] = x;
            }
            return Chart.of(name, "Learned vs predicted feature (k = 1)", "x symbol", "feature value (zero mean, unit variance)")
                    .withSeries(new Series("predicted f₁ = v₁/√p_x", xs, ref, Series.Style.LINE_MARKERS))
                    .withSeries(new Series("learned (normalised)", xs, f, Series.Style.SCATTER))
                    .withXCategories(law.xNames());
        }
        Matrix phi = LocalGeometry.featureInformation(learned, px);
        Matrix vk = modes.vk(2);
        // least-squares map Φ T ≈ V_2, then back to feature scale by 1/√p_x
        Matrix t = Linalg.lstsq(phi, vk);
        Matrix mapped = Ops.scaleRows(Linalg.mult(phi, t), Ops.inv(Ops.sqrt(px)));
        Matrix pred = Subspaces.firstCols(modes.features(), 2);
        return Chart.of(name, "Learned vs predicted feature subspace (first two coordinates)", "f₁(x)", "f₂(x)")
                .scatter("predicted (f₁, f₂)", pred.colArray(0), pred.colArray(1))
                .withSeries(new Series("learned, best linear map", mapped.colArray(0), mapped.colArray(1), Series.Style.SCATTER))
                .withEqualAspect();
    }

    /**
     * log-log error against ε with each series' slope fitted over ε ≤ 0.1 (over all points when fewer than two lie
     * there) in its label, and dashed reference lines ∝ ε^order through the geometric mean of their own series (one series per order)
     * or of the first series.
     */
    public static Chart errorVsEpsilon(String name, String title, double[] eps, String[] labels, double[][] errors,
                                       double[] orders) {
        Chart c = Chart.of(name, title, "ε = ‖B̃‖_F", "error").withLogLog();
        for (int s = 0; s < labels.length; s++) {
            double slope = fittedSlope(eps, errors[s]);
            // points with a non-finite or nonpositive error (a saturated layer) cannot be drawn on log axes
            int n = 0;
            for (double v : errors[s]) {
                n += v > 0 && Double.isFinite(v) ? 1 : 0;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            int j = 0;
            for (int i = 0; i < eps.length; i++) {
                if (errors[s][i] > 0 && Double.isFinite(errors[s][i])) {
                    x[j] = eps[i];
                    y[j++] = errors[s][i];
                }
            }
            c = c.withSeries(new Series(String.format(Locale.ROOT, "%s: slope %.2f", labels[s], slope), x, y,
                    Series.Style.LINE_MARKERS));
        }
        for (int o = 0; o < orders.length; o++) {
            // anchored at the geometric mean of its own series when there is one series per order, else of the first
            double[] anchor = errors[orders.length == errors.length ? o : 0];
            double lx = 0;
            double ly = 0;
            int cnt = 0;
            for (int i = 0; i < eps.length; i++) {
                if (anchor[i] > 0 && Double.isFinite(anchor[i])) {
                    lx += Math.log(eps[i]);
                    ly += Math.log(anchor[i]);
                    cnt++;
                }
            }
            if (cnt == 0) {
                continue;
            }
            lx /= cnt;
            ly /= cnt;
            double[] ref = new double[eps.length];
            for (int i = 0; i < eps.length; i++) {
                ref[i] = Math.exp(ly + orders[o] * (Math.log(eps[i]) - lx));
            }
            String p = orders[o] == Math.rint(orders[o]) ? Integer.toString((int) orders[o]) : Double.toString(orders[o]);
            c = c.withSeries(new Series("∝ ε^" + p, eps, ref, Series.Style.DASHED));
        }
        return c;
    }

    /** The slope over ε ≤ {@link Sweep#FIT_MAX_EPSILON} when at least two points lie there, else over all points. */
    static double fittedSlope(double[] eps, double[] err) {
        int n = 0;
        for (double e : eps) {
            if (e <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                n++;
            }
        }
        if (n < 2) {
            return Sweep.slope(eps, err);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int j = 0;
        for (int i = 0; i < eps.length; i++) {
            if (eps[i] <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                x[j] = eps[i];
                y[j++] = err[i];
            }
        }
        return Sweep.slope(x, y);
    }
}
