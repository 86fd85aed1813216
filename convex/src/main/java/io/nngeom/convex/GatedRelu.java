package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.optim.BlockProvider;
import java.util.BitSet;
import java.util.List;

/**
 * The gated-ReLU relaxation (C-GReLU; Mishkin, Sahiner, Pilanci 2022; digest §3): with fixed gates g_i and
 * patterns D_i = diag(1[X̃ g_i ≥ 0]), the group lasso min ½‖Σ_i D_i X̃ u_i − y‖² + β Σ_i‖u_i‖₂ without cone
 * constraints. It is exactly the training problem of the gated network f(x) = Σ_i 1[g_iᵀx̃ ≥ 0] x̃ᵀu_i with those
 * gates. As in scnn, a bias is a ones column appended to X (penalised inside the group norm) and there is no
 * free output bias.
 */
public final class GatedRelu {
    private GatedRelu() {
    }

    /** The blocks D_i X̃ of the given patterns, generated on demand. */
    public static BlockProvider blocks(Matrix xAug, List<BitSet> patterns) {
        int n = xAug.rows();
        int q = xAug.cols();
        double[] xd = xAug.data();
        int[][] rows = new int[patterns.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = patterns.get(i).stream().toArray();
        }
        return new BlockProvider() {
            @Override
            public int rows() {
                return n;
            }

            @Override
            public int groups() {
                return rows.length;
            }

            @Override
            public int groupSize(int g) {
                return q;
            }

            @Override
            public void block(int g, double[] out) {
                java.util.Arrays.fill(out, 0);
                for (int k : rows[g]) {
                    for (int c = 0; c < q; c++) {
                        out[c * n + k] = xd[k * q + c];
                    }
                }
            }

            @Override
            public void addTimes(int g, double[] u, double[] out) {
                for (int k : rows[g]) {
                    double s = 0;
                    int o = k * q;
                    for (int c = 0; c < q; c++) {
                        s += xd[o + c] * u[c];
                    }
                    out[k] += s;
                }
            }

            @Override
            public void transposeTimes(int g, double[] v, double[] out) {
                java.util.Arrays.fill(out, 0, q, 0);
                for (int k : rows[g]) {
                    double a = v[k];
                    int o = k * q;
                    for (int c = 0; c < q; c++) {
                        out[c] += a * xd[o + c];
                    }
                }
            }
        };
    }
}
