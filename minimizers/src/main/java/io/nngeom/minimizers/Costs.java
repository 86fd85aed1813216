package io.nngeom.minimizers;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;

/**
 * The L² cost of the paper in both normalisations (digest §1.3): C2 = (1/N) Σ_n |f(x_n) − y_n|² (smooth; used
 * for gradients and Hessians; equal to nngeom's {@code Loss.MSE}) and C = √C2, the Hilbert–Schmidt norm
 * ‖X^{(L+1)} − Y^ext‖_{L²_N} with the 1/N inside the root (used against O(δ_P) bounds).
 */
public final class Costs {
    private Costs() {
    }

    /** C2 = (1/N) Σ_n |out_n − y_n|² for outputs and targets given as rows. */
    public static double c2(Matrix out, Matrix y) {
        if (out.rows() != y.rows() || out.cols() != y.cols()) {
            throw new IllegalArgumentException("outputs " + out.rows() + "x" + out.cols() + " vs targets " + y.rows() + "x" + y.cols());
        }
        double[] a = out.data();
        double[] b = y.data();
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / out.rows();
    }

    /** C2 of a network on the clustered data. */
    public static double c2(Mlp net, ClusteredData data) {
        return c2(net.apply(data.x()), data.extendedTargets());
    }
}
