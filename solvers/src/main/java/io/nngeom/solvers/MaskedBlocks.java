package io.nngeom.solvers;

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
 * and the transposed product B_gᵀ v = Σ_{k∈R_g} v_k x_k is a weighted sum of the rows of R_g. Both
 * cost nnz(D)·d additions and need neither the n×G matrix X·U nor the mask as a dense matrix.
 *
 * <p>Both products accumulate in registers: the forward product runs over the rows (a gather-sum of the u_g,
 * g ∈ S_k, per row), the transposed one over the groups (a weighted gather-sum of the rows x_k, k ∈ R_g, per
 * group), each in column chunks of at most eight. Every output entry is therefore written by exactly one loop
 * in a fixed order. With {@code parallel} on and enough work, the second half of the rows (or groups) runs on the
 * common fork-join pool while the caller does the first half; since no output entry is shared, results are
 * bit-identical whether one or two threads do the work.
 *
 * <p>Chained kernels. Activation patterns of nearby rows (and masks of nearby gates) differ in few entries, so
 * the sums need not start from scratch: the rows are put in a greedy nearest-neighbour order in Hamming distance
 * of their sets S_k, and the forward product keeps the running sum Σ_{g∈S_k} u_g, adding the groups that enter
 * and subtracting those that leave from one row of the order to the next; the transposed product does the same
 * over an order of the groups with their row sets R_g. The sums restart from zero every {@link MaskChain#BLOCK}
 * positions (which bounds the accumulated rounding, about ε times the sum of the magnitudes over one block, and
 * puts the two-thread split at a block start, so one or two threads still give bit-identical results). A chain
 * is used only when it needs at most {@link MaskChain#MAX_WORK_FRACTION} of the direct kernel's additions. On the
 * gated benchmark (2000 rows, 10 columns, 1000 Gaussian gates) the chains need 0.39 (forward) and 0.42
 * (transposed) of the additions, and in a microbenchmark (one thread, load 3–5) a product took 1.3–2.0 ms instead
 * of 3.0–3.6 ms.
 */
public final class MaskedBlocks implements BlockProvider {
    /** Below this many multiply-adds (nnz(D)·d) a product runs on the calling thread only. */
    public static final long PARALLEL_MIN_WORK = 200_000;

    private final int n;
    private final int d;
    private final double[] x;
    private final int[][] rowsOf;
    private final int[][] groupsOf;
    private final long work;
    private final boolean parallel;
    /** Chained kernels (see the class comment), or null where they would not save enough work. */
    private final MaskChain rowChain;
    private final MaskChain groupChain;

    private MaskedBlocks(Matrix xm, int[][] rowsOf, boolean parallel, boolean chained) {
        this(xm.rows(), xm.cols(), xm.data().clone(), rowsOf, parallel, chained);
    }

    private MaskedBlocks(int n, int d, double[] x, int[][] rowsOf, boolean parallel, boolean chained) {
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
        this.rowChain = chained ? MaskChain.of(groupsOf, rowsOf.length, nnz) : null;
        this.groupChain = chained ? MaskChain.of(rowsOf, n, nnz) : null;
    }

    /**
     * Blocks D_g X for the given row masks (mask g holds the rows of R_g; bits at or beyond x.rows() are an
     * error). {@code parallel} lets large products use a second thread; the results do not depend on it.
     */
    public static MaskedBlocks of(Matrix x, List<BitSet> masks, boolean parallel) {
        return of(x, masks, parallel, true);
    }

    /** As {@link #of(Matrix, List, boolean)}; {@code chained} false keeps the direct kernels (for tests). */
    static MaskedBlocks of(Matrix x, List<BitSet> masks, boolean parallel, boolean chained) {
        int[][] rows = new int[masks.size()][];
        for (int g = 0; g < rows.length; g++) {
            rows[g] = masks.get(g).stream().toArray();
        }
        return new MaskedBlocks(x, rows, parallel, chained);
    }

    /** Whether the forward and the transposed product use chained kernels (in that order). */
    boolean[] chained() {
        return new boolean[] {rowChain != null, groupChain != null};
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
        return new MaskedBlocks(n, d, x, rows, parallel, rowChain != null || groupChain != null);
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
        if (rowChain != null) {
            inHalves((from, to) -> forwardChained(u, out, from, to), rowChain.split(), n);
        } else {
            inHalves((from, to) -> forward(u, out, from, to), n / 2, n);
        }
    }

    @Override
    public void transposeTimesAll(double[] v, double[] out) {
        int groups = rowsOf.length;
        if (groupChain != null) {
            inHalves((from, to) -> backwardChained(v, out, from, to), groupChain.split(), groups);
        } else {
            inHalves((from, to) -> backward(v, out, from, to), groups / 2, groups);
        }
    }

    /** A kernel over positions [from, to). */
    private interface Range {
        void run(int from, int to);
    }

    /** Runs {@code r} over [0, end): as [half, end) on the common pool beside [0, half) when two threads pay, else at once. */
    private void inHalves(Range r, int half, int end) {
        if (useTwoThreads()) {
            ForkJoinTask<?> t = ForkJoinPool.commonPool().submit(() -> r.run(half, end));
            r.run(0, half);
            t.join();
        } else {
            r.run(0, end);
        }
    }

    /**
     * Forward product along the row chain, positions [from, to) (both multiples of {@link MaskChain#BLOCK} or n): the
     * running sum a = Σ_{g∈S_k} u_g is updated by the groups entering and leaving between consecutive rows of the
     * chain and restarted from zero at every block start; out[k] = x_kᵀ a. Column chunks of at most four are
     * kept in registers, one pass over the chain per chunk, the chunks' partial products added in column order.
     */
    private void forwardChained(double[] u, double[] out, int from, int to) {
        int[] order = rowChain.order;
        // accumulate by chain position (sequential, private to this thread), scatter to the rows at the end
        double[] acc = new double[to - from];
        int c = 0;
        while (c < d) {
            int width = Math.min(4, d - c);
            if (width == 4) {
                double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                for (int p = from; p < to; p++) {
                    if (p % MaskChain.BLOCK == 0) {
                        a0 = 0;
                        a1 = 0;
                        a2 = 0;
                        a3 = 0;
                    }
                    for (int g : rowChain.plus[p]) {
                        int o = g * d + c;
                        a0 += u[o];
                        a1 += u[o + 1];
                        a2 += u[o + 2];
                        a3 += u[o + 3];
                    }
                    for (int g : rowChain.minus[p]) {
                        int o = g * d + c;
                        a0 -= u[o];
                        a1 -= u[o + 1];
                        a2 -= u[o + 2];
                        a3 -= u[o + 3];
                    }
                    int xo = order[p] * d + c;
                    acc[p - from] += a0 * x[xo] + a1 * x[xo + 1] + a2 * x[xo + 2] + a3 * x[xo + 3];
                }
                c += 4;
            } else {
                double a0 = 0;
                for (int p = from; p < to; p++) {
                    if (p % MaskChain.BLOCK == 0) {
                        a0 = 0;
                    }
                    for (int g : rowChain.plus[p]) {
                        a0 += u[g * d + c];
                    }
                    for (int g : rowChain.minus[p]) {
                        a0 -= u[g * d + c];
                    }
                    acc[p - from] += a0 * x[order[p] * d + c];
                }
                c += 1;
            }
        }
        for (int p = from; p < to; p++) {
            out[order[p]] = acc[p - from];
        }
    }

    /**
     * Transposed product along the group chain, positions [from, to): the running sum b = Σ_{k∈R_g} v_k x_k is
     * updated by the rows entering and leaving between consecutive groups of the chain and restarted at every block
     * start; it is B_gᵀv. Column chunks of at most four are kept in registers, one pass over the chain per chunk.
     */
    private void backwardChained(double[] v, double[] out, int from, int to) {
        int[] order = groupChain.order;
        // accumulate by chain position (sequential, private to this thread), scatter to the groups at the end
        double[] acc = new double[(to - from) * d];
        int c = 0;
        while (c < d) {
            int width = Math.min(4, d - c);
            if (width == 4) {
                double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
                for (int p = from; p < to; p++) {
                    if (p % MaskChain.BLOCK == 0) {
                        b0 = 0;
                        b1 = 0;
                        b2 = 0;
                        b3 = 0;
                    }
                    for (int k : groupChain.plus[p]) {
                        double vk = v[k];
                        int o = k * d + c;
                        b0 += vk * x[o];
                        b1 += vk * x[o + 1];
                        b2 += vk * x[o + 2];
                        b3 += vk * x[o + 3];
                    }
                    for (int k : groupChain.minus[p]) {
                        double vk = v[k];
                        int o = k * d + c;
                        b0 -= vk * x[o];
                        b1 -= vk * x[o + 1];
                        b2 -= vk * x[o + 2];
                        b3 -= vk * x[o + 3];
                    }
                    int go = (p - from) * d + c;
                    acc[go] = b0;
                    acc[go + 1] = b1;
                    acc[go + 2] = b2;
                    acc[go + 3] = b3;
                }
                c += 4;
            } else {
                double b0 = 0;
                for (int p = from; p < to; p++) {
                    if (p % MaskChain.BLOCK == 0) {
                        b0 = 0;
                    }
                    for (int k : groupChain.plus[p]) {
                        b0 += v[k] * x[k * d + c];
                    }
                    for (int k : groupChain.minus[p]) {
                        b0 -= v[k] * x[k * d + c];
                    }
                    acc[(p - from) * d + c] = b0;
                }
                c += 1;
            }
        }
        for (int p = from; p < to; p++) {
            System.arraycopy(acc, (p - from) * d, out, order[p] * d, d);
        }
    }

    private boolean useTwoThreads() {
        return parallel && work >= PARALLEL_MIN_WORK;
    }

    /** out[k] = x_kᵀ Σ_{g∈S_k} u_g for k in [from, to): per row a gather-sum in register accumulators. */
    private void forward(double[] u, double[] out, int from, int to) {
        for (int k = from; k < to; k++) {
            int[] gs = groupsOf[k];
            int xo = k * d;
            double s = 0;
            int c = 0;
            while (c < d) {
                int width = d - c;
                if (width >= 8) {
                    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
                    for (int g : gs) {
                        int o = g * d + c;
                        a0 += u[o];
                        a1 += u[o + 1];
                        a2 += u[o + 2];
                        a3 += u[o + 3];
                        a4 += u[o + 4];
                        a5 += u[o + 5];
                        a6 += u[o + 6];
                        a7 += u[o + 7];
                    }
                    s += a0 * x[xo + c] + a1 * x[xo + c + 1] + a2 * x[xo + c + 2] + a3 * x[xo + c + 3]
                            + a4 * x[xo + c + 4] + a5 * x[xo + c + 5] + a6 * x[xo + c + 6] + a7 * x[xo + c + 7];
                    c += 8;
                } else if (width >= 4) {
                    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                    for (int g : gs) {
                        int o = g * d + c;
                        a0 += u[o];
                        a1 += u[o + 1];
                        a2 += u[o + 2];
                        a3 += u[o + 3];
                    }
                    s += a0 * x[xo + c] + a1 * x[xo + c + 1] + a2 * x[xo + c + 2] + a3 * x[xo + c + 3];
                    c += 4;
                } else if (width >= 2) {
                    double a0 = 0, a1 = 0;
                    for (int g : gs) {
                        int o = g * d + c;
                        a0 += u[o];
                        a1 += u[o + 1];
                    }
                    s += a0 * x[xo + c] + a1 * x[xo + c + 1];
                    c += 2;
                } else {
                    double a0 = 0;
                    for (int g : gs) {
                        a0 += u[g * d + c];
                    }
                    s += a0 * x[xo + c];
                    c += 1;
                }
            }
            out[k] = s;
        }
    }

    /** out[g·d + c] = Σ_{k∈R_g} v_k x_kc for g in [from, to): per group a weighted gather-sum over its rows. */
    private void backward(double[] v, double[] out, int from, int to) {
        for (int g = from; g < to; g++) {
            int[] ks = rowsOf[g];
            int go = g * d;
            int c = 0;
            while (c < d) {
                int width = d - c;
                if (width >= 8) {
                    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
                    for (int k : ks) {
                        double vk = v[k];
                        int o = k * d + c;
                        a0 += vk * x[o];
                        a1 += vk * x[o + 1];
                        a2 += vk * x[o + 2];
                        a3 += vk * x[o + 3];
                        a4 += vk * x[o + 4];
                        a5 += vk * x[o + 5];
                        a6 += vk * x[o + 6];
                        a7 += vk * x[o + 7];
                    }
                    out[go + c] = a0;
                    out[go + c + 1] = a1;
                    out[go + c + 2] = a2;
                    out[go + c + 3] = a3;
                    out[go + c + 4] = a4;
                    out[go + c + 5] = a5;
                    out[go + c + 6] = a6;
                    out[go + c + 7] = a7;
                    c += 8;
                } else if (width >= 4) {
                    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                    for (int k : ks) {
                        double vk = v[k];
                        int o = k * d + c;
                        a0 += vk * x[o];
                        a1 += vk * x[o + 1];
                        a2 += vk * x[o + 2];
                        a3 += vk * x[o + 3];
                    }
                    out[go + c] = a0;
                    out[go + c + 1] = a1;
                    out[go + c + 2] = a2;
                    out[go + c + 3] = a3;
                    c += 4;
                } else if (width >= 2) {
                    double a0 = 0, a1 = 0;
                    for (int k : ks) {
                        double vk = v[k];
                        int o = k * d + c;
                        a0 += vk * x[o];
                        a1 += vk * x[o + 1];
                    }
                    out[go + c] = a0;
                    out[go + c + 1] = a1;
                    c += 2;
                } else {
                    double a0 = 0;
                    for (int k : ks) {
                        a0 += v[k] * x[k * d + c];
                    }
                    out[go + c] = a0;
                    c += 1;
                }
            }
        }
    }
}
