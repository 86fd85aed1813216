package io.nngeom.data;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;

/**
 * A joint distribution P_XY of two finite random variables X ∈ {0..n_x−1}, Y ∈ {0..n_y−1}, stored as the
 * n_y × n_x table P[y][x] = P(X = x, Y = y) (the layout of Huang et al. / Xu et al. and of the local-geometry
 * digest). Immutable.
 */
public final class JointDistribution {
    /** Largest |Σ P − 1| accepted for a given table: 1e-9 (a table typed or computed in float64). */
    public static final double SUM_TOLERANCE = 1e-9;

    private final Matrix table;
    private final double[] cumulative;

    private JointDistribution(Matrix table) {
        this.table = table;
        double[] d = table.data();
        cumulative = new double[d.length];
        double s = 0;
        for (int k = 0; k < d.length; k++) {
            s += d[k];
            cumulative[k] = s;
        }
    }

    /**
     * The distribution with the given n_y × n_x table.
     *
     * @throws IllegalArgumentException if an entry is negative or not finite, or the entries do not sum to 1
     *                                  within {@link #SUM_TOLERANCE}
     */
    public static JointDistribution of(Matrix table) {
        if (table.rows() == 0 || table.cols() == 0) {
            throw new IllegalArgumentException("a joint distribution needs at least one x and one y value");
        }
        double s = 0;
        for (double v : table.data()) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("probabilities must be finite and >= 0, got " + v);
            }
            s += v;
        }
        if (Math.abs(s - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("probabilities sum to " + s + ", not 1");
        }
        return new JointDistribution(table.copy());
    }

    /** The distribution proportional to a non-negative table (normalised to sum 1). */
    public static JointDistribution normalized(Matrix weights) {
        double s = 0;
        for (double v : weights.data()) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + v);
            }
            s += v;
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("weights sum to 0");
        }
        return new JointDistribution(weights.scale(1 / s));
    }

    /**
     * A random distribution: the table is a draw from the flat Dirichlet distribution on the n_x·n_y cells
     * (normalised independent Exp(1) variables), so every cell and both marginals are positive almost surely.
     */
    public static JointDistribution random(int nx, int ny, long seed) {
        if (nx <= 0 || ny <= 0) {
            throw new IllegalArgumentException("alphabet sizes must be positive, got n_x=" + nx + ", n_y=" + ny);
        }
        SplittableRandom rng = Seeds.rng(seed);
        double[] w = new double[nx * ny];
        for (int k = 0; k < w.length; k++) {
            w[k] = -Math.log1p(-rng.nextDouble());
        }
        return normalized(new Matrix(ny, nx, w));
    }

    /** The empirical distribution of sample pairs: P̂[y][x] = #{i : x_i = x, y_i = y} / n. */
    public static JointDistribution empirical(Samples s, int nx, int ny) {
        if (s.size() == 0) {
            throw new IllegalArgumentException("no samples");
        }
        Matrix t = Matrix.zeros(ny, nx);
        for (int i = 0; i < s.size(); i++) {
            int x = s.x()[i];
            int y = s.y()[i];
            if (x < 0 || x >= nx || y < 0 || y >= ny) {
                throw new IllegalArgumentException("sample (" + x + ", " + y + ") outside the alphabets " + nx + " x " + ny);
            }
            t.set(y, x, t.get(y, x) + 1);
        }
        return new JointDistribution(t.scale(1.0 / s.size()));
    }

    /** Sample pairs (x_i, y_i). */
    public record Samples(int[] x, int[] y) {
        public Samples {
            if (x.length != y.length) {
                throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
            }
        }

        public int size() {
            return x.length;
        }
    }

    /** n i.i.d. pairs drawn from P (inverse-CDF sampling over the cells in row-major order). */
    public Samples sample(int n, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        int[] xs = new int[n];
        int[] ys = new int[n];
        int nx = table.cols();
        double total = cumulative[cumulative.length - 1];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * total;
            int lo = 0;
            int hi = cumulative.length; // smallest k with cumulative[k] > u: cell k has positive mass
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            int k = lo;
            if (k == cumulative.length) { // u rounded up to the total: the last cell of positive mass
                k = cumulative.length - 1;
                while (table.data()[k] == 0) {
                    k--;
                }
            }
            xs[i] = k % nx;
            ys[i] = k / nx;
        }
        return new Samples(xs, ys);
    }

    /**
     * Samples as a classification data set: the input is the one-hot encoding of x (n × n_x), the class is y
     * (n_y classes).
     */
    public Dataset toDataset(Samples s) {
        Matrix x = Matrix.zeros(s.size(), nx());
        for (int i = 0; i < s.size(); i++) {
            x.set(i, s.x()[i], 1.0);
        }
        return Dataset.classification(x, s.y(), ny());
    }

    /** The n_y × n_x table (a copy). */
    public Matrix table() {
        return table.copy();
    }

    public double p(int x, int y) {
        return table.get(y, x);
    }

    public int nx() {
        return table.cols();
    }

    public int ny() {
        return table.rows();
    }

    /** Marginal p_x(x) = Σ_y P[y][x]. */
    public double[] px() {
        double[] p = new double[nx()];
        for (int y = 0; y < ny(); y++) {
            for (int x = 0; x < nx(); x++) {
                p[x] += table.get(y, x);
            }
        }
        return p;
    }

    /** Marginal p_y(y) = Σ_x P[y][x]. */
    public double[] py() {
        double[] p = new double[ny()];
        for (int y = 0; y < ny(); y++) {
            for (int x = 0; x < nx(); x++) {
                p[y] += table.get(y, x);
            }
        }
        return p;
    }

    /**
     * The conditional P(Y = y | X = x) as an n_y × n_x matrix (columns sum to 1).
     *
     * @throws IllegalArgumentException if some x has probability 0
     */
    public Matrix conditionalYGivenX() {
        double[] px = px();
        Matrix c = Matrix.zeros(ny(), nx());
        for (int x = 0; x < nx(); x++) {
            if (px[x] == 0) {
                throw new IllegalArgumentException("p_x(" + x + ") = 0: the conditional is undefined");
            }
            for (int y = 0; y < ny(); y++) {
                c.set(y, x, table.get(y, x) / px[x]);
            }
        }
        return c;
    }

    /** Total-variation distance ½ Σ |P − Q| to another distribution on the same alphabets. */
    public double totalVariation(JointDistribution other) {
        if (other.nx() != nx() || other.ny() != ny()) {
            throw new IllegalArgumentException("alphabets differ");
        }
        double s = 0;
        double[] a = table.data();
        double[] b = other.table.data();
        for (int k = 0; k < a.length; k++) {
            s += Math.abs(a[k] - b[k]);
        }
        return s / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JointDistribution j && j.table.equals(table);
    }

    @Override
    public int hashCode() {
        return table.hashCode();
    }

    @Override
    public String toString() {
        return "JointDistribution[n_x=" + nx() + ", n_y=" + ny() + "]";
    }
}
