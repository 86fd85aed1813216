package io.nngeom.regions;

import java.util.Arrays;

/**
 * The optimal simplex dictionary of a cell's Chebyshev LP (maximise r subject to g·u + r ≤ h for every row, with
 * ‖g‖ = 1, the box rows ±u_q + r ≤ 1 and r ≤ 2), kept so that a child cell, which has one row more, is solved from
 * its parent's by a few dual simplex pivots instead of from scratch (Chvátal, Linear Programming, ch. 10: a row added
 * to an optimal dictionary keeps it dual feasible). {@link PatternSearchEnumerator} keeps one per cell.
 *
 * <p>Form: x_B = β − T·x_N with the n+1 free variables (u, r) always basic (only slacks leave, so a free variable,
 * once basic, stays) and n+1 nonbasic slacks ≥ 0. The objective is r's row: at every step r = β_r − Σ_k T_rk s_k with
 * T_rk ≥ 0 (dual feasible), so β_r bounds the optimum from above, and {@link #add} can stop as soon as that bound
 * falls below a threshold. The root, {@link #box}, is the optimum u = 0, r = 1 of the box alone. Dual simplex with
 * the most infeasible row leaving (Bland's smallest index after {@link #BLAND_AFTER} pivots, against cycling) and
 * the ratio test over the reduced costs, ties by the smallest variable id. Mutable: copy before adding to a shared one.
 */
final class ChebyshevDictionary {
    /** What {@link #add} found. */
    enum Status {
        /** The dictionary is optimal for the rows so far. */
        OPTIMAL,
        /** The optimal radius is at most the threshold given (the dictionary is then not optimal). */
        BELOW,
        /** No pivot found or too many pivots (rounding); the dictionary is unusable. */
        FAILED
    }

    /** Primal infeasibility and pivot elements below this are treated as zero. */
    static final double EPS = 1e-11;
    private static final int BLAND_AFTER = 50;
    private static final int MAX_PIVOTS = 5_000;

    private final int n;
    private final int w; // n + 1 columns
    private int m; // rows
    private double[] t; // m × w
    private double[] beta;
    private int[] basic; // variable ids: 0..n the free (u, r), w + k the slack of constraint k
    private final int[] nonbasic; // slack ids
    private final int[] rowOf; // row of each free variable
    private int constraints;
    private long pivots;

    private ChebyshevDictionary(int n, int rows) {
        this.n = n;
        this.w = n + 1;
        t = new double[rows * w];
        beta = new double[rows];
        basic = new int[rows];
        nonbasic = new int[w];
        rowOf = new int[w];
    }

    /**
     * The optimal dictionary of the box [−1, 1]^n alone (with r ≤ 2): u = 0, r = 1. Nonbasic: the slacks a_q of
     * u_q + r ≤ 1 and b_0 of −u_0 + r ≤ 1; then r = 1 − (a_0 + b_0)/2, u_0 = (b_0 − a_0)/2,
     * u_q = (a_0 + b_0)/2 − a_q and b_q = a_0 + b_0 − a_q (q ≥ 1), and the slack of r ≤ 2 is 1 + (a_0 + b_0)/2.
     */
    static ChebyshevDictionary box(int n) {
        int w = n + 1;
        ChebyshevDictionary d = new ChebyshevDictionary(n, 2 * n + 1 + 16);
        // constraint ids: 2q for u_q + r ≤ 1, 2q + 1 for −u_q + r ≤ 1, 2n for r ≤ 2
        int colB0 = n;
        for (int q = 0; q < n; q++) {
            d.nonbasic[q] = w + 2 * q;
        }
        d.nonbasic[colB0] = w + 1;
        // rows: u_0..u_{n−1}, r, then b_1..b_{n−1}, then the slack of r ≤ 2
        for (int q = 0; q < n; q++) {
            int o = q * w;
            if (q == 0) {
                d.t[o] = 0.5;
                d.t[o + colB0] = -0.5;
            } else {
                d.t[o] = -0.5;
                d.t[o + colB0] = -0.5;
                d.t[o + q] = 1;
            }
            d.basic[q] = q;
            d.rowOf[q] = q;
        }
        int r = n;
        d.t[r * w] = 0.5;
        d.t[r * w + colB0] = 0.5;
        d.beta[r] = 1;
        d.basic[r] = n;
        d.rowOf[n] = r;
        int row = n + 1;
        for (int q = 1; q < n; q++) {
            int o = row * w;
            d.t[o] = -1;
            d.t[o + colB0] = -1;
            d.t[o + q] = 1;
            d.basic[row++] = w + 2 * q + 1;
        }
        int o = row * w;
        d.t[o] = -0.5;
        d.t[o + colB0] = -0.5;
        d.beta[row] = 1;
        d.basic[row++] = w + 2 * n;
        d.m = row;
        d.constraints = 2 * n + 1;
        return d;
    }

    /** An empty workspace for {@link #copyInto} (n input dimensions). */
    static ChebyshevDictionary workspace(int n) {
        return new ChebyshevDictionary(n, 0);
    }

    /** An independent copy with room for a few more rows. */
    ChebyshevDictionary copy() {
        ChebyshevDictionary d = new ChebyshevDictionary(n, m + 4);
        copyInto(d);
        return d;
    }

    /** Makes {@code d} (same n) a copy of this one, reusing its arrays when they are large enough. */
    void copyInto(ChebyshevDictionary d) {
        if (d.beta.length < m + 1) {
            int rows = m + 8;
            d.t = new double[rows * w];
            d.beta = new double[rows];
            d.basic = new int[rows];
        }
        System.arraycopy(t, 0, d.t, 0, m * w);
        System.arraycopy(beta, 0, d.beta, 0, m);
        System.arraycopy(basic, 0, d.basic, 0, m);
        System.arraycopy(nonbasic, 0, d.nonbasic, 0, w);
        System.arraycopy(rowOf, 0, d.rowOf, 0, w);
        d.m = m;
        d.constraints = constraints;
    }

