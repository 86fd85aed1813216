package io.nngeom.convex.figures;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.plot.Chart;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** The convex area's charts, shared by the validation experiments and {@code nngeom convex fit/path --plot}. */
public final class FitFigures {
    /** Gap values below this are drawn at this value (a log axis cannot show 0). */
    static final double GAP_FLOOR = 1e-17;

    /** At most this many fits (evenly chosen along the path) in {@link #pathFits1d}. */
    static final int PATH_FITS_MAX = 6;

    private FitFigures() {
    }

    /**
     * 1-D data, the convex-optimal network, the breakpoints −b_j/w_j of its neurons (at samples, by the theory)
     * and, dashed, gradient-trained networks.
     */
    public static Chart fit1d(String name, Dataset data, Mlp convex, List<Mlp> gd, double beta) {
        double[] xs = data.x().colArray(0);
        double lo = Arrays.stream(xs).min().orElse(-1);
        double hi = Arrays.stream(xs).max().orElse(1);
        double pad = 0.08 * Math.max(hi - lo, 1e-9);
        double[] g = grid(lo - pad, hi + pad, 600);
        if (convex.layerCount() != 2) {
            // a deep network: its kinks are not single neurons' breakpoints, so only the function is drawn
            Chart c = Chart.of(name, String.format(Locale.ROOT, "1-D convex-optimal fit, depth %d (beta = %s)", convex.layerCount(), num(beta)), "x", "y")
                    .scatter("data", xs, data.y().colArray(0));
            for (int r = 0; r < gd.size(); r++) {
                c = c.withSeries(new Chart.Series("Adam " + (r + 1), g, eval1d(gd.get(r), g), Chart.Series.Style.DASHED));
            }
            return c.line("convex optimum", g, eval1d(convex, g));
        }
        var h = convex.layer(0);
        var out = convex.layer(1);
        int k = 0;
        for (int j = 0; j < h.outputs(); j++) {
            if (h.w(j, 0) != 0 && out.w(0, j) != 0) {
                k++;
            }
        }
        double[] bx = new double[k];
        k = 0;
        for (int j = 0; j < h.outputs(); j++) {
            if (h.w(j, 0) != 0 && out.w(0, j) != 0) {
                bx[k++] = -h.b(j) / h.w(j, 0);
            }
        }
        Chart c = Chart.of(name, String.format(Locale.ROOT, "1-D convex-optimal fit (beta = %s): %d neurons, breakpoints at samples", num(beta), bx.length), "x", "y")
                .scatter("data", xs, data.y().colArray(0));
        for (int r = 0; r < gd.size(); r++) {
            c = c.withSeries(new Chart.Series("Adam " + (r + 1), g, eval1d(gd.get(r), g), Chart.Series.Style.DASHED));
        }
        return c.line("convex optimum", g, eval1d(convex, g)).scatter("breakpoints", bx, eval1d(convex, bx));
    }

    /** A short number: %g without trailing zeros. */
    public static String num(double v) {
        String t = String.format(Locale.ROOT, "%g", v);
        if (t.contains("e")) {
            return t.replaceAll("\\.?0+e", "e");
        }
        return t.contains(".") ? t.replaceAll("0+$", "").replaceAll("\\.$", "") : t;
    }

    /** A solver's relative duality gap (or constraint violation) against its iterations, log scale. */
    public static Chart gap(String name, String title, String xLabel, String label, double[] iterations, double[] gaps) {
        double[] gy = gaps.clone();
        for (int i = 0; i < gy.length; i++) {
            gy[i] = Math.max(gy[i], GAP_FLOOR);
        }
        return Chart.of(name, title, xLabel, "relative duality gap").line(label, iterations, gy).withLogY();
    }

    /** β path: the number of nonzero coefficients (network width) against β, log β axis. */
    public static Chart pathWidth(String name, double[] betas, double[] nonzeros) {
        return new Chart(name, "beta path: width of the optimal network (nonzero coefficients)", "beta", "nonzeros", true, false, false, List.of())
                .withSeries(new Chart.Series("nonzeros", betas, nonzeros, Chart.Series.Style.LINE_MARKERS));
    }

    /** β path: the objective and ‖z‖₁ against β, log-log. */
    public static Chart pathObjective(String name, double[] betas, double[] objective, double[] l1) {
        return Chart.of(name, "beta path: convex objective and ||z||_1", "beta", "value")
                .withSeries(new Chart.Series("objective", betas, objective, Chart.Series.Style.LINE_MARKERS))
                .withSeries(new Chart.Series("||z||_1", betas, l1, Chart.Series.Style.LINE_MARKERS)).withLogLog();
    }

    /** β path: mean squared error on the training and the test data against β. */
    public static Chart pathMse(String name, double[] betas, double[] train, double[] test) {
        return Chart.of(name, "beta path: train and test mean squared error", "beta", "mse")
                .withSeries(new Chart.Series("train", betas, train, Chart.Series.Style.LINE_MARKERS))
                .withSeries(new Chart.Series("test", betas, test, Chart.Series.Style.LINE_MARKERS)).withLogLog();
    }

    /** β path, 1-D data: the optimal fit at each β. */
    public static Chart pathFits1d(String name, Dataset data, double[] betas, List<DoubleUnaryOperator> models) {
        double[] xs = data.x().colArray(0);
        double lo = Arrays.stream(xs).min().orElse(-1);
        double hi = Arrays.stream(xs).max().orElse(1);
        double pad = 0.08 * Math.max(hi - lo, 1e-9);
        double[] g = grid(lo - pad, hi + pad, 600);
        Chart c = Chart.of(name, "beta path: optimal fits (larger beta, fewer breakpoints)", "x", "y").scatter("data", xs, data.y().colArray(0));
        int shown = Math.min(models.size(), PATH_FITS_MAX);
        for (int q = 0; q < shown; q++) {
            int k = shown == 1 ? 0 : (int) Math.round((double) q * (models.size() - 1) / (shown - 1));
            c = c.line("beta " + num(betas[k]), g, Arrays.stream(g).map(models.get(k)).toArray());
        }
        return c;
    }

    /** k equally spaced points from lo to hi. */
    public static double[] grid(double lo, double hi, int k) {
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = lo + (hi - lo) * i / (k - 1);
        }
        return g;
    }

    /** A one-output model evaluated at the points xs of a 1-D input. */
    public static double[] eval1d(Mlp m, double[] xs) {
        Matrix x = Matrix.zeros(xs.length, 1);
        for (int i = 0; i < xs.length; i++) {
            x.set(i, 0, xs[i]);
        }
        return m.apply(x).colArray(0);
    }
}
