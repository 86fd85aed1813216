package io.nngeom.solvers;

import io.nngeom.linalg.Matrix;

/** A stored dictionary, kept column-major so that column access is contiguous. */
public final class DenseColumns implements ColumnProvider {
    private final int n;
    private final int p;
    private final double[] colMajor;

    private DenseColumns(int n, int p, double[] colMajor) {
        this.n = n;
        this.p = p;
        this.colMajor = colMajor;
    }

    /** Copies a (row-major) matrix. */
    public static DenseColumns of(Matrix a) {
        int n = a.rows();
        int p = a.cols();
        double[] d = a.data();
        double[] c = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                c[j * n + i] = d[i * p + j];
            }
        }
        return new DenseColumns(n, p, c);
    }

    /** Materialises every column of another provider (n·p doubles). */
    public static DenseColumns materialise(ColumnProvider a) {
        int n = a.rows();
        int p = a.cols();
        if ((long) n * p > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dictionary too large to materialise: " + n + "x" + p);
        }
        double[] c = new double[n * p];
        double[] col = new double[n];
        for (int j = 0; j < p; j++) {
            a.column(j, col);
            System.arraycopy(col, 0, c, j * n, n);
        }
        return new DenseColumns(n, p, c);
    }

    /** Selected columns of another provider. */
    public static DenseColumns select(ColumnProvider a, int[] cols) {
        int n = a.rows();
        double[] c = new double[n * cols.length];
        double[] col = new double[n];
        for (int k = 0; k < cols.length; k++) {
            a.column(cols[k], col);
            System.arraycopy(col, 0, c, k * n, n);
        }
        return new DenseColumns(n, cols.length, c);
    }

    /** As a row-major matrix (copy). */
    public Matrix toMatrix() {
        Matrix m = Matrix.zeros(n, p);
        double[] d = m.data();
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                d[i * p + j] = colMajor[j * n + i];
            }
        }
        return m;
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int cols() {
        return p;
    }

    @Override
    public void column(int j, double[] out) {
        System.arraycopy(colMajor, j * n, out, 0, n);
    }

    @Override
    public double dot(int j, double[] v) {
        int off = j * n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += colMajor[off + i] * v[i];
        }
        return s;
    }

    @Override
    public void transposeTimes(double[] v, double[] out) {
        for (int j = 0; j < p; j++) {
            out[j] = dot(j, v);
        }
    }

    @Override
    public void addTimes(double[] z, double[] out) {
        for (int j = 0; j < p; j++) {
            double a = z[j];
            if (a != 0) {
                int off = j * n;
                for (int i = 0; i < n; i++) {
                    out[i] += a * colMajor[off + i];
                }
            }
        }
    }

    /** out += a · a_j. */
    public void axpy(int j, double a, double[] out) {
        int off = j * n;
        for (int i = 0; i < n; i++) {
            out[i] += a * colMajor[off + i];
        }
    }
}
