package io.nngeom.linalg;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Dense float64 linear algebra for nngeom: a thin facade over EJML, the only place that imports
 * {@code org.ejml}. Two tiers, as in EJML: value-returning methods for theory code and tests, and
 * {@code ...Into(..., out)} methods for hot loops.
 *
 * <p>Tolerances (written once, also in docs/conventions.md): the default rank tolerance of a matrix
 * A (m×n) is {@link #defaultRankTolerance} = max(m, n) · σ_max(A) · ε_machine, the convention of
 * LAPACK-based libraries (NumPy's {@code matrix_rank} and {@code pinv}).
 */
public final class Linalg {
    /** Machine epsilon for float64, 2^-52. */
    public static final double EPS = Math.ulp(1.0);

    private Linalg() {
    }

    static DMatrixRMaj wrap(Matrix m) {
        return DMatrixRMaj.wrap(m.rows(), m.cols(), m.data());
    }

    static Matrix unwrap(DMatrixRMaj m) {
        // EJML may hand back a longer backing array; copy exactly rows*cols entries.
        double[] d = new double[m.numRows * m.numCols];
        System.arraycopy(m.data, 0, d, 0, d.length);
        return new Matrix(m.numRows, m.numCols, d);
    }

    // ---------------------------------------------------------------- products

    /** a · b. */
    public static Matrix mult(Matrix a, Matrix b) {
        requireInner(a.cols(), b.rows(), "mult");
        Matrix c = Matrix.zeros(a.rows(), b.cols());
        multInto(a, b, c);
        return c;
    }

    /** out ← a · b. Modified: out. Not modified: a, b. {@code out} must not alias a or b. */
    public static void multInto(Matrix a, Matrix b, Matrix out) {
        requireInner(a.cols(), b.rows(), "multInto");
        requireShape(out, a.rows(), b.cols(), "multInto out");
        CommonOps_DDRM.mult(wrap(a), wrap(b), wrap(out));
    }

    /** aᵀ · b. */
    public static Matrix multTransA(Matrix a, Matrix b) {
        requireInner(a.rows(), b.rows(), "multTransA");
        Matrix c = Matrix.zeros(a.cols(), b.cols());
        CommonOps_DDRM.multTransA(wrap(a), wrap(b), wrap(c));
        return c;
    }

    /** a · bᵀ. */
    public static Matrix multTransB(Matrix a, Matrix b) {
        requireInner(a.cols(), b.cols(), "multTransB");
        Matrix c = Matrix.zeros(a.rows(), b.rows());
        CommonOps_DDRM.multTransB(wrap(a), wrap(b), wrap(c));
        return c;
    }

    // ---------------------------------------------------------------- solves

    /**
     * Solves a · x = b for square, non-singular a (LU with partial pivoting).
     *
     * @throws ArithmeticException if a is singular to working precision
     */
    public static Matrix solve(Matrix a, Matrix b) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("solve needs a square matrix, got " + a.rows() + "x" + a.cols());
        }
        requireInner(a.rows(), b.rows(), "solve");
        DMatrixRMaj x = new DMatrixRMaj(a.cols(), b.cols());
        if (!CommonOps_DDRM.solve(wrap(a).copy(), wrap(b).copy(), x) || !unwrap(x).allFinite()) {
            throw new ArithmeticException("singular matrix in solve");
        }
        return unwrap(x);
    }

    /** Solves a · x = b for a vector b. */
    public static double[] solve(Matrix a, double[] b) {
        return solve(a, Matrix.column(b)).data();
    }

    /**
     * Minimum-norm least-squares solution of a · x ≈ b, x = pinv(a) · b, valid for any shape and rank
     * (SVD with the default rank tolerance).
     */
    public static Matrix lstsq(Matrix a, Matrix b) {
        requireInner(a.rows(), b.rows(), "lstsq");
        return mult(pinv(a), b);
    }

    /** Minimum-norm least-squares solution for a vector right-hand side. */
    public static double[] lstsq(Matrix a, double[] b) {
        return lstsq(a, Matrix.column(b)).data();
    }

    // ---------------------------------------------------------------- SVD family

    /**
     * Thin singular value decomposition a = U · diag(s) · Vᵀ with s sorted in descending order; U is m×k,
     * V is n×k, k = min(m, n).
     */
    public static Svd svd(Matrix a) {
        return svd(a, true);
    }

    /** Full SVD: U is m×m, V is n×n, s has min(m, n) entries in descending order. */
    public static Svd svdFull(Matrix a) {
        return svd(a, false);
    }

    private static Svd svd(Matrix a, boolean compact) {
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        if (k == 0) {
            return new Svd(Matrix.zeros(m, compact ? 0 : m), new double[0], Matrix.zeros(n, compact ? 0 : n));
        }
        SingularValueDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.svd(m, n, true, true, compact);
        if (!dec.decompose(wrap(a).copy())) {
            throw new ArithmeticException("SVD did not converge");
        }
        DMatrixRMaj u = dec.getU(null, false);
        DMatrixRMaj v = dec.getV(null, false);
        DMatrixRMaj w = dec.getW(null);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = w.get(i, i);
        }
        return new Svd(unwrap(u), s, unwrap(v));
    }

    /** Singular values only, descending. */
    public static double[] singularValues(Matrix a) {
        return svd(a).s();
    }

    /**
     * Singular values only, descending, without forming U or V (several times faster than {@link #singularValues} on
     * a tall matrix; the values agree with it to rounding).
     */
    public static double[] singularValuesOnly(Matrix a) {
        int k = Math.min(a.rows(), a.cols());
        if (k == 0) {
            return new double[0];
        }
        SingularValueDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.svd(a.rows(), a.cols(), false, false, true);
        if (!dec.decompose(wrap(a).copy())) {
            throw new ArithmeticException("SVD did not converge");
        }
        double[] s = Arrays.copyOf(dec.getSingularValues(), k);
        Arrays.sort(s);
        for (int i = 0; i < k / 2; i++) {
            double t = s[i];
            s[i] = s[k - 1 - i];
            s[k - 1 - i] = t;
        }
        return s;
    }

    /** Numerical rank with the default tolerance, from {@link #singularValuesOnly}. */
    public static int rankValuesOnly(Matrix a) {
        double[] s = singularValuesOnly(a);
        if (s.length == 0) {
            return 0;
        }
        double tol = defaultRankTolerance(a, s[0]);
        int r = 0;
        for (double v : s) {
            r += v > tol ? 1 : 0;
        }
        return r;
    }

    /** max(m, n) · σ_max · ε: the default tolerance below which a singular value counts as zero. */
    public static double defaultRankTolerance(Matrix a, double sigmaMax) {
        return Math.max(a.rows(), a.cols()) * sigmaMax * EPS;
    }

    /** Numerical rank with the default tolerance. */
    public static int rank(Matrix a) {
        double[] s = singularValues(a);
        return s.length == 0 ? 0 : rank(a, defaultRankTolerance(a, s[0]));
    }

    /** Number of singular values strictly greater than {@code tol}. */
    public static int rank(Matrix a, double tol) {
        int r = 0;
        for (double v : singularValues(a)) {
            if (v > tol) {
                r++;
            }
        }
        return r;
    }

    /**
     * Moore–Penrose pseudo-inverse by SVD; singular values ≤ max(m, n) · σ_max · ε are treated as zero.
     */
    public static Matrix pinv(Matrix a) {
        Svd d = svd(a);
        double tol = d.s().length == 0 ? 0 : defaultRankTolerance(a, d.s()[0]);
        return pinv(a, tol);
    }

    /** Pseudo-inverse treating singular values ≤ tol as zero. */
    public static Matrix pinv(Matrix a, double tol) {
        Svd d = svd(a);
        int m = a.rows();
        int n = a.cols();
        Matrix out = Matrix.zeros(n, m);
        double[] o = out.data();
        Matrix u = d.u();
        Matrix v = d.v();
        for (int k = 0; k < d.s().length; k++) {
            double sk = d.s()[k];
            if (sk <= tol) {
                continue;
            }
            double inv = 1.0 / sk;
            for (int i = 0; i < n; i++) {
                double vik = v.get(i, k) * inv;
                if (vik == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    o[i * m + j] += vik * u.get(j, k);
                }
            }
        }
        return out;
    }

    /**
     * Orthonormal basis of the null space {x : a x = 0} as the columns of an n×(n − r) matrix, with r the
     * numerical rank at the default tolerance.
     */
    public static Matrix nullSpace(Matrix a) {
        Svd d = svdFull(a);
        double tol = d.s().length == 0 ? 0 : defaultRankTolerance(a, d.s()[0]);
        return nullSpace(a, tol);
    }

    /** Null space treating singular values ≤ tol as zero. */
    public static Matrix nullSpace(Matrix a, double tol) {
        Svd d = svdFull(a);
        int n = a.cols();
        int r = 0;
        for (double v : d.s()) {
            if (v > tol) {
                r++;
            }
        }
        int[] idx = new int[n - r];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = r + i;
        }
        return d.v().selectCols(idx);
    }

    // ---------------------------------------------------------------- other decompositions

    /** Eigen-decomposition of a symmetric matrix: eigenvalues ascending, eigenvectors as columns. */
    public static EigSym eigSym(Matrix a) {
        int n = a.rows();
        if (n != a.cols()) {
            throw new IllegalArgumentException("eigSym needs a square matrix, got " + a.rows() + "x" + a.cols());
        }
        if (n == 0) {
            return new EigSym(new double[0], Matrix.zeros(0, 0));
        }
        EigenDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.eig(n, true, true);
        if (!dec.decompose(wrap(a).copy())) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge");
        }
        Integer[] order = new Integer[n];
        double[] vals = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            vals[i] = dec.getEigenvalue(i).real;
        }
        Arrays.sort(order, (x, y) -> Double.compare(vals[x], vals[y]));
        double[] sorted = new double[n];
        Matrix vecs = Matrix.zeros(n, n);
        for (int c = 0; c < n; c++) {
            sorted[c] = vals[order[c]];
            DMatrixRMaj vec = dec.getEigenVector(order[c]);
            for (int i = 0; i < n; i++) {
                vecs.set(i, c, vec.get(i, 0));
            }
        }
        return new EigSym(sorted, vecs);
    }

    /** Thin QR decomposition a = Q R (Householder): Q m×k with orthonormal columns, R k×n upper triangular. */
    public static Qr qr(Matrix a) {
        int m = a.rows();
        int n = a.cols();
        QRDecomposition<DMatrixRMaj> dec = DecompositionFactory_DDRM.qr(m, n);
        if (!dec.decompose(wrap(a).copy())) {
            throw new ArithmeticException("QR decomposition failed");
        }
        return new Qr(unwrap(dec.getQ(null, true)), unwrap(dec.getR(null, true)));
    }

    /** Determinant (LU). */
    public static double det(Matrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("det needs a square matrix, got " + a.rows() + "x" + a.cols());
        }
        if (a.rows() == 0) {
            return 1.0;
        }
        return CommonOps_DDRM.det(wrap(a).copy());
    }

    /** Inverse of a square non-singular matrix. */
    public static Matrix inverse(Matrix a) {
        return solve(a, Matrix.identity(a.rows()));
    }

    // ---------------------------------------------------------------- vectors

    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dot of lengths " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public static double norm2(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void requireInner(int a, int b, String op) {
        if (a != b) {
            throw new IllegalArgumentException(op + ": inner dimensions " + a + " and " + b + " differ");
        }
    }

    private static void requireShape(Matrix m, int r, int c, String what) {
        if (m.rows() != r || m.cols() != c) {
            throw new IllegalArgumentException(what + " is " + m.rows() + "x" + m.cols() + ", expected " + r + "x" + c);
        }
    }

    /** a = U diag(s) Vᵀ, s descending. */
    public record Svd(Matrix u, double[] s, Matrix v) {
    }

    /** a = V diag(values) Vᵀ, values ascending, eigenvectors as the columns of {@code vectors}. */
    public record EigSym(double[] values, Matrix vectors) {
    }

    /** a = Q R. */
    public record Qr(Matrix q, Matrix r) {
    }
}
