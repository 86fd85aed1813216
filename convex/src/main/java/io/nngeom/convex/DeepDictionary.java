package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import io.nngeom.solvers.ColumnProvider;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lasso dictionary of deep narrow ReLU networks on 1-D data (Zeger, Wang, Mishkin, Ergen, Candès, Pilanci, "A
 * library of mirrors: deep neural nets in low dimensions are convex Lasso models with reflection features", arXiv
 * 2403.01046). Each column is a <em>unit chain</em>: a width-1 ReLU chain of depth L whose L − 1 hidden weights
 * are signs s_l = ±1, evaluated on the samples:
 *
 * <pre>
 *   h₀(x) = x,   h_{l+1}(x) = (s_l (h_l(x) − h_l(a_l)))₊,   l = 0 … L−2,   feature = h_{L−1}(x),
 * </pre>
 *
 * i.e. layer l + 1 has its breakpoint at the input point a_l. The anchors are samples, a_l = x_{j_l}, except that
 * for L = 4 a second family takes the innermost anchor at the <b>reflection</b> a₀ = 2x_{j₁} − x_{j₀} of one sample
 * about another. For L = 3 the features are the capped ramps (s₁[(s₀(x − x_{j₀}))₊ − (s₀(x_{j₁} − x_{j₀}))₊])₊.
 * Before de-duplication there are (2n)^{L−1} columns, twice that for L = 4.
 *
 * <p><b>Normalisation.</b> The columns are not rescaled: a unit chain has |w_l| = 1 in every layer, which is the
 * normalisation the penalty (β/L)Σ|w|^L calls for (by the AM–GM inequality a chain with weights w_l costs at least
 * β Π|w_l|, with equality when all |w_l| are equal, so a coefficient z on a unit chain costs exactly β|z|).
 *
 * <p><b>De-duplication.</b> Columns that vanish or are constant on the samples are dropped (a constant column is
 * absorbed by the free intercept ξ at no cost, so a nonzero coefficient on it is never optimal), and of columns
 * equal on the samples to 1e-12 relative only the first in enumeration order is kept. Only the surviving index
 * tuples are stored; columns are generated on demand in O(nL).
 */
public final class DeepDictionary implements ColumnProvider {
    /** Two columns are the same feature when they agree to this fraction of their largest entry. */
    public static final double DUPLICATE_TOLERANCE = 1e-12;
    /** Largest number of tuples enumerated before de-duplication. */
    public static final long MAX_TUPLES = 20_000_000L;

    private final Matrix x;
    private final double[] xs;
    private final int n;
    private final int depth;
    /** Per kept column: j₀ … j_{L−2}, sign bits, reflection flag (packed). */
    private final int[][] tuples;
    private final long enumerated;

    private DeepDictionary(Matrix x, int depth, int[][] tuples, long enumerated) {
        this.x = x;
        this.xs = x.colArray(0);
        this.n = x.rows();
        this.depth = depth;
        this.tuples = tuples;
        this.enumerated = enumerated;
    }

    /** Number of tuples enumerated before de-duplication: (2n)^{L−1}, doubled for L = 4 (exact). */
    public static BigInteger tupleCount(int n, int depth) {
        BigInteger c = BigInteger.valueOf(2L * n).pow(depth - 1);
        return depth == 4 ? c.shiftLeft(1) : c;
    }

    /** The de-duplicated dictionary of depth L ∈ {3, 4} on 1-D data x (n×1). */
    public static DeepDictionary of(Matrix x, int depth) {
        if (depth != 3 && depth != 4) {
            throw new IllegalArgumentException("deep 1-D dictionaries exist for depth 3 and 4, got " + depth);
        }
        if (x.cols() != 1) {
            throw new IllegalArgumentException("deep 1-D dictionaries need 1-D inputs, got d = " + x.cols());
        }
        int n = x.rows();
        BigInteger count = tupleCount(n, depth);
        if (count.compareTo(BigInteger.valueOf(MAX_TUPLES)) > 0) {
            throw new InputException("data: the depth-" + depth + " dictionary would enumerate " + count
                    + " features (limit " + MAX_TUPLES + "); use fewer samples");
        }
        long total = count.longValueExact();
        DeepDictionary all = new DeepDictionary(x, depth, null, total);
        double[] col = new double[n];
        Map<Long, List<Integer>> seen = new HashMap<>();
        List<int[]> kept = new ArrayList<>();
        double[] other = new double[n];
        int[] t = new int[depth + 1];
        for (long code = 0; code < total; code++) {
            decode(code, n, depth, t);
            all.evaluate(t, col);
            double mx = 0;
            double mn = Double.POSITIVE_INFINITY;
            double top = Double.NEGATIVE_INFINITY;
            for (double v : col) {
                mx = Math.max(mx, Math.abs(v));
                mn = Math.min(mn, v);
                top = Math.max(top, v);
            }
            if (mx == 0 || top - mn <= DUPLICATE_TOLERANCE * mx) {
                continue;
            }
            List<Integer> bucket = seen.computeIfAbsent(Dictionaries.columnHash(col, mx), k -> new ArrayList<>());
            boolean dup = false;
            for (int idx : bucket) {
                all.evaluate(kept.get(idx), other); // regenerated, so that no column is ever stored
                boolean same = true;
                for (int i = 0; i < n && same; i++) {
                    same = Math.abs(other[i] - col[i]) <= DUPLICATE_TOLERANCE * mx;
                }
                if (same) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                bucket.add(kept.size());
                kept.add(t.clone());
            }
        }
        return new DeepDictionary(x, depth, kept.toArray(new int[0][]), total);
    }

