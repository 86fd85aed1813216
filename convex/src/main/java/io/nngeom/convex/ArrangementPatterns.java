package io.nngeom.convex;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Activation patterns D = diag(1[Xw + b ≥ 0]) of the hyperplane arrangement of the data (Pilanci and Ergen 2020;
 * digest §3). With bias the patterns are the dichotomies of the samples by affine hyperplanes; without, by
 * hyperplanes through the origin. The all-zero pattern is dropped (it contributes nothing).
 *
 * <p>Enumerated exactly in 1-D (thresholds between sorted samples) and 2-D (lines through each pair of samples,
 * with the two samples on the line assigned to either side, both orientations). In higher dimension they are
 * sampled (Gaussian gates and perturbed cross products of sample subsets) and the number found is reported with
 * Cover's bound P ≤ 2Σ_{k=0}^{r−1} C(n−1, k), r = rank of the (augmented) data, which is attained in general
 * position; when the sample reaches it, the set is complete.
 *
 * @param patterns the distinct non-empty patterns
 * @param complete whether the set is provably all patterns
 * @param bound Cover's bound on the number of patterns including the empty one
 */
public record ArrangementPatterns(List<BitSet> patterns, boolean complete, long bound, String how) {

    /** Augmented data [X, 1] (with bias) or X. */
    public static Matrix augmented(Matrix x, boolean bias) {
        if (!bias) {
            return x;
        }
        Matrix a = Matrix.zeros(x.rows(), x.cols() + 1);
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                a.set(i, j, x.get(i, j));
            }
            a.set(i, x.cols(), 1);
        }
        return a;
    }

    /** Cover's bound 2Σ_{k=0}^{r−1} C(n−1, k) with r = rank of the augmented data. */
    public static long coverBound(Matrix x, boolean bias) {
        int n = x.rows();
        int r = Linalg.rank(augmented(x, bias));
        long s = 0;
        for (int k = 0; k <= r - 1; k++) {
            s += Combinations.binomial(n - 1, k);
        }
        return 2 * s;
    }

    /** Exact for d ≤ 2, sampled (at most maxPatterns distinct, from {@code seed}) beyond. */
    public static ArrangementPatterns of(Matrix x, boolean bias, int maxPatterns, long seed) {
        int d = x.cols();
        long bound = coverBound(x, bias);
        if (d == 1) {
            return new ArrangementPatterns(oneD(x, bias), true, bound, "enumerated exactly (1-D thresholds)");
        }
        if (d == 2) {
            return new ArrangementPatterns(twoD(x, bias), true, bound, "enumerated exactly (lines through sample pairs)");
        }
        List<BitSet> s = sampled(x, bias, maxPatterns, seed);
        boolean complete = s.size() >= bound - 1;
        return new ArrangementPatterns(s, complete, bound, "sampled: " + s.size() + " distinct non-empty patterns of at most "
                + (bound - 1) + (complete ? " (all found)" : ""));
    }

    static List<BitSet> oneD(Matrix x, boolean bias) {
        int n = x.rows();
        Set<BitSet> out = new LinkedHashSet<>();
        if (!bias) {
            BitSet pos = new BitSet();
            BitSet neg = new BitSet();
            for (int i = 0; i < n; i++) {
                if (x.get(i, 0) >= 0) {
                    pos.set(i);
                }
                if (x.get(i, 0) <= 0) {
                    neg.set(i);
                }
            }
            add(out, pos);
            add(out, neg);
            return new ArrayList<>(out);
        }
        for (int i = 0; i < n; i++) {
            double t = x.get(i, 0);
            BitSet ge = new BitSet();
            BitSet le = new BitSet();
            BitSet gt = new BitSet();
            BitSet lt = new BitSet();
            for (int k = 0; k < n; k++) {
                double v = x.get(k, 0);
                if (v >= t) {
                    ge.set(k);
                }
                if (v <= t) {
                    le.set(k);
                }
                if (v > t) {
                    gt.set(k);
                }
                if (v < t) {
                    lt.set(k);
                }
            }
            add(out, ge);
            add(out, le);
            add(out, gt);
            add(out, lt);
        }
        return new ArrayList<>(out);
    }

    static List<BitSet> twoD(Matrix x, boolean bias) {
        int n = x.rows();
        Set<BitSet> out = new LinkedHashSet<>();
        BitSet all = new BitSet();
        all.set(0, n);
        if (bias) {
            add(out, all);
        }
        for (int i = 0; i < n; i++) {
            for (int j = bias ? i + 1 : i; j < n; j++) {
                if (!bias && j > i) {
                    break;
                }
                double cx;
                double cy;
                double ox;
                double oy;
                if (bias) {
                    cx = -(x.get(j, 1) - x.get(i, 1));
                    cy = x.get(j, 0) - x.get(i, 0);
                    ox = x.get(i, 0);
                    oy = x.get(i, 1);
                } else {
                    cx = -x.get(i, 1);
                    cy = x.get(i, 0);
                    ox = 0;
                    oy = 0;
                }
                if (cx == 0 && cy == 0) {
                    continue;
                }
                double scale = Math.hypot(cx, cy);
                BitSet pos = new BitSet();
                BitSet neg = new BitSet();
                List<Integer> on = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    double v = cx * (x.get(k, 0) - ox) + cy * (x.get(k, 1) - oy);
                    double tol = 1e-12 * scale * (1 + Math.hypot(x.get(k, 0) - ox, x.get(k, 1) - oy));
                    if (v > tol) {
                        pos.set(k);
                    } else if (v < -tol) {
                        neg.set(k);
                    } else {
                        on.add(k);
                    }
                }
                int m = on.size();
                if (m > 12) {
                    m = 12;
                }
                // points on the line: each subset that a small rotation/translation can realise; for two points
                // (general position) every subset is realisable
                for (int mask = 0; mask < (1 << m); mask++) {
                    BitSet p = (BitSet) pos.clone();
                    BitSet q = (BitSet) neg.clone();
                    for (int t = 0; t < m; t++) {
                        if ((mask & (1 << t)) != 0) {
                            p.set(on.get(t));
                        } else {
                            q.set(on.get(t));
                        }
                    }
                    add(out, p);
                    add(out, q);
                }
            }
        }
        return new ArrayList<>(out);
    }

    static List<BitSet> sampled(Matrix x, boolean bias, int maxPatterns, long seed) {
        Matrix a = augmented(x, bias);
        int n = a.rows();
        int q = a.cols();
        SplittableRandom rng = Seeds.rng(seed);
        Set<BitSet> out = new LinkedHashSet<>();
        int tries = 0;
        int maxTries = 20 * maxPatterns + 1000;
        double[] g = new double[q];
        while (out.size() < maxPatterns && tries < maxTries) {
            tries++;
            if (bias && tries % 2 == 0) {
                // hyperplane through d random samples, slightly perturbed
                int d = x.cols();
                int[] idx = rng.ints(0, x.rows()).distinct().limit(d).toArray();
                Matrix m = Matrix.zeros(d - 1, d);
                for (int r = 0; r < d - 1; r++) {
                    for (int c = 0; c < d; c++) {
                        m.set(r, c, x.get(idx[r], c) - x.get(idx[d - 1], c));
                    }
                }
                double[] c = Wedge.cross(m);
                double b = 0;
                for (int k = 0; k < d; k++) {
                    g[k] = c[k] * (1 + 1e-6 * Seeds.gaussian(rng));
                    b -= c[k] * x.get(idx[d - 1], k);
                }
                g[d] = b + 1e-6 * Seeds.gaussian(rng) * Math.abs(b + 1e-300);
            } else {
                for (int k = 0; k < q; k++) {
                    g[k] = Seeds.gaussian(rng);
                }
            }
            BitSet p = new BitSet();
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int k = 0; k < q; k++) {
                    v += a.get(i, k) * g[k];
                }
                if (v >= 0) {
                    p.set(i);
                }
            }
            add(out, p);
        }
        return new ArrayList<>(out);
    }

    private static void add(Set<BitSet> out, BitSet p) {
        if (!p.isEmpty()) {
            out.add(p);
        }
    }

    /** Patterns of given gate vectors (columns of g, d×m or (d+1)×m with bias): 1[X̃ g ≥ 0], de-duplicated. */
    public static List<BitSet> ofGates(Matrix xAug, Matrix gates) {
        Set<BitSet> out = new LinkedHashSet<>();
        for (int j = 0; j < gates.cols(); j++) {
            BitSet p = new BitSet();
            for (int i = 0; i < xAug.rows(); i++) {
                double v = 0;
                for (int k = 0; k < xAug.cols(); k++) {
                    v += xAug.get(i, k) * gates.get(k, j);
                }
                if (v >= 0) {
                    p.set(i);
                }
            }
            add(out, p);
        }
        return new ArrayList<>(out);
    }
}
