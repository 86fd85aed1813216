package io.nngeom.solvers;

import java.util.Arrays;

/**
 * A dictionary partitioned into column blocks B_g ∈ ℝ^{n×k_g} (the groups of a group lasso), generated on
 * demand so that the full matrix [B_1 … B_G] is never needed.
 */
public interface BlockProvider {
    int rows();

    int groups();

    int groupSize(int g);

    /** Writes B_g column-major into {@code out} (length n·k_g). */
    void block(int g, double[] out);

    /** out += B_g u. */
    default void addTimes(int g, double[] u, double[] out) {
        int n = rows();
        int k = groupSize(g);
        double[] b = new double[n * k];
        block(g, b);
        for (int c = 0; c < k; c++) {
            double a = u[c];
            if (a != 0) {
                for (int i = 0; i < n; i++) {
                    out[i] += a * b[c * n + i];
                }
            }
        }
    }

    /** out = B_gᵀ v. */
    default void transposeTimes(int g, double[] v, double[] out) {
        int n = rows();
        int k = groupSize(g);
        double[] b = new double[n * k];
        block(g, b);
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += b[c * n + i] * v[i];
            }
            out[c] = s;
        }
    }

    /**
     * out = Σ_g B_g u_g over all groups (overwritten; u is the flat coefficient vector, groups in order). Groups
     * whose coefficients are all zero are skipped. Implementations may fuse the groups (see {@link MaskedBlocks}).
     */
    default void timesAll(double[] u, double[] out) {
        Arrays.fill(out, 0, rows(), 0);
        int[] off = offsets();
        for (int g = 0; g < groups(); g++) {
            if (SolverHelpers.anyNonzero(u, off[g], off[g + 1])) {
                addTimes(g, Arrays.copyOfRange(u, off[g], off[g + 1]), out);
            }
        }
    }

    /** out[off_g + c] = (B_gᵀ v)_c for every group g (the flat gradient layout). */
    default void transposeTimesAll(double[] v, double[] out) {
        int[] off = offsets();
        double[] c = new double[0];
        for (int g = 0; g < groups(); g++) {
            int k = off[g + 1] - off[g];
            if (c.length != k) {
                c = new double[k];
            }
            transposeTimes(g, v, c);
            System.arraycopy(c, 0, out, off[g], k);
        }
    }

    /**
     * The blocks of the given groups only (in the given order), as a provider of its own: group q of the result is
     * group {@code groups[q]} of this one. Implementations may rebuild fused structures for the subset.
     */
    default BlockProvider subset(int[] groups) {
        BlockProvider self = this;
        int[] gs = groups.clone();
        return new BlockProvider() {
            @Override
            public int rows() {
                return self.rows();
            }

            @Override
            public int groups() {
                return gs.length;
            }

            @Override
            public int groupSize(int g) {
                return self.groupSize(gs[g]);
            }

            @Override
            public void block(int g, double[] out) {
                self.block(gs[g], out);
            }

            @Override
            public void addTimes(int g, double[] u, double[] out) {
                self.addTimes(gs[g], u, out);
            }

            @Override
            public void transposeTimes(int g, double[] v, double[] out) {
                self.transposeTimes(gs[g], v, out);
            }
        };
    }

    /** Offsets of the groups in the flat coefficient vector (length groups()+1). */
    default int[] offsets() {
        int[] o = new int[groups() + 1];
        for (int g = 0; g < groups(); g++) {
            o[g + 1] = o[g] + groupSize(g);
        }
        return o;
    }

    /** The blocks of a dense dictionary taken as consecutive column groups of the given sizes. */
    static BlockProvider ofColumns(ColumnProvider a, int[] sizes) {
        int[] off = new int[sizes.length + 1];
        for (int g = 0; g < sizes.length; g++) {
            off[g + 1] = off[g] + sizes[g];
        }
        if (off[sizes.length] != a.cols()) {
            throw new IllegalArgumentException("group sizes sum to " + off[sizes.length] + ", dictionary has " + a.cols());
        }
        return new BlockProvider() {
            @Override
            public int rows() {
                return a.rows();
            }

            @Override
            public int groups() {
                return sizes.length;
            }

            @Override
            public int groupSize(int g) {
                return sizes[g];
            }

            @Override
            public void block(int g, double[] out) {
                int n = a.rows();
                double[] c = new double[n];
                for (int q = 0; q < sizes[g]; q++) {
                    a.column(off[g] + q, c);
                    System.arraycopy(c, 0, out, q * n, n);
                }
            }
        };
    }
}
