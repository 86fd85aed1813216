package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.solvers.ColumnProvider;
import java.util.Arrays;

/**
 * A finite dictionary of unit neurons (ŵ_j, b̂_j) evaluated on data X: column j is (X ŵ_j + b̂_j 1)₊. Columns are
 * generated on demand (O(n d) each), so the n×p matrix never exists. The neurons are unit in the penalty norm,
 * ‖ŵ_j‖_p = 1, which makes the Lasso over these columns the rescaled network problem (digest §1.1).
 */
public final class Dictionary implements ColumnProvider {
    private final Matrix x;
    private final int n;
    private final int d;
    private final double[] w;
    private final double[] b;
    private final int p;
    private final String description;

    /**
     * @param x data n×d
     * @param w neuron directions, p·d values (neuron j at [j·d, (j+1)·d))
     * @param b neuron biases, p values
     */
    public Dictionary(Matrix x, double[] w, double[] b, String description) {
        this.x = x;
        this.n = x.rows();
        this.d = x.cols();
        this.p = b.length;
        if (w.length != p * d) {
            throw new IllegalArgumentException("neuron arrays of unequal length");
        }
        this.w = w;
        this.b = b;
        this.description = description;
    }

    public Matrix data() {
        return x;
    }

    public String description() {
        return description;
    }

    public double[] direction(int j) {
        return Arrays.copyOfRange(w, j * d, (j + 1) * d);
    }

    public double bias(int j) {
        return b[j];
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int cols() {
        return p;
    }

    @Override
    public void column(int j, double[] out) {
        double[] xd = x.data();
        int o = j * d;
        double bj = b[j];
        if (d == 1) {
            double wj = w[o];
            for (int i = 0; i < n; i++) {
                double v = xd[i] * wj + bj;
                out[i] = v > 0 ? v : 0;
            }
            return;
        }
        if (d == 2) {
            double w0 = w[o];
            double w1 = w[o + 1];
            for (int i = 0; i < n; i++) {
                double v = xd[2 * i] * w0 + xd[2 * i + 1] * w1 + bj;
                out[i] = v > 0 ? v : 0;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double v = bj;
            int r = i * d;
            for (int k = 0; k < d; k++) {
                v += xd[r + k] * w[o + k];
            }
            out[i] = v > 0 ? v : 0;
        }
    }

    @Override
    public double dot(int j, double[] v) {
        double[] xd = x.data();
        int o = j * d;
        double bj = b[j];
        double s = 0;
        if (d == 2) {
            double w0 = w[o];
            double w1 = w[o + 1];
            for (int i = 0; i < n; i++) {
                double a = xd[2 * i] * w0 + xd[2 * i + 1] * w1 + bj;
                s += Math.max(a, 0) * v[i];
            }
            return s;
        }
        for (int i = 0; i < n; i++) {
            double a = bj;
            int r = i * d;
            for (int k = 0; k < d; k++) {
                a += xd[r + k] * w[o + k];
            }
            if (a > 0) {
                s += a * v[i];
            }
        }
        return s;
    }
}
