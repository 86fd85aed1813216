package io.nngeom.solvers;

import java.util.Arrays;

/**
 * Thin QR factorisation A_S = Q R of a growing and shrinking set of columns (n rows, k ≤ n columns), the linear
 * algebra of {@link ActiveSetLasso}. Columns are appended by classical Gram–Schmidt with one full
 * re-orthogonalisation ("twice is enough", Giraud, Langou, Rozložník 2005) in O(n k), and removed by Givens
 * rotations of R and Q in O(n k) (Golub and Van Loan, Matrix Computations, §6.5). Solving with R instead of the
 * Gram matrix keeps the conditioning of the restricted Lasso system at κ(A_S), not κ(A_S)².
 *
 * <p>A column is refused as dependent when the norm of its component orthogonal to the current columns is at
 * most {@link #DEPENDENT} times its own norm; its coefficients in the current columns, w = R⁻¹Qᵀa (so that
 * a ≈ A_S w), are then available from {@link #dependentCoefficients()}.
 */
final class UpdatableQr {
    /**
     * Relative threshold ‖(I − QQᵀ)a‖ ≤ DEPENDENT·‖a‖ below which a column counts as linearly dependent on the
     * current ones: about 10⁵·ε_machine, far above the rounding error of a twice-orthogonalised projection
     * (≈ √n·ε) and far below the angle between distinct wedge columns of the benchmark problems.
     */
    static final double DEPENDENT = 1e-11;

    private final int n;
    private final double[][] q;
    /** R by columns: r[j][i] = R_ij for i ≤ j. */
    private final double[][] r;
    private int k;
    private final double[] lastCoef;
    private final double[] work;

    UpdatableQr(int n, int capacity) {
        this.n = n;
        int cap = Math.min(n, capacity);
        this.q = new double[cap][];
        this.r = new double[cap][];
        this.lastCoef = new double[cap];
        this.work = new double[n];
    }

    int size() {
        return k;
    }

    int capacity() {
        return q.length;
    }

    /**
     * Appends column {@code a} (length n, read from {@code data} at {@code off}). Returns false, leaving the
     * factorisation unchanged, when the column is dependent on the current ones (or the capacity is reached);
     * then {@link #dependentCoefficients()} holds w with a ≈ A_S w.
     */
    boolean add(double[] data, int off) {
        double[] v = work;
        System.arraycopy(data, off, v, 0, n);
        double norm0 = 0;
        for (int i = 0; i < n; i++) {
            norm0 += v[i] * v[i];
        }
        norm0 = Math.sqrt(norm0);
        double[] coef = new double[k + 1];
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < k; j++) {
                double[] qj = q[j];
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += qj[i] * v[i];
                }
                coef[j] += s;
                for (int i = 0; i < n; i++) {
                    v[i] -= s * qj[i];
                }
            }
        }
        double rest = 0;
        for (int i = 0; i < n; i++) {
            rest += v[i] * v[i];
        }
        rest = Math.sqrt(rest);
        if (k == q.length || !(rest > DEPENDENT * norm0)) {
            double[] w = Arrays.copyOf(coef, k);
            solveR(w);
            System.arraycopy(w, 0, lastCoef, 0, k);
            return false;
        }
        double[] qk = new double[n];
        for (int i = 0; i < n; i++) {
            qk[i] = v[i] / rest;
        }
        coef[k] = rest;
        double[] col = new double[q.length];
        System.arraycopy(coef, 0, col, 0, k + 1);
        q[k] = qk;
        r[k] = col;
        k++;
        return true;
    }

    /** After a refused {@link #add}: w (length {@link #size()}) with a ≈ A_S w. Valid until the next update. */
    double[] dependentCoefficients() {
        return Arrays.copyOf(lastCoef, k);
    }

    /** Removes column {@code pos}; later columns move down by one. */
    void remove(int pos) {
        for (int j = pos; j < k - 1; j++) {
            r[j] = r[j + 1];
        }
        r[k - 1] = null;
        // R without column pos is upper Hessenberg from column pos on: rotate rows i, i+1 to zero R[i+1][i]
        for (int i = pos; i < k - 1; i++) {
            double x = r[i][i];
            double y = r[i][i + 1];
            double rho = Math.hypot(x, y);
            if (rho == 0) {
                continue;
            }
            double c = x / rho;
            double s = y / rho;
            for (int j = i; j < k - 1; j++) {
                double a = r[j][i];
                double b = r[j][i + 1];
                r[j][i] = c * a + s * b;
                r[j][i + 1] = -s * a + c * b;
            }
            r[i][i + 1] = 0;
            double[] qa = q[i];
            double[] qb = q[i + 1];
            for (int t = 0; t < n; t++) {
                double a = qa[t];
                double b = qb[t];
                qa[t] = c * a + s * b;
                qb[t] = -s * a + c * b;
            }
        }
        q[k - 1] = null;
        k--;
    }

    /** Qᵀv (length k). */
    double[] qtv(double[] v) {
        double[] out = new double[k];
        for (int j = 0; j < k; j++) {
            double[] qj = q[j];
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += qj[i] * v[i];
            }
            out[j] = s;
        }
        return out;
    }

    /** b ← R⁻¹b (back substitution), b of length ≥ k. */
    void solveR(double[] b) {
        for (int i = k - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < k; j++) {
                s -= r[j][i] * b[j];
            }
            b[i] = s / r[i][i];
        }
    }

    /** b ← R⁻ᵀb (forward substitution). */
    void solveRt(double[] b) {
        for (int i = 0; i < k; i++) {
            double s = b[i];
            double[] ri = r[i];
            for (int j = 0; j < i; j++) {
                s -= ri[j] * b[j];
            }
            b[i] = s / ri[i];
        }
    }
}
