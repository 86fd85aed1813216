package io.nngeom.solvers;

/**
 * A dictionary (design matrix) A ∈ ℝ^{n×p} seen column by column. Dictionaries of convex network training have
 * up to millions of columns that are cheap to generate from a few parameters; solvers therefore touch A only
 * through this interface and never need it materialised ({@link DenseColumns} is the stored case).
 *
 * <p>Implementations must be deterministic: {@link #column} returns the same values on every call.
 * They need not be thread-safe.
 */
public interface ColumnProvider {
    /** Number of rows n (samples). */
    int rows();

    /** Number of columns p (features). */
    int cols();

    /** Writes column j into {@code out} (length {@link #rows()}). */
    void column(int j, double[] out);

    /** a_jᵀ v. The default generates the column; stored implementations override it. */
    default double dot(int j, double[] v) {
        double[] c = new double[rows()];
        column(j, c);
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += c[i] * v[i];
        }
        return s;
    }

    /** Aᵀ v into {@code out} (length p). */
    default void transposeTimes(double[] v, double[] out) {
        double[] c = new double[rows()];
        for (int j = 0; j < cols(); j++) {
            column(j, c);
            double s = 0;
            for (int i = 0; i < c.length; i++) {
                s += c[i] * v[i];
            }
            out[j] = s;
        }
    }

    /** out += Σ_j z_j a_j over the nonzero z_j. */
    default void addTimes(double[] z, double[] out) {
        double[] c = new double[rows()];
        for (int j = 0; j < cols(); j++) {
            if (z[j] != 0) {
                column(j, c);
                double a = z[j];
                for (int i = 0; i < c.length; i++) {
                    out[i] += a * c[i];
                }
            }
        }
    }

    /** A z (n values). */
    default double[] times(double[] z) {
        double[] out = new double[rows()];
        addTimes(z, out);
        return out;
    }

    /** Column sums Σ_i A_ij (for centring when the intercept is free). */
    default double[] columnSums() {
        double[] c = new double[rows()];
        double[] s = new double[cols()];
        for (int j = 0; j < cols(); j++) {
            column(j, c);
            double t = 0;
            for (double v : c) {
                t += v;
            }
            s[j] = t;
        }
        return s;
    }

    /** Squared column norms ‖a_j‖². */
    default double[] columnNorms2() {
        double[] c = new double[rows()];
        double[] s = new double[cols()];
        for (int j = 0; j < cols(); j++) {
            column(j, c);
            double t = 0;
            for (double v : c) {
                t += v * v;
            }
            s[j] = t;
        }
        return s;
    }
}
