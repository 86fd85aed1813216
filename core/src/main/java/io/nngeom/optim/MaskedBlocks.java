package io.nngeom.optim;

import io.nngeom.linalg.Matrix;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Group-lasso blocks B_g = D_g X that share one data matrix X ∈ ℝ^{n×d} and differ by 0/1 row masks
 * D_g = diag(1[k ∈ R_g]): the blocks of the gated-ReLU program and of the arrangement program (Pilanci and Ergen
 * 2020; Mishkin, Sahiner, Pilanci 2022, whose scnn implements the same operators with einsum).
 *
 * <p>The whole-vector products are fused over the groups. With S_k = {g : k ∈ R_g} the groups whose mask holds
 * row k, the forward product is (Σ_g D_g X u_g)_k = x_kᵀ (Σ_{g∈S_k} u_g), a gather-sum of d-vectors per row,
 * and the transposed product B_gᵀ v = Σ_{k∈R_g} v_k x_k is a scatter-add of v_k x_k into every g ∈ S_k. Both
 * cost nnz(D)·d additions and need neither the n×G matrix X·U nor the mask as a dense matrix.
 *
 * <p>The rows are split into {@link #PARTS} fixed contiguous ranges. When {@link #parallel} is on and the work is
 * large enough, the second range runs on the common fork-join pool while the caller does the first; the
 * transposed product sums the ranges' partial results in a fixed order. Results are therefore bit-identical
 * whether one or two threads do the work.
 */
public final class MaskedBlocks implements BlockProvider {
    /** Number of fixed row ranges (independent of the number of threads). */
    public static final int PARTS = 2;
    /** Below this many multiply-adds (nnz(D)·d) a product runs on the calling thread only. */
    public static final long PARALLEL_MIN_WORK = 200_000;

    private final int n;
    private final int d;
    private final double[] x;
    private final int[][] rowsOf;
    private final int[][] groupsOf;
    private final long work;
    private final boolean parallel;

    private MaskedBlocks(Matrix xm, int[][] rowsOf, boolean parallel) {
        this(xm.rows(), xm.cols(), xm.data().clone(), rowsOf, parallel);
    }

    private MaskedBlocks(int n, int d, double[] x, int[][] rowsOf, boolean parallel) {
        this.n = n;
        this.d = d;
        this.x = x;
        this.rowsOf = rowsOf;
        int[] count = new int[n];
        long nnz = 0;
        for (int[] rs : rowsOf) {
            for (int k : rs) {
                if (k < 0 || k >= n) {
                    throw new IllegalArgumentException("mask row " + k + " outside 0.." + (n - 1));
                }
                count[k]++;
            }
            nnz += rs.length;
        }
        groupsOf = new int[n][];
        for (int k = 0; k < n; k++) {
            groupsOf[k] = new int[count[k]];
        }
        int[] fill = new int[n];
        for (int g = 0; g < rowsOf.length; g++) {
            for (int k : rowsOf[g]) {
                groupsOf[k][fill[k]++] = g;
            }
        }
        this.work = nnz * d;
        this.parallel = parallel;
    }

    /**
     * Blocks D_g X for the given row masks (mask g holds the rows of R_g; bits at or beyond x.rows() are an
     * error). {@code parallel} lets large products use a second thread; the results do not depend on it.
     */
    public static MaskedBlocks of(Matrix x, List<BitSet> masks, boolean parallel) {
        int[][] rows = new int[masks.size()][];
        for (int g = 0; g < rows.length; g++) {
            rows[g] = masks.get(g).stream().toArray();
        }
        return new MaskedBlocks(x, rows, parallel);
    }

    /** As {@link #of(Matrix, List, boolean)}, parallel when the machine has at least two processors. */
    public static MaskedBlocks of(Matrix x, List<BitSet> masks) {
        return of(x, masks, Runtime.getRuntime().availableProcessors() >= 2);
    }

    @Override
    public MaskedBlocks subset(int[] groups) {
        int[][] rows = new int[groups.length][];
        for (int q = 0; q < groups.length; q++) {
            rows[q] = rowsOf[groups[q]];
        }
        return new MaskedBlocks(n, d, x, rows, parallel);
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int groups() {
        return rowsOf.length;
    }

    @Override
    public int groupSize(int g) {
        return d;
    }

    /** Rows of mask g (sorted; a copy). */
    public int[] maskRows(int g) {
        return rowsOf[g].clone();
    }

    @Override
    public int[] offsets() {
        int[] o = new int[rowsOf.length + 1];
        for (int g = 0; g < rowsOf.length; g++) {
            o[g + 1] = o[g] + d;
        }
        return o;
    }

    @Override
    public void block(int g, double[] out) {
        Arrays.fill(out, 0, n * d, 0);
        for (int k : rowsOf[g]) {
            for (int c = 0; c < d; c++) {
                out[c * n + k] = x[k * d + c];
            }
        }
    }

    @Override
    public void addTimes(int g, double[] u, double[] out) {
        for (int k : rowsOf[g]) {
            double s = 0;
            int o = k * d;
            for (int c = 0; c < d; c++) {
                s += x[o + c] * u[c];
            }
            out[k] += s;
        }
    }

    @Override
    public void transposeTimes(int g, double[] v, double[] out) {
        Arrays.fill(out, 0, d, 0);
        for (int k : rowsOf[g]) {
            double a = v[k];
            int o = k * d;
            for (int c = 0; c < d; c++) {
                out[c] += a * x[o + c];
            }
        }
    }

    @Override
    public void timesAll(double[] u, double[] out) {
        if (useTwoThreads()) {
            ForkJoinTask<?> t = ForkJoinPool.commonPool().submit(() -> forward(u, out, split(1), split(2)));
            forward(u, out, 0, split(1));
            t.join();
        } else {
            for (int p = 0; p < PARTS; p++) {
                forward(u, out, split(p), split(p + 1));
            }
        }
    }

    @Override
    public void transposeTimesAll(double[] v, double[] out) {
        int len = rowsOf.length * d;
        double[] second = new double[len];
        if (useTwoThreads()) {
            ForkJoinTask<?> t = ForkJoinPool.commonPool().submit(() -> backward(v, second, split(1), split(2)));
            backward(v, out, 0, split(1));
            t.join();
        } else {
            backward(v, out, 0, split(1));
            backward(v, second, split(1), split(2));
        }
        for (int i = 0; i < len; i++) {
            out[i] += second[i];
        }
    }

    private boolean useTwoThreads() {
        return parallel && work >= PARALLEL_MIN_WORK;
    }

    private int split(int p) {
        return (int) ((long) n * p / PARTS);
    }

    /** out[k] = x_kᵀ Σ_{g∈S_k} u_g for k in [from, to). */
    private void forward(double[] u, double[] out, int from, int to) {
        double[] w = new double[d];
        for (int k = from; k < to; k++) {
            Arrays.fill(w, 0);
            for (int g : groupsOf[k]) {
                int o = g * d;
                for (int c = 0; c < d; c++) {
                    w[c] += u[o + c];
                }
            }
            double s = 0;
            int o = k * d;
            for (int c = 0; c < d; c++) {
                s += x[o + c] * w[c];
            }
            out[k] = s;
        }
    }

    /** out[g·d + c] = Σ_{k∈R_g∩[from,to)} v_k x_kc (overwritten). */
    private void backward(double[] v, double[] out, int from, int to) {
        Arrays.fill(out, 0, rowsOf.length * d, 0);
        double[] a = new double[d];
        for (int k = from; k < to; k++) {
            double vk = v[k];
            if (vk == 0) {
                continue;
            }
            int o = k * d;
            for (int c = 0; c < d; c++) {
                a[c] = vk * x[o + c];
            }
            for (int g : groupsOf[k]) {
                int q = g * d;
                for (int c = 0; c < d; c++) {
                    out[q + c] += a[c];
                }
            }
        }
    }
}
