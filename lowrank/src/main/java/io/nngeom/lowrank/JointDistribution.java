package io.nngeom.lowrank;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A finite joint law P_XY stored as an n_y × n_x matrix with {@code P[y][x] = P_XY(x, y)} (the layout of
 * Xu, Huang, Zheng, Wornell, "An information theoretic interpretation to deep neural networks", ISIT 2019).
 * Both marginals are strictly positive: symbols that never occur are removed by {@link #ofTable} with a
 * warning, because the divergence transition matrix is undefined on them.
 *
 * @param p the probabilities (entries ≥ 0, summing to 1), n_y × n_x
 * @param xNames names of the X symbols (length n_x)
 * @param yNames names of the Y symbols (length n_y)
 * @param warnings what was changed while building (dropped symbols)
 */
public record JointDistribution(Matrix p, List<String> xNames, List<String> yNames, List<String> warnings) {

    /** Tolerance on Σ P = 1 for a table given as probabilities: 1e-9 (entries are normalised anyway). */
    public static final double SUM_TOLERANCE = 1e-9;

    public JointDistribution {
        xNames = List.copyOf(xNames);
        yNames = List.copyOf(yNames);
        warnings = List.copyOf(warnings);
        if (xNames.size() != p.cols() || yNames.size() != p.rows()) {
            throw new IllegalArgumentException("names do not match a " + p.rows() + "x" + p.cols() + " table");
        }
        p = p.copy();
    }

    /**
     * Builds the law from a table of probabilities or nonnegative counts (normalised to sum 1). Rows and columns
     * with zero total are dropped, each with a warning.
     *
     * @param source where the table came from (for the one-line error message)
     */
    public static JointDistribution ofTable(Matrix table, List<String> xNames, List<String> yNames, String source) {
        int ny = table.rows();
        int nx = table.cols();
        if (ny < 2 || nx < 2) {
            throw new InputException(source + ": joint table must be at least 2x2, got " + ny + "x" + nx);
        }
        double total = 0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double v = table.get(y, x);
                if (!Double.isFinite(v) || v < 0) {
                    throw new InputException(source + ": entry (" + (y + 1) + "," + (x + 1) + ") is " + v
                            + "; probabilities or counts must be finite and nonnegative");
                }
                total += v;
            }
        }
        if (!(total > 0)) {
            throw new InputException(source + ": joint table sums to 0");
        }
        List<String> warnings = new ArrayList<>();
        List<Integer> keepX = new ArrayList<>();
        List<Integer> keepY = new ArrayList<>();
        for (int x = 0; x < nx; x++) {
            double s = 0;
            for (int y = 0; y < ny; y++) {
                s += table.get(y, x);
            }
            if (s > 0) {
                keepX.add(x);
            } else {
                warnings.add(source + ": x symbol '" + xNames.get(x) + "' has probability 0 and was dropped");
            }
        }
        for (int y = 0; y < ny; y++) {
            double s = 0;
            for (int x = 0; x < nx; x++) {
                s += table.get(y, x);
            }
            if (s > 0) {
                keepY.add(y);
            } else {
                warnings.add(source + ": y symbol '" + yNames.get(y) + "' has probability 0 and was dropped");
            }
        }
        if (keepX.size() < 2 || keepY.size() < 2) {
            throw new InputException(source + ": fewer than 2 x or y symbols have positive probability");
        }
        Matrix p = new Matrix(keepY.size(), keepX.size(), new double[keepY.size() * keepX.size()]);
        List<String> xn = new ArrayList<>();
        List<String> yn = new ArrayList<>();
        for (int j = 0; j < keepX.size(); j++) {
            xn.add(xNames.get(keepX.get(j)));
        }
        for (int i = 0; i < keepY.size(); i++) {
            yn.add(yNames.get(keepY.get(i)));
            for (int j = 0; j < keepX.size(); j++) {
                p.set(i, j, table.get(keepY.get(i), keepX.get(j)) / total);
            }
        }
        return new JointDistribution(p, xn, yn, warnings);
    }

    /** A law from a table with default symbol names x0.., y0... */
    public static JointDistribution ofTable(Matrix table) {
        return ofTable(table, names("x", table.cols()), names("y", table.rows()), "table");
    }

    /** The plug-in (empirical) law P̂ = counts / n of paired samples with x in [0, nx) and y in [0, ny). */
    public static JointDistribution fromSamples(int[] xs, int[] ys, int nx, int ny) {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("samples: " + xs.length + " x values, " + ys.length + " y values");
        }
        Matrix counts = Matrix.zeros(ny, nx);
        for (int i = 0; i < xs.length; i++) {
            counts.set(ys[i], xs[i], counts.get(ys[i], xs[i]) + 1);
        }
        return ofTable(counts, names("x", nx), names("y", ny), "samples");
    }

    static List<String> names(String prefix, int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(prefix + i);
        }
        return l;
    }

    public int nx() {
        return p.cols();
    }

    public int ny() {
        return p.rows();
    }

    /** P_XY(x, y). */
    public double prob(int x, int y) {
        return p.get(y, x);
    }

    /** The table (a copy), n_y × n_x. */
    public Matrix table() {
        return p.copy();
    }

    /** p_x = column sums. */
    public double[] px() {
        double[] r = new double[nx()];
        for (int y = 0; y < ny(); y++) {
            for (int x = 0; x < nx(); x++) {
                r[x] += p.get(y, x);
            }
        }
        return r;
    }

    /** p_y = row sums. */
    public double[] py() {
        double[] r = new double[ny()];
        for (int y = 0; y < ny(); y++) {
            for (int x = 0; x < nx(); x++) {
                r[y] += p.get(y, x);
            }
        }
        return r;
    }

    /** Shannon entropy H(Y) in nats. */
    public double entropyY() {
        return entropy(py());
    }

    /** H(Y|X) in nats. */
    public double conditionalEntropyYgivenX() {
        double[] px = px();
        double h = 0;
        for (int x = 0; x < nx(); x++) {
            for (int y = 0; y < ny(); y++) {
                double v = p.get(y, x);
                if (v > 0) {
                    h -= v * Math.log(v / px[x]);
                }
            }
        }
        return h;
    }

    /** Mutual information I(X;Y) in nats, Σ P log(P / p_x p_y). */
    public double mutualInformation() {
        double[] px = px();
        double[] py = py();
        double s = 0;
        for (int y = 0; y < ny(); y++) {
            for (int x = 0; x < nx(); x++) {
                double v = p.get(y, x);
                if (v > 0) {
                    s += v * Math.log(v / (px[x] * py[y]));
                }
            }
        }
        return s;
    }

    static double entropy(double[] q) {
        double h = 0;
        for (double v : q) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    /** n i.i.d. draws (x_i, y_i) from the law; returns {xs, ys}. Inverse-CDF sampling over the n_x·n_y cells. */
    public int[][] sample(int n, SplittableRandom rng) {
        int cells = nx() * ny();
        double[] cdf = new double[cells];
        double acc = 0;
        for (int c = 0; c < cells; c++) {
            acc += p.get(c % ny(), c / ny());
            cdf[c] = acc;
        }
        int[] xs = new int[n];
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * acc;
            int lo = 0;
            int hi = cells - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            xs[i] = lo / ny();
            ys[i] = lo % ny();
        }
        return new int[][]{xs, ys};
    }

    /** The empirical law of n samples (multinomial draw), keeping all symbol names when every symbol occurs. */
    public JointDistribution empirical(int n, SplittableRandom rng) {
        int[][] s = sample(n, rng);
        Matrix counts = Matrix.zeros(ny(), nx());
        for (int i = 0; i < n; i++) {
            counts.set(s[1][i], s[0][i], counts.get(s[1][i], s[0][i]) + 1);
        }
        return ofTable(counts, xNames, yNames, "samples");
    }
}
