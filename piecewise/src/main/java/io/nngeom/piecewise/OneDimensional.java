package io.nngeom.piecewise;

import io.nngeom.net.Mlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * C1 and C4 (digest §3): exact one-hidden-layer networks for piecewise-linear functions of one variable.
 * One unit per linear piece; the minimal variant with one unit per breakpoint exists iff a subset of the slope
 * jumps sums to −s₀; several functions share one hidden layer with one unit per breakpoint of the union.
 */
public final class OneDimensional {
    /** Meet-in-the-middle subset search is run up to this many breakpoints (2^{k/2} sums per half). */
    public static final int MAX_SUBSET_SEARCH = 40;

    private OneDimensional() {
    }

    /**
     * C1 on all of ℝ: f = c − s₀ σ(t₁ − x) + s₁ σ(x − t₁) + Σ_{j≥2} (s_j − s_{j−1}) σ(x − t_j); k + 1 units
     * (one per piece). Without breakpoints the affine f = s₀x + c uses the 2 units σ(x) − σ(−x).
     */
    public static Construction build(Pwl1d f) {
        int k = f.k();
        if (k == 0) {
            Mlp net = Nets.shallow(new double[][] {{1}, {-1}}, new double[] {0, 0}, new double[][] {{f.slope(0), -f.slope(0)}},
                    new double[] {f.value()});
            return new Construction("C1", net, Map.of("pieces", 1));
        }
        double[][] w = new double[k + 1][];
        double[] b = new double[k + 1];
        double[] v = new double[k + 1];
        w[0] = new double[] {-1};
        b[0] = f.t(0);
        v[0] = -f.slope(0);
        for (int j = 1; j <= k; j++) {
            w[j] = new double[] {1};
            b[j] = -f.t(j - 1);
            v[j] = j == 1 ? f.slope(1) : f.slope(j) - f.slope(j - 1);
        }
        Mlp net = Nets.shallow(w, b, new double[][] {v}, new double[] {f.value()});
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("pieces", f.pieces());
        d.put("breakpoints", k);
        return new Construction("C1", net, d);
    }

    /**
     * C1 on a bounded interval [a, ∞) with a &lt; t₁: f = f(a) + s₀ σ(x − a) + Σ_j (s_j − s_{j−1}) σ(x − t_j);
     * k + 1 units, no unit oriented to the left.
     */
    public static Construction buildBounded(Pwl1d f, double a) {
        int k = f.k();
        if (k > 0 && !(a < f.t(0))) {
            throw new IllegalArgumentException("the left end " + a + " must lie below the first breakpoint " + f.t(0));
        }
        double[][] w = new double[k + 1][];
        double[] b = new double[k + 1];
        double[] v = new double[k + 1];
        w[0] = new double[] {1};
        b[0] = -a;
        v[0] = f.slope(0);
        double[] jumps = f.jumps();
        for (int j = 1; j <= k; j++) {
            w[j] = new double[] {1};
            b[j] = -f.t(j - 1);
            v[j] = jumps[j - 1];
        }
        Mlp net = Nets.shallow(w, b, new double[][] {v}, new double[] {f.at(a)});
        return new Construction("C1-bounded", net, Map.of("pieces", f.pieces(), "left", a));
    }

    /**
     * Outcome of the minimal-unit test.
     *
     * @param exists whether k units suffice (a subset of the jumps sums to −s₀)
     * @param decided false when k exceeds {@link #MAX_SUBSET_SEARCH} (then nothing was searched)
     * @param leftOriented for each breakpoint, whether its unit is σ(t_j − x) (ε_j = −1)
     * @param construction the k-unit network when it exists, else the (k+1)-unit C1 network
     */
    public record Minimal(boolean exists, boolean decided, boolean[] leftOriented, Construction construction) {
    }

    /**
     * C1 minimal: f = c′ + Σ_j Δ_j σ(ε_j (x − t_j)) with k units exists iff some subset L (the units with
     * ε_j = −1) has Σ_{j∈L} Δ_j = −s₀ (then s_k = Σ_{ε=+1} Δ_j follows). Decided exactly (to the tolerance
     * 1e-12·(1 + Σ|Δ_j| + |s₀|)) by meet-in-the-middle search.
     */
    public static Minimal minimal(Pwl1d f) {
        int k = f.k();
        double[] d = f.jumps();
        if (k == 0) {
            return new Minimal(f.slope(0) == 0, true, new boolean[0], build(f));
        }
        if (k > MAX_SUBSET_SEARCH) {
            return new Minimal(false, false, null, build(f));
        }
        double target = -f.slope(0);
        double scale = Math.abs(target);
        for (double x : d) {
            scale += Math.abs(x);
        }
        double tol = 1e-12 * (1 + scale);
        long mask = subsetSum(d, target, tol);
        if (mask < 0) {
            return new Minimal(false, true, null, build(f));
        }
        boolean[] left = new boolean[k];
        double[][] w = new double[k][];
        double[] b = new double[k];
        double[] v = new double[k];
        double cAt = 0;
        for (int j = 0; j < k; j++) {
            left[j] = ((mask >>> j) & 1L) != 0;
            double eps = left[j] ? -1 : 1;
            w[j] = new double[] {eps};
            b[j] = -eps * f.t(j);
            v[j] = d[j];
            cAt += d[j] * Math.max(0, eps * (f.t(0) - f.t(j)));
        }
        Mlp net = Nets.shallow(w, b, new double[][] {v}, new double[] {f.value() - cAt});
        return new Minimal(true, true, left, new Construction("C1-minimal", net, Map.of("pieces", f.pieces())));
    }

