package io.nngeom.minimizers.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.minimizers.CostGradient;
import io.nngeom.net.Mlp;

/** Hessian of C2 by central differences of the gradient, and its numerical null-space dimension. */
final class Hessians {
    /** Eigenvalues with |λ| &lt; 1e-8·λ_max count as zero (digest §5, E4). */
    static final double NULL_TOLERANCE = 1e-8;
    /** Difference step on the parameters. */
    static final double STEP = 1e-5;

    private Hessians() {
    }

    static Matrix hessian(Mlp net, Dataset data) {
        ClusteredData cd = ClusteredData.of(data);
        double[] p = net.parameters();
        int k = p.length;
        Matrix h = Matrix.zeros(k, k);
        for (int i = 0; i < k; i++) {
            double old = p[i];
            p[i] = old + STEP;
            double[] up = CostGradient.gradient(net.withParameters(p), cd);
            p[i] = old - STEP;
            double[] dn = CostGradient.gradient(net.withParameters(p), cd);
            p[i] = old;
            for (int j = 0; j < k; j++) {
                h.set(i, j, (up[j] - dn[j]) / (2 * STEP));
            }
        }
        Matrix sym = h.plus(h.transpose()).scale(0.5);
        return sym;
    }

    /** Number of eigenvalues with |λ| &lt; 1e-8·max|λ|. */
    static int nullity(Mlp net, Dataset data) {
        double[] ev = Linalg.eigSym(hessian(net, data)).values();
        double max = 0;
        for (double v : ev) {
            max = Math.max(max, Math.abs(v));
        }
        int n = 0;
        for (double v : ev) {
            if (Math.abs(v) < NULL_TOLERANCE * max) {
                n++;
            }
        }
        return n;
    }
}