    /** Tuple layout: t[0..L−2] = sample indices j_l, t[L−1] = sign bits (bit l set: s_l = −1), t[L] = reflection flag. */
    private static void decode(long code, int n, int depth, int[] t) {
        long c = code;
        for (int l = 0; l < depth - 1; l++) {
            t[l] = (int) (c % n);
            c /= n;
        }
        int bits = 0;
        for (int l = 0; l < depth - 1; l++) {
            bits |= (int) (c % 2) << l;
            c /= 2;
        }
        t[depth - 1] = bits;
        t[depth] = (int) c;
    }

    public Matrix data() {
        return x;
    }

    public int depth() {
        return depth;
    }

    /** Tuples enumerated before dropping zero, constant and duplicate columns. */
    public long enumerated() {
        return enumerated;
    }

    public String description() {
        return "depth-" + depth + " deep-narrow 1-D features (" + (depth == 3 ? "capped ramps" : "with reflection breakpoints 2x_j2 - x_j1")
                + "), de-duplicated (" + tuples.length + " of " + enumerated + " kept)";
    }

    /** Signs s₀ … s_{L−2} of feature j (±1). */
    public double[] signs(int j) {
        double[] s = new double[depth - 1];
        for (int l = 0; l < depth - 1; l++) {
            s[l] = ((tuples[j][depth - 1] >> l) & 1) == 1 ? -1 : 1;
        }
        return s;
    }

    /** True for an L = 4 feature whose innermost breakpoint is the reflection 2x_{j₁} − x_{j₀}. */
    public boolean isReflection(int j) {
        return tuples[j][depth] == 1;
    }

    /** Anchor points a₀ … a_{L−2} (input-space breakpoints) of feature j. */
    public double[] anchors(int j) {
        return anchors(tuples[j]);
    }

    /** Sample indices j₀ … j_{L−2} of feature j. */
    public int[] sampleIndices(int j) {
        return Arrays.copyOf(tuples[j], depth - 1);
    }

    private double[] anchors(int[] t) {
        double[] a = new double[depth - 1];
        for (int l = 0; l < depth - 1; l++) {
            a[l] = xs[t[l]];
        }
        if (t[depth] == 1) {
            a[0] = 2 * xs[t[1]] - xs[t[0]];
        }
        return a;
    }

    /**
     * Levels c_l = h_l(a_l) of feature j: layer l + 1 of the unit chain has weight s_l and bias −s_l c_l.
     */
    public double[] levels(int j) {
        return levels(signs(j), anchors(j));
    }

    static double[] levels(double[] s, double[] a) {
        int k = s.length;
        double[] c = new double[k];
        for (int l = 0; l < k; l++) {
            double h = a[l];
            for (int q = 0; q < l; q++) {
                double u = s[q] * (h - c[q]);
                h = u > 0 ? u : 0;
            }
            c[l] = h;
        }
        return c;
    }

    /** The unit chain with signs s and levels c evaluated at t. */
    static double chain(double[] s, double[] c, double t) {
        double h = t;
        for (int l = 0; l < s.length; l++) {
            double u = s[l] * (h - c[l]);
            h = u > 0 ? u : 0;
        }
        return h;
    }

    /** Feature j at an arbitrary input t (to draw the fitted function between samples). */
    public double feature(int j, double t) {
        return chain(signs(j), levels(j), t);
    }

    private void evaluate(int[] t, double[] out) {
        double[] s = new double[depth - 1];
        for (int l = 0; l < depth - 1; l++) {
            s[l] = ((t[depth - 1] >> l) & 1) == 1 ? -1 : 1;
        }
        double[] c = levels(s, anchors(t));
        for (int i = 0; i < n; i++) {
            out[i] = chain(s, c, xs[i]);
        }
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int cols() {
        return tuples.length;
    }

    @Override
    public void column(int j, double[] out) {
        evaluate(tuples[j], out);
    }
}