    /** Bit mask of a subset of d summing to target within tol, or −1. */
    static long subsetSum(double[] d, double target, double tol) {
        int k = d.length;
        int h = k / 2;
        int na = 1 << h;
        int nb = 1 << (k - h);
        double[] sb = new double[nb];
        Integer[] order = new Integer[nb];
        for (int m = 0; m < nb; m++) {
            double s = 0;
            for (int j = 0; j < k - h; j++) {
                if (((m >>> j) & 1) != 0) {
                    s += d[h + j];
                }
            }
            sb[m] = s;
            order[m] = m;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> sb[i]));
        double[] sorted = new double[nb];
        for (int i = 0; i < nb; i++) {
            sorted[i] = sb[order[i]];
        }
        for (int m = 0; m < na; m++) {
            double s = 0;
            for (int j = 0; j < h; j++) {
                if (((m >>> j) & 1) != 0) {
                    s += d[j];
                }
            }
            double need = target - s;
            int pos = Arrays.binarySearch(sorted, need);
            if (pos < 0) {
                pos = -pos - 1;
            }
            for (int q = Math.max(0, pos - 1); q <= Math.min(nb - 1, pos); q++) {
                if (Math.abs(sorted[q] - need) <= tol) {
                    return (long) m | ((long) order[q] << h);
                }
            }
        }
        return -1;
    }

    /**
     * C4: one hidden layer shared by D one-dimensional functions: |∪B_k| + 1 units (C1 on the union of the
     * breakpoints, with zero slope change where a function does not break), D outputs.
     */
    public static Construction shared(List<Pwl1d> fs) {
        TreeSet<Double> union = new TreeSet<>();
        for (Pwl1d f : fs) {
            for (double t : f.breakpoints()) {
                union.add(t);
            }
        }
        double[] t = union.stream().mapToDouble(Double::doubleValue).toArray();
        int k = t.length;
        if (k == 0) {
            throw new IllegalArgumentException("the functions have no breakpoints");
        }
        double[][] w = new double[k + 1][];
        double[] b = new double[k + 1];
        w[0] = new double[] {-1};
        b[0] = t[0];
        for (int j = 1; j <= k; j++) {
            w[j] = new double[] {1};
            b[j] = -t[j - 1];
        }
        double[][] v = new double[fs.size()][k + 1];
        double[] c = new double[fs.size()];
        int separate = 0;
        for (int o = 0; o < fs.size(); o++) {
            Pwl1d f = fs.get(o);
            separate += f.k() + 1;
            // slopes of f on the union's pieces
            double[] s = new double[k + 1];
            s[0] = slopeLeftOf(f, t[0]);
            for (int j = 1; j <= k; j++) {
                double mid = j < k ? 0.5 * (t[j - 1] + t[j]) : t[k - 1] + 1;
                s[j] = slopeAt(f, mid);
            }
            v[o][0] = -s[0];
            v[o][1] = s[1];
            for (int j = 2; j <= k; j++) {
                v[o][j] = s[j] - s[j - 1];
            }
            c[o] = f.at(t[0]);
        }
        Mlp net = Nets.shallow(w, b, v, c);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("unionBreakpoints", k);
        d.put("separateUnits", separate);
        return new Construction("C4", net, d);
    }

    private static double slopeAt(Pwl1d f, double x) {
        int j = 0;
        while (j < f.k() && f.t(j) < x) {
            j++;
        }
        return f.slope(j);
    }

    private static double slopeLeftOf(Pwl1d f, double x) {
        int j = 0;
        while (j < f.k() && f.t(j) < x) {
            j++;
        }
        return f.slope(j);
    }

    /** Breakpoints of a one-hidden-layer 1-D net (−b_i/w_i of units with w_i ≠ 0), sorted. */
    public static double[] unitBreakpoints(Mlp net) {
        List<Double> out = new ArrayList<>();
        var l = net.layer(0);
        for (int i = 0; i < l.outputs(); i++) {
            if (l.w(i, 0) != 0) {
                out.add(-l.b(i) / l.w(i, 0));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
