package io.nngeom.convex;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.regions.RegionBounds;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Activation patterns D = diag(1[Xw + b ≥ 0]) of the hyperplane arrangement of the data (Pilanci and Ergen 2020;
 * digest §3). With bias the patterns are the dichotomies of the samples by affine hyperplanes; without, by
 * hyperplanes through the origin. The all-zero pattern is dropped (it contributes nothing).
 *
 * <p>The convex program needs the patterns of the chambers (open cells) of the central arrangement
 * {x̃_i^⊥} in the space of u = (w, b): every neuron lies in the closure of a chamber, whose cone constraint then
 * holds, so the chamber patterns suffice. Their number is at most Cover's bound
 * B = 2Σ_{k=0}^{q−1} C(n−1, k), q the number of columns of X̃ (with equality in general position); B is computed
 * exactly ({@link BigInteger}), with q rather than a numerical rank so that it stays an upper bound.
 *
 * <p>Enumerated exactly in 1-D (thresholds between sorted samples) and 2-D (lines through each pair of samples,
 * with the two samples on the line assigned to either side, both orientations). In higher dimension, while the
 * candidate count fits {@link #MAX_RAY_CANDIDATES}, by the extreme rays of the chambers (each (q−1)-subset of rows
 * spans a ray ±r; the chambers around it are its 2^{q−1} sign choices, in general position); otherwise sampled
 * (Gaussian gates and perturbed hyperplanes through d samples). A pattern is counted only with a witness u whose
 * every product x̃_iᵀu is nonzero beyond rounding ({@link #STRICT_TOL}), so it is a chamber's; the set is
 * declared complete only when these verified chambers, with the empty one where it provably exists (always with
 * bias), reach B. Below B nothing is claimed, whatever was found.
 *
 * @param patterns the distinct non-empty patterns
 * @param complete whether the set is provably all chamber patterns
 * @param bound Cover's bound on the number of chambers, the empty one included
 * @param how how the set was obtained, in words
 */
public record ArrangementPatterns(List<BitSet> patterns, boolean complete, BigInteger bound, String how) {
    /**
     * A product x̃_iᵀu counts as nonzero (its sign certain) when |x̃_iᵀu| &gt; STRICT_TOL·‖x̃_i‖·‖u‖; rounding in a
     * q-term dot product is at most about q·2⁻⁵³·‖x̃_i‖·‖u‖, far below this for any q up to 10⁶.
     */
    public static final double STRICT_TOL = 1e-9;
    /** Largest number of candidate patterns, C(n, q−1)·2^q, for which the extreme-ray enumeration is used. */
    public static final long MAX_RAY_CANDIDATES = 2_000_000L;

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

    /** Cover's bound 2Σ_{k=0}^{q−1} C(n−1, k), q the columns of the augmented data (exact integer arithmetic). */
    public static BigInteger coverBound(int n, int d, boolean bias) {
        int q = d + (bias ? 1 : 0);
        BigInteger s = BigInteger.ZERO;
        for (int k = 0; k <= q - 1; k++) {
            s = s.add(RegionBounds.binomial(n - 1, k));
        }
        return s.shiftLeft(1);
    }

    /** Candidates of the extreme-ray enumeration, C(n, q−1)·2^q (exact). */
    public static BigInteger rayCandidates(int n, int d, boolean bias) {
        int q = d + (bias ? 1 : 0);
        return RegionBounds.binomial(n, q - 1).shiftLeft(q);
    }

    /**
     * Exact for d ≤ 2; by extreme rays while their candidates fit {@link #MAX_RAY_CANDIDATES} and Cover's bound fits
     * {@code maxPatterns}; sampled (at most maxPatterns distinct) beyond.
     */
    public static ArrangementPatterns of(Matrix x, boolean bias, int maxPatterns, long seed) {
        int d = x.cols();
        BigInteger bound = coverBound(x.rows(), d, bias);
        if (d == 1) {
            return new ArrangementPatterns(oneD(x, bias), true, bound, "enumerated exactly (1-D thresholds)");
        }
        if (d == 2) {
            return new ArrangementPatterns(twoD(x, bias), true, bound, "enumerated exactly (lines through sample pairs)");
        }
        Found f;
        String how;
        if (rayCandidates(x.rows(), d, bias).compareTo(BigInteger.valueOf(MAX_RAY_CANDIDATES)) <= 0
                && bound.compareTo(BigInteger.valueOf(maxPatterns + 1L)) <= 0) {
            f = byRays(augmented(x, bias));
            how = "enumerated by the extreme rays of the chambers";
        } else {
            f = sampled(x, bias, maxPatterns, seed);
            how = "sampled";
        }
        BigInteger chambers = BigInteger.valueOf(f.verified + (bias || f.emptyVerified ? 1 : 0));
        boolean complete = chambers.compareTo(bound) >= 0;
        return new ArrangementPatterns(f.patterns, complete, bound, how + ": " + f.patterns.size() + " distinct non-empty patterns ("
                + f.verified + " verified chambers), Cover bound " + bound + " chambers incl. the empty one"
                + (complete ? " (all found)" : ", so the set is not known to be complete"));
    }

    /** Patterns found, how many of them are verified chambers, and whether the empty chamber was verified. */
    private record Found(List<BitSet> patterns, int verified, boolean emptyVerified) {
    }

    /** Collects patterns of witnesses u, each with its chamber verification. */
    private static final class Collector {
        private final Matrix a;
        private final double[] rowNorm;
        private final Set<BitSet> all = new LinkedHashSet<>();
        private final Set<BitSet> strict = new HashSet<>();
        private boolean emptyStrict;

        Collector(Matrix a) {
            this.a = a;
            rowNorm = new double[a.rows()];
            for (int i = 0; i < a.rows(); i++) {
                double t = 0;
                for (int k = 0; k < a.cols(); k++) {
                    t += a.get(i, k) * a.get(i, k);
                }
                rowNorm[i] = Math.sqrt(t);
            }
        }

        void add(double[] u) {
            double un = 0;
            for (double v : u) {
                un += v * v;
            }
            un = Math.sqrt(un);
            BitSet p = new BitSet();
            boolean isStrict = un > 0;
            for (int i = 0; i < a.rows(); i++) {
                double v = 0;
                for (int k = 0; k < a.cols(); k++) {
                    v += a.get(i, k) * u[k];
                }
                if (v >= 0) {
                    p.set(i);
                }
                isStrict &= Math.abs(v) > STRICT_TOL * rowNorm[i] * un;
            }
            if (p.isEmpty()) {
                emptyStrict |= isStrict;
                return;
            }
            all.add(p);
            if (isStrict) {
                strict.add(p);
            }
        }

        Found found() {
            return new Found(new ArrayList<>(all), strict.size(), emptyStrict);
        }
    }

    /**
     * Extreme-ray enumeration in q ≥ 3 dimensions: for each (q−1)-subset S of the rows of a, the ray r ⟂ S
     * ({@link Wedge#cross}) and, for both ±r and every sign vector σ on S, the witness u = ±r + εv with
     * a_S v = σ, ε small enough that the rows outside S keep the sign they have on ±r.
     */
    static Found byRays(Matrix a) {
        int n = a.rows();
        int q = a.cols();
        Collector c = new Collector(a);
        Combinations.forEach(n, q - 1, s -> {
            Matrix m = a.selectRows(s);
            double[] r = Wedge.cross(m);
            double rn = norm2(r);
            if (!(rn > 0)) {
                return;
            }
            Matrix gram = m.times(m.transpose());
            double slack = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = Math.abs(dotRow(a, i, r)) / rn;
                if (v > 0 && Arrays.binarySearch(s, i) < 0) {
                    slack = Math.min(slack, v);
                }
            }
            for (int mask = 0; mask < (1 << (q - 1)); mask++) {
                double[] sigma = new double[q - 1];
                for (int t = 0; t < q - 1; t++) {
                    sigma[t] = (mask & (1 << t)) != 0 ? 1 : -1;
                }
                double[] v;
                try {
                    v = m.transpose().times(Linalg.solve(gram, sigma));
                } catch (RuntimeException singular) {
                    return;
                }
                double vmax = 0;
                for (int i = 0; i < n; i++) {
                    vmax = Math.max(vmax, Math.abs(dotRow(a, i, v)));
                }
                double eps = Double.isInfinite(slack) ? 1 : 0.25 * slack / Math.max(vmax, 1e-300);
                for (int sign = -1; sign <= 1; sign += 2) {
                    double[] u = new double[q];
                    for (int k = 0; k < q; k++) {
                        u[k] = sign * r[k] / rn + eps * v[k];
                    }
                    c.add(u);
                }
            }
        });
        return c.found();
    }

    private static double dotRow(Matrix a, int i, double[] u) {
        double v = 0;
        for (int k = 0; k < a.cols(); k++) {
            v += a.get(i, k) * u[k];
        }
        return v;
    }

    private static double norm2(double[] u) {
        double t = 0;
        for (double v : u) {
            t += v * v;
        }
        return Math.sqrt(t);
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

    static Found sampled(Matrix x, boolean bias, int maxPatterns, long seed) {
        Matrix a = augmented(x, bias);
        int q = a.cols();
        SplittableRandom rng = Seeds.rng(seed);
        Collector out = new Collector(a);
        int tries = 0;
        int maxTries = 20 * maxPatterns + 1000;
        while (out.all.size() < maxPatterns && tries < maxTries) {
            tries++;
            double[] g = new double[q];
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
            out.add(g);
        }
        return out.found();
    }

    private static void add(Set<BitSet> out, BitSet p) {
        if (!p.isEmpty()) {
            out.add(p);
        }
    }

    /**
     * The patterns of given gates (columns of {@code gates}, q×m with q = d + 1 with bias), as a set that is never
     * claimed complete: it restricts the program to those patterns (like-for-like with a solver that was given them).
     */
    public static ArrangementPatterns ofGivenGates(Matrix x, boolean bias, Matrix gates) {
        Matrix xa = augmented(x, bias);
        if (gates.rows() != xa.cols()) {
            throw new InputException("--gates: expected " + xa.cols() + " rows (d" + (bias ? "+1 with bias" : "")
                    + "), got " + gates.rows() + " (a d x m matrix, one gate per column)");
        }
        List<BitSet> p = ofGates(xa, gates);
        return new ArrangementPatterns(p, false, coverBound(x.rows(), x.cols(), bias), "the patterns of " + gates.cols()
                + " given gates: " + p.size() + " distinct non-empty patterns (a restricted set, not checked for completeness)");
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