    /** The doubles this dictionary's table holds (its memory, roughly, in units of 8 bytes). */
    long doubles() {
        return t.length + 2L * beta.length;
    }

    /** The current radius r (the optimum when the last {@link #add} was OPTIMAL, else an upper bound of it). */
    double radius() {
        return beta[rowOf[n]];
    }

    /** The current centre u. */
    double[] center() {
        double[] u = new double[n];
        for (int q = 0; q < n; q++) {
            u[q] = beta[rowOf[q]];
        }
        return u;
    }

    /** Dual simplex pivots made by this dictionary since it was made or copied. */
    long pivots() {
        return pivots;
    }

    /**
     * Adds the row g·u + r ≤ h ({@code row} = g_0..g_{n−1}, h) and pivots until the dictionary is optimal again, or
     * until the radius bound is at most {@code stopAtOrBelow} (then {@link Status#BELOW}).
     */
    Status add(double[] row, double stopAtOrBelow) {
        if ((m + 1) * w > t.length) {
            int rows = Math.max(2 * m, m + 8);
            t = Arrays.copyOf(t, rows * w);
            beta = Arrays.copyOf(beta, rows);
            basic = Arrays.copyOf(basic, rows);
        }
        // s = h − Σ_q g_q u_q − r, with every free variable replaced by its row
        int o = m * w;
        double b = row[n] - beta[rowOf[n]];
        Arrays.fill(t, o, o + w, 0.0);
        int ro = rowOf[n] * w;
        for (int k = 0; k < w; k++) {
            t[o + k] = -t[ro + k];
        }
        for (int q = 0; q < n; q++) {
            double g = row[q];
            if (g == 0) {
                continue;
            }
            int qo = rowOf[q] * w;
            b -= g * beta[rowOf[q]];
            for (int k = 0; k < w; k++) {
                t[o + k] -= g * t[qo + k];
            }
        }
        beta[m] = b;
        basic[m] = w + constraints++;
        m++;
        return restore(stopAtOrBelow);
    }

    private Status restore(double stopAtOrBelow) {
        int rRow = rowOf[n];
        for (int step = 0; step < MAX_PIVOTS; step++) {
            if (beta[rRow] <= stopAtOrBelow) {
                return Status.BELOW;
            }
            int p = leaving(step >= BLAND_AFTER);
            if (p < 0) {
                return Status.OPTIMAL;
            }
            int e = entering(p, rRow);
            if (e < 0) {
                return Status.FAILED;
            }
            pivot(p, e);
            pivots++;
        }
        return Status.FAILED;
    }

    /** A slack row with β &lt; −EPS: the most negative, or (bland) the one with the smallest id; −1 if none. */
    private int leaving(boolean bland) {
        int best = -1;
        double most = -EPS;
        int bestId = Integer.MAX_VALUE;
        for (int i = 0; i < m; i++) {
            if (basic[i] < w || beta[i] >= -EPS) {
                continue;
            }
            if (bland ? basic[i] < bestId : beta[i] < most) {
                best = i;
                most = beta[i];
                bestId = basic[i];
            }
        }
        return best;
    }

    /** Ratio test: the column k with T_pk &lt; −EPS minimising d_k / −T_pk (d_k = T_rk ≥ 0), ties by smallest id. */
    private int entering(int p, int rRow) {
        int po = p * w;
        int ro = rRow * w;
        int best = -1;
        double bestRatio = Double.POSITIVE_INFINITY;
        int bestId = Integer.MAX_VALUE;
        for (int k = 0; k < w; k++) {
            double a = t[po + k];
            if (a >= -EPS) {
                continue;
            }
            double ratio = Math.max(0.0, t[ro + k]) / -a;
            int id = nonbasic[k];
            if (ratio < bestRatio - 1e-15 || (Math.abs(ratio - bestRatio) <= 1e-15 && id < bestId)) {
                best = k;
                bestRatio = ratio;
                bestId = id;
            }
        }
        return best;
    }

    /** Exchanges basic row p with nonbasic column e. */
    private void pivot(int p, int e) {
        pivotRows(t, beta, m, w, p, e);
        int id = basic[p];
        basic[p] = nonbasic[e];
        nonbasic[e] = id;
        if (basic[p] < w) {
            rowOf[basic[p]] = p;
        }
    }

    /**
     * The row operations of a pivot on the dictionary x_B = β − T·x_N (m rows × w columns, row-major): row p is solved
     * for x_e, x_e = (β_p − x_p − Σ_{k≠e} T_pk x_k) / T_pe, and substituted into every other row. Shared with
     * {@link ChebyshevLp}, which does its own bookkeeping of costs and ids.
     */
    static void pivotRows(double[] t, double[] beta, int m, int w, int p, int e) {
        int po = p * w;
        double a = t[po + e];
        for (int k = 0; k < w; k++) {
            t[po + k] /= a;
        }
        t[po + e] = 1 / a;
        beta[p] /= a;
        for (int r = 0; r < m; r++) {
            if (r == p) {
                continue;
            }
            int ro = r * w;
            double f = t[ro + e];
            if (f == 0) {
                continue;
            }
            for (int k = 0; k < w; k++) {
                t[ro + k] -= f * t[po + k];
            }
            t[ro + e] = -f * t[po + e];
            beta[r] -= f * beta[p];
        }
    }
}
