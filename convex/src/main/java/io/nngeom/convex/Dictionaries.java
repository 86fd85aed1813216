package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.regions.RegionBounds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders of the finite neuron dictionaries of the convex reformulation (digest §§2.2–2.3).
 *
 * <ul>
 *   <li>{@link #ramps1d}: 1-D ramps (x − x_j)₊ and (x_j − x)₊, 2n columns (exact for any penalty in 1-D).</li>
 *   <li>{@link #sampleWedges}: unit normals ⋆(v₁∧…∧v_{d−1}) of (d−1)-subsets of samples through the origin
 *       (2·C(n, d−1) columns), or, with bias, of hyperplanes through d samples (2·C(n, d) columns): the feature is
 *       the signed height of x over the hyperplane, i.e. a signed simplex volume over the base's volume.</li>
 *   <li>{@link #wedgesWithBasis}: the ℓ1 variant: hyperplanes spanned by samples together with standard basis
 *       vectors (2·Σ_k C(n,k)·C(d,k) with bias, 2·Σ_k C(n,k)·C(d,d−1−k) without); exact for the ℓ1 penalty,
 *       because the extreme points of the ℓ1 ball restricted to an arrangement cell are such wedges.</li>
 * </ul>
 * Near-degenerate sample sets ({@link Wedge#isDegenerate}) are skipped and counted.
 */
public final class Dictionaries {
    /** Hard ceiling of {@link #sampleWedges} and {@link #wedgesWithBasis}: callers check their own, lower limits first. */
    static final long BUILD_LIMIT = Integer.MAX_VALUE / 8;

    private Dictionaries() {
    }

    /** 1-D ramps: ŵ = 1, b̂ = −x_j (right ramps), then ŵ = −1, b̂ = x_j (left ramps); 2n neurons. */
    public static Dictionary ramps1d(Matrix x) {
        if (x.cols() != 1) {
            throw new IllegalArgumentException("1-D ramps need 1-D inputs, got d = " + x.cols());
        }
        int n = x.rows();
        double[] w = new double[2 * n];
        double[] b = new double[2 * n];
        for (int j = 0; j < n; j++) {
            w[j] = 1;
            b[j] = -x.get(j, 0);
            w[n + j] = -1;
            b[n + j] = x.get(j, 0);
        }
        return new Dictionary(x, w, b, "1-D ramps at the samples");
    }

    /** Sample wedges (no basis vectors), unit in the given norm. */
    public static Dictionary sampleWedges(Matrix x, boolean bias, PenaltyNorm norm) {
        return build(x, bias, norm, false);
    }

    /** Wedges of samples and standard basis vectors (the ℓ1-exact dictionary), unit in the given norm. */
    public static Dictionary wedgesWithBasis(Matrix x, boolean bias, PenaltyNorm norm) {
        return build(x, bias, norm, true);
    }

    /** Number of neurons {@link #sampleWedges} generates before skipping degenerate sets. */
    public static BigInteger sampleWedgeCount(int n, int d, boolean bias) {
        return RegionBounds.binomial(n, bias ? d : d - 1).shiftLeft(1);
    }

    /** Number of neurons {@link #wedgesWithBasis} generates before skipping degenerate sets. */
    public static BigInteger basisWedgeCount(int n, int d, boolean bias) {
        BigInteger s = BigInteger.ZERO;
        if (bias) {
            for (int k = 1; k <= d; k++) {
                s = s.add(RegionBounds.binomial(n, k).multiply(RegionBounds.binomial(d, k)));
            }
        } else {
            for (int k = 0; k <= d - 1; k++) {
                s = s.add(RegionBounds.binomial(n, k).multiply(RegionBounds.binomial(d, d - 1 - k)));
            }
        }
        return s.shiftLeft(1);
    }

    /** The number of columns {@link #sampleWedges} (or, under ℓ1, {@link #wedgesWithBasis}) generates, exact. */
    public static BigInteger wedgeCount(int n, int d, boolean bias, PenaltyNorm norm) {
        return norm == PenaltyNorm.L1 ? basisWedgeCount(n, d, bias) : sampleWedgeCount(n, d, bias);
    }

    private static Dictionary build(Matrix x, boolean bias, PenaltyNorm norm, boolean basis) {
        int n = x.rows();
        int d = x.cols();
        BigInteger count = basis ? basisWedgeCount(n, d, bias) : sampleWedgeCount(n, d, bias);
        if (count.compareTo(BigInteger.valueOf(BUILD_LIMIT)) > 0) {
            throw new IllegalArgumentException("dictionary of " + count + " neurons is too large (limit " + BUILD_LIMIT
                    + "); callers size it first");
        }
        List<double[]> ws = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        int[] skipped = new int[1];
        int kMin = bias ? 1 : 0;
        int kMax = bias ? d : d - 1;
        for (int k = basis ? kMin : kMax; k <= kMax; k++) {
            int samples = k;
            int basisCount = bias ? d - k : d - 1 - k;
            List<int[]> basisSets = Combinations.all(d, basisCount);
            final int kk = k;
            Combinations.forEach(n, samples, s -> {
                for (int[] e : basisSets) {
                    Matrix m = Matrix.zeros(d - 1, d);
                    int row = 0;
                    double[] anchor = bias ? x.rowArray(s[kk - 1]) : null;
                    int nDiff = bias ? kk - 1 : kk;
                    for (int q = 0; q < nDiff; q++) {
                        for (int c = 0; c < d; c++) {
                            m.set(row, c, x.get(s[q], c) - (bias ? anchor[c] : 0));
                        }
                        row++;
                    }
                    for (int q : e) {
                        m.set(row++, q, 1.0);
                    }
                    double[] c = Wedge.cross(m);
                    if (d > 1 && Wedge.isDegenerate(m, c)) {
                        skipped[0]++;
                        continue;
                    }
                    double nc = norm.norm(c);
                    double[] wn = new double[d];
                    for (int q = 0; q < d; q++) {
                        wn[q] = c[q] / nc;
                    }
                    double bb = 0;
                    if (bias) {
                        for (int q = 0; q < d; q++) {
                            bb -= wn[q] * anchor[q];
                        }
                    }
                    ws.add(wn);
                    bs.add(bb);
                    double[] neg = new double[d];
                    for (int q = 0; q < d; q++) {
                        neg[q] = -wn[q];
                    }
                    ws.add(neg);
                    bs.add(-bb);
                }
            });
        }
        double[] w = new double[ws.size() * d];
        double[] b = new double[ws.size()];
        for (int j = 0; j < b.length; j++) {
            System.arraycopy(ws.get(j), 0, w, j * d, d);
            b[j] = bs.get(j);
        }
        String what = (basis ? "wedges of samples and basis vectors" : "sample wedges") + (bias ? " with bias" : " through the origin")
                + ", unit " + norm.id() + (skipped[0] > 0 ? ", " + skipped[0] + " near-degenerate sets skipped" : "");
        return new Dictionary(x, w, b, what);
    }

    /**
     * Removes columns that vanish on the data and columns equal (to 1e-12 relative) to an earlier one; keeps the
     * first neuron of each group. Identical columns are redundant in the Lasso (any split of the weight among
     * them has the same cost).
     */
    public static Dictionary deduplicate(Dictionary dict) {
        int n = dict.rows();
        int d = dict.data().cols();
        double[] col = new double[n];
        Map<Long, List<Integer>> seen = new HashMap<>();
        List<Integer> keep = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        for (int j = 0; j < dict.cols(); j++) {
            dict.column(j, col);
            double mx = 0;
            for (double v : col) {
                mx = Math.max(mx, Math.abs(v));
            }
            if (mx == 0) {
                continue;
            }
            List<Integer> bucket = seen.computeIfAbsent(columnHash(col, mx), k -> new ArrayList<>());
            boolean dup = false;
            for (int idx : bucket) {
                double[] other = kept.get(idx);
                boolean same = true;
                for (int i = 0; i < n && same; i++) {
                    same = Math.abs(other[i] - col[i]) <= 1e-12 * mx;
                }
                if (same) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                bucket.add(kept.size());
                kept.add(col.clone());
                keep.add(j);
            }
        }
        double[] w = new double[keep.size() * d];
        double[] b = new double[keep.size()];
        for (int q = 0; q < keep.size(); q++) {
            System.arraycopy(dict.direction(keep.get(q)), 0, w, q * d, d);
            b[q] = dict.bias(keep.get(q));
        }
        return new Dictionary(dict.data(), w, b, dict.description() + ", de-duplicated (" + keep.size() + " of " + dict.cols() + " kept)");
    }

    static double[] arr(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    static int[] unused(int[] a) {
        return Arrays.copyOf(a, a.length);
    }

    /**
     * Hash bucket of a column for de-duplication: its entries scaled by {@code scale} (its largest magnitude) and
     * rounded to 1e-9, so that equal columns (up to rounding far below that) share a bucket; equality is then
     * checked entry by entry.
     */
    static long columnHash(double[] col, double scale) {
        long h = 1469598103934665603L;
        for (double v : col) {
            h = h * 31 + Math.round(v / scale * 1e9);
        }
        return h;
    }
}
