package io.nngeom.piecewise;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;

/**
 * Batch evaluation of an {@link Mlp} that skips zero weights (compressed rows). The constructed lattice networks
 * are block sparse (each unit reads two or three values), so this is far faster than the dense forward pass;
 * the result is identical, since adding a zero product leaves a floating-point sum unchanged.
 */
public final class SparseEval {
    private final int[][] idx;
    private final double[][] val;
    private final double[][] bias;
    private final Activation[] act;
    private final int[] out;
    private final int inputs;

    public SparseEval(Mlp net) {
        int l = net.layerCount();
        idx = new int[l][];
        val = new double[l][];
        bias = new double[l][];
        act = new Activation[l];
        out = new int[l];
        inputs = net.inputDim();
        rowStart = new int[l][];
        for (int k = 0; k < l; k++) {
            Layer ly = net.layer(k);
            int m = ly.outputs();
            int n = ly.inputs();
            out[k] = m;
            act[k] = ly.activation();
            bias[k] = ly.bias();
            int nnz = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    if (ly.w(i, j) != 0) {
                        nnz++;
                    }
                }
            }
            idx[k] = new int[nnz];
            val[k] = new double[nnz];
            rowStart[k] = new int[m + 1];
            int p = 0;
            for (int i = 0; i < m; i++) {
                rowStart[k][i] = p;
                for (int j = 0; j < n; j++) {
                    double w = ly.w(i, j);
                    if (w != 0) {
                        idx[k][p] = j;
                        val[k][p] = w;
                        p++;
                    }
                }
            }
            rowStart[k][m] = p;
        }
    }

    private final int[][] rowStart;

    /** First output for each row of x. */
    public double[] apply(Matrix x) {
        int nPts = x.rows();
        double[] res = new double[nPts];
        int maxW = inputs;
        for (int o : out) {
            maxW = Math.max(maxW, o);
        }
        double[] a = new double[maxW];
        double[] z = new double[maxW];
        for (int r = 0; r < nPts; r++) {
            for (int j = 0; j < inputs; j++) {
                a[j] = x.get(r, j);
            }
            for (int k = 0; k < out.length; k++) {
                int[] id = idx[k];
                double[] v = val[k];
                int[] rs = rowStart[k];
                Activation ac = act[k];
                for (int i = 0; i < out[k]; i++) {
                    double s = bias[k][i];
                    for (int p = rs[i]; p < rs[i + 1]; p++) {
                        s += v[p] * a[id[p]];
                    }
                    z[i] = ac.apply(s);
                }
                double[] t = a;
                a = z;
                z = t;
            }
            res[r] = a[0];
        }
        return res;
    }
}
