package io.nngeom.regions;

import java.util.Arrays;

import java.util.List;

/**
 * The Chebyshev ball of a cell of {@link PatternSearchEnumerator}, by a small dense simplex written for it:
 * maximise r over (u, r) subject to g·u + r ≤ h for every cell row (g, h) with ‖g‖ = 1, the extra row, and the box
 * rows ±u_q + r ≤ 1, with r ≤ 2. The LP has n+1 variables and m = rows + 2n + 2 constraints.
 *
 * <p>Method: every row has the coefficient 1 for r, so the point (c, r0) with r0 = min(−2, min_rows(h − g·c) − 1)
 * satisfies every row with a slack ≥ 1 (c is the centre of a ball inside the cell; the extra row may cut far from
 * it), and the simplex starts feasible without a phase one: y = (u − c, r − r0) with A y ≤ b' = b − A(c, r0) ≥ 1,
 * the slacks basic, y nonbasic at 0. The dictionary has m rows and n+1 nonbasic
 * columns (free y_j or slacks s_i ≥ 0). Entering: a free nonbasic y_j with nonzero reduced cost (in either
 * direction) or a slack with positive reduced cost; leaving: the minimum ratio among the basic slacks (free
 * variables, once basic, never leave). Bland's rule (smallest index first, ties by smallest index) rules out
 * cycling. Far fewer operations than a general LP library for these sizes (m ≈ 2n + depth, n+1 ≤ 10 columns).
 * Not thread-safe (reused workspaces).
 */
final class ChebyshevLp {
    /** Reduced costs and pivots below this are treated as zero. */
    static final double EPS = 1e-11;
    private static final int MAX_PIVOTS = 10_000;

    private final int n;
    private double[] t = new double[0]; // m × (n+1) dictionary: basic_i = beta_i − Σ_k t[i][k]·nonbasic_k
    private double[] beta = new double[0];
    private int[] basic = new int[0]; // variable ids: 0..n the y_j, n+1+i the slack of row i
    private final int[] nonbasic;
    private final double[] cost;
    private double start;

    ChebyshevLp(int n) {
        this.n = n;
        this.nonbasic = new int[n + 1];
        this.cost = new double[n + 1];
    }

    int dimension() {
        return n;
    }

    /**
     * The Chebyshev ball (centre u, radius r as {u_0..u_{n−1}, r}) of the cell rows ∩ extra ∩ box, starting from
     * centre c, or null when the LP does not converge (it is never infeasible or unbounded: see the class comment).
     * A radius below −1 means that Hipparchus' formulation, which bounds r ≥ −1, would call it infeasible.
     */
    double[] solve(List<double[]> rows, double[] extra, double[] c) {
        int m = rows.size() + 1 + 2 * n + 1;
        int w = n + 1;
        if (beta.length < m) {
            t = new double[m * w];
            beta = new double[m];
            basic = new int[m];
        }
        int i = 0;
        for (double[] g : rows) {
            row(i++, g, c);
        }
        row(i++, extra, c);
        for (int q = 0; q < n; q++) {
            for (int s = -1; s <= 1; s += 2) {
                int o = i * w;
                Arrays.fill(t, o, o + w, 0.0);
                t[o + q] = s;
                t[o + n] = 1;
                beta[i] = 1 - s * c[q];
                basic[i] = w + i;
                i++;
            }
        }
        // beta holds the slacks h − g·c at u = c; start at r0 = min(−2, least slack − 1): every slack then ≥ 1
        double r0 = -2;
        for (int k = 0; k < i; k++) {
            r0 = Math.min(r0, beta[k] - 1);
        }
        if (!(r0 > -1e9)) {
            return null;
        }
        for (int k = 0; k < i; k++) {
            beta[k] -= r0;
        }
        int o = i * w;
        Arrays.fill(t, o, o + w, 0.0);
        t[o + n] = 1;
        beta[i] = 2 - r0; // r ≤ 2
        basic[i] = w + i;
        start = r0;
        for (int k = 0; k < w; k++) {
            nonbasic[k] = k;
            cost[k] = k == n ? 1 : 0;
        }
        for (int pivots = 0; pivots < MAX_PIVOTS; pivots++) {
            int e = entering(w);
            if (e < 0) {
                return solution(m, w, c);
            }
            if (cost[e] < 0) {
                // a free variable entering downwards: flip its sign (y_j → −y_j)
                cost[e] = -cost[e];
                for (int k = 0; k < m; k++) {
                    t[k * w + e] = -t[k * w + e];
                }
                nonbasic[e] = ~nonbasic[e];
            }
            int leave = leaving(m, w, e);
            if (leave < 0) {
                return null;
            }
            pivot(m, w, leave, e);
        }
        return null;
    }

    /** Row i: g·u + r ≤ h as A y ≤ h − g·c − r0, in dictionary form (here beta = h − g·c; r0 is subtracted later). */
    private void row(int i, double[] g, double[] c) {
        int w = n + 1;
        int o = i * w;
        double gc = 0;
        for (int q = 0; q < n; q++) {
            t[o + q] = g[q];
            gc += g[q] * c[q];
        }
        t[o + n] = 1;
        beta[i] = g[n] - gc;
        basic[i] = w + i;
    }

    private static boolean isFree(int id, int w) {
        int v = id < 0 ? ~id : id;
        return v < w;
    }

    /** Bland: the eligible nonbasic column with the smallest variable id, or −1 at the optimum. */
    private int entering(int w) {
        int best = -1;
        int bestId = Integer.MAX_VALUE;
        for (int k = 0; k < w; k++) {
            int id = nonbasic[k] < 0 ? ~nonbasic[k] : nonbasic[k];
            boolean ok = isFree(nonbasic[k], w) ? Math.abs(cost[k]) > EPS : cost[k] > EPS;
            if (ok && id < bestId) {
                best = k;
                bestId = id;
            }
        }
        return best;
    }

    /** Minimum ratio over the basic slacks with positive entries in column e (ties: smallest id); −1 if none. */
    private int leaving(int m, int w, int e) {
        int best = -1;
        double bestRatio = Double.POSITIVE_INFINITY;
        int bestId = Integer.MAX_VALUE;
        for (int k = 0; k < m; k++) {
            double a = t[k * w + e];
            if (a <= EPS || isFree(basic[k], w)) {
                continue;
            }
            double ratio = beta[k] / a;
            int id = basic[k];
            if (ratio < bestRatio - 1e-15 || (Math.abs(ratio - bestRatio) <= 1e-15 && id < bestId)) {
                best = k;
                bestRatio = ratio;
                bestId = id;
            }
        }
        return best;
    }

    /** Exchanges basic row p with nonbasic column e. */
    private void pivot(int m, int w, int p, int e) {
        int po = p * w;
        ChebyshevDictionary.pivotRows(t, beta, m, w, p, e);
        double ce = cost[e];
        for (int k = 0; k < w; k++) {
            cost[k] -= ce * t[po + k];
        }
        cost[e] = -ce * t[po + e];
        int id = basic[p];
        basic[p] = nonbasic[e];
        nonbasic[e] = id;
    }

    private double[] solution(int m, int w, double[] c) {
        double[] y = new double[w];
        for (int k = 0; k < m; k++) {
            int id = basic[k];
            int v = id < 0 ? ~id : id;
            if (v < w) {
                y[v] = id < 0 ? -beta[k] : beta[k];
            }
        }
        double[] x = new double[w];
        for (int q = 0; q < n; q++) {
            x[q] = c[q] + y[q];
        }
        x[n] = y[n] + start;
        return x;
    }
}
