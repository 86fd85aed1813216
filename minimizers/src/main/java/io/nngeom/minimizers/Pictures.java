package io.nngeom.minimizers;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.plot.Chart;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Pictures of the constructions as {@link io.nngeom.plot.Figure} data: the inputs and their curated copies
 * after every hidden layer with the apex and the boundary rays of the cones p + K (solid) and p − K (dashed);
 * for Q ≥ 3 everything is projected orthogonally onto the plane of the two leading principal directions of the
 * class means (for Q = 3: the plane through the three means).
 */
public final class Pictures {
    /** At most this many points of each class are drawn. */
    private static final int MAX_POINTS = 150;

    private Pictures() {
    }

    /** One chart per layer ℓ = 0..L of a build (ℓ = 0: the inputs). */
    public static List<Chart> curated(BuildResult r, String namePrefix) {
        ClusteredData cd = r.data();
        int q = cd.classes();
        double[] origin = new double[q];
        Matrix basis = projection(cd, origin); // 2×Q rows: the plane's orthonormal basis
        double spread = meanSpread(cd);
        List<Chart> charts = new ArrayList<>();
        for (int l = 0; l < r.curated().size(); l++) {
            String title = l == 0 ? "Inputs, Q = " + q
                    : "After layer " + l + (r.layers().get(l - 1).isIdentity() ? " (identity)"
                    : ": class " + r.layers().get(l - 1).collapsed()[0] + " collapsed");
            if (q > 2) {
                title += " (projection)";
            }
            Chart c = Chart.of(namePrefix + "-layer" + l, title, "u1", "u2").withEqualAspect();
            Matrix z = r.curated().get(l);
            for (int j = 0; j < q; j++) {
                int[] idx = cd.indicesOf(j);
                int step = Math.max(1, idx.length / MAX_POINTS);
                int cnt = (idx.length + step - 1) / step;
                double[] xs = new double[cnt];
                double[] ys = new double[cnt];
                for (int t = 0; t < cnt; t++) {
                    double[] p = project(z.rowArray(idx[t * step]), basis, origin);
                    xs[t] = p[0];
                    ys[t] = p[1];
                }
                c = c.scatter("class " + j, xs, ys);
            }
            if (l > 0 && !r.layers().get(l - 1).isIdentity()) {
                Truncation t = r.cumulative().hidden().get(l - 1);
                double[] apex = t.apex();
                double[] pa = project(apex, basis, origin);
                c = c.scatter("apex p" + l, new double[] {pa[0]}, new double[] {pa[1]});
                Matrix rays = t.coneRays();
                for (int i = 0; i < q; i++) {
                    double[] e = new double[q];
                    double[] f = new double[q];
                    for (int k = 0; k < q; k++) {
                        e[k] = apex[k] + spread * rays.get(i, k);
                        f[k] = apex[k] - spread * rays.get(i, k);
                    }
                    double[] pe = project(e, basis, origin);
                    double[] pf = project(f, basis, origin);
                    c = c.withSeries(new Chart.Series("edge " + (i + 1) + " of p + K", new double[] {pa[0], pe[0]},
                            new double[] {pa[1], pe[1]}, Chart.Series.Style.LINE));
                    c = c.withSeries(new Chart.Series("edge " + (i + 1) + " of p − K", new double[] {pa[0], pf[0]},
                            new double[] {pa[1], pf[1]}, Chart.Series.Style.DASHED));
                }
            }
            charts.add(c);
        }
        return charts;
    }

    /** The local-minima table. */
    public static Table localMinimaTable(LocalMinimaResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (Configuration c : r.configurations()) {
            rows.add(List.of(c.label(), fmt(c.cost()), Double.isNaN(c.closedForm()) ? "—" : fmt(c.closedForm()),
                    fmt(c.gradientNorm()), fmt(c.hiddenGradientNorm()),
                    String.format(Locale.ROOT, "%.0f %%", 100 * c.descentFraction()), fmt(c.minCostChange()),
                    fmt(c.costAfterDescent()), fmt(c.descentDistance()), c.localMinimum() ? "yes" : "no"));
        }
        return new Table("minimizers-local-minima", "Candidate local minima, Q = " + r.classes() + ", L = " + r.layers()
                + " (C2 = (1/N) Σ |f(x) − y|²)",
                List.of("configuration", "C2", "predicted C2", "|∇C2|", "|∇_hidden C2|", "descending directions",
                        "min ΔC2", "C2 after GD", "GD distance", "local minimum"), rows);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    private static double meanSpread(ClusteredData cd) {
        double m = 0;
        for (int a = 0; a < cd.classes(); a++) {
            for (int b = 0; b < a; b++) {
                double s = 0;
                for (int k = 0; k < cd.inputDim(); k++) {
                    double d = cd.means().get(a, k) - cd.means().get(b, k);
                    s += d * d;
                }
                m = Math.max(m, Math.sqrt(s));
            }
        }
        return m > 0 ? 0.6 * m : 1;
    }

    /** 2×Q orthonormal rows spanning the plot plane; fills {@code origin} with the centroid of the means. */
    static Matrix projection(ClusteredData cd, double[] origin) {
        int q = cd.classes();
        int m = cd.inputDim();
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < m; k++) {
                origin[k] += cd.means().get(j, k) / q;
            }
        }
        if (m <= 2) {
            Matrix b = Matrix.zeros(2, m);
            for (int k = 0; k < m; k++) {
                b.set(k, k, 1);
            }
            if (m == 1) {
                Arrays.fill(origin, 0);
            }
            return b;
        }
        Matrix centred = Matrix.zeros(q, m);
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < m; k++) {
                centred.set(j, k, cd.means().get(j, k) - origin[k]);
            }
        }
        Matrix v = Linalg.svd(centred).v(); // m×min(q,m)
        Matrix b = Matrix.zeros(2, m);
        for (int k = 0; k < m; k++) {
            b.set(0, k, v.get(k, 0));
            b.set(1, k, v.cols() > 1 ? v.get(k, 1) : (k == 1 ? 1 : 0));
        }
        return b;
    }

    static double[] project(double[] p, Matrix basis, double[] origin) {
        double[] d = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            d[k] = p[k] - origin[k];
        }
        double[] out = new double[2];
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < p.length; k++) {
                out[i] += basis.get(i, k) * d[k];
            }
        }
        return out;
    }
}
