package io.nngeom.regions;

/**
 * The inner loops of {@link PlanarPartitioner}: the lines of a layer on a piece (a product with the transposed
 * weights, looping over the units so that each loop has one store), the update of a piece's lines by a flipped unit,
 * and activation patterns packed into words (to find the closest earlier piece). Every sum has a fixed order.
 */
final class LineKernels {
    private LineKernels() {
    }

    /** The bits packed 64 to a word (bit i of the pattern is bit i % 64 of word i / 64). */
    static long[] pack(boolean[] bits) {
        long[] p = new long[(bits.length + 63) / 64];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                p[i >>> 6] |= 1L << i;
            }
        }
        return p;
    }

    /** The number of bits in which two packed patterns differ. */
    static int differing(long[] a, long[] b) {
        int d = 0;
        for (int k = 0; k < a.length; k++) {
            d += Long.bitCount(a[k] ^ b[k]);
        }
        return d;
    }

    /**
     * dst[o] += Σ_j W(o, j)·v[off + stride·j] with W given transposed ({@code wt}, in×out): the inputs in blocks of
     * four, ((w₀v₀ + w₁v₁) + w₂v₂) + w₃v₃ added per block, then the rest one by one.
     */
    static void accumulate(double[] wt, int in, int out, double[] v, int off, int stride, double[] dst) {
        int j = 0;
        for (; j + 3 < in; j += 4) {
            double v0 = v[off + stride * j];
            double v1 = v[off + stride * (j + 1)];
            double v2 = v[off + stride * (j + 2)];
            double v3 = v[off + stride * (j + 3)];
            int r0 = j * out;
            int r1 = r0 + out;
            int r2 = r1 + out;
            int r3 = r2 + out;
            for (int o = 0; o < out; o++) {
                dst[o] += wt[r0 + o] * v0 + wt[r1 + o] * v1 + wt[r2 + o] * v2 + wt[r3 + o] * v3;
            }
        }
        for (; j < in; j++) {
            double v0 = v[off + stride * j];
            int r0 = j * out;
            for (int o = 0; o < out; o++) {
                dst[o] += wt[r0 + o] * v0;
            }
        }
    }

    /** dst[o] += W(o, i)·d for every unit o (W given transposed, {@code wt} in×out: column i at i·out). */
    static void flip(double[] wt, int out, int i, double d, double[] dst) {
        int r = i * out;
        for (int o = 0; o < out; o++) {
            dst[o] += wt[r + o] * d;
        }
    }

    /**
     * {@link #clearSide} without the line's norm: 1 (−1) when every vertex has a·x + b·y + c above 2·SPLIT_TOL·(|a| + |b|)
     * (below its negative), else 0. Since |a| + |b| ≥ hypot(a, b), a nonzero answer is also clearSide's.
     */
    static int roughSide(double[] poly, int nv, double a, double b, double c) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nv; k++) {
            double v = a * poly[2 * k] + b * poly[2 * k + 1] + c;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double margin = 2 * PlanarPartitioner.SPLIT_TOL * (Math.abs(a) + Math.abs(b));
        if (min > margin) {
            return 1;
        }
        return max < -margin ? -1 : 0;
    }

    /** 1 (−1) when every vertex is more than 2·SPLIT_TOL on the positive (negative) side of the line, else 0. */
    static int clearSide(double[] poly, int nv, double a, double b, double c, double nrm) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nv; k++) {
            double v = (a * poly[2 * k] + b * poly[2 * k + 1] + c) / nrm;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min > 2 * PlanarPartitioner.SPLIT_TOL) {
            return 1;
        }
        return max < -2 * PlanarPartitioner.SPLIT_TOL ? -1 : 0;
    }
}
