package io.nngeom.linalg;

import java.util.Arrays;

/**
 * Dense float64 matrix, row-major: element (i, j) is {@code data[i * cols + j]}.
 *
 * <p>The project's one matrix type outside {@code io.nngeom.linalg}. Value-returning methods
 * ({@link #times}, {@link #transpose}, ...) never modify their receiver; {@link #set} and
 * {@link #data()} give direct access for hot loops and are documented as such where used.
 * Examples are rows: a data set with n examples in d dimensions is an n×d matrix.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    /** Wraps {@code data} (row-major, not copied). */
    public Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative size " + rows + "x" + cols);
        }
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data length " + data.length + " != " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    public static Matrix identity(int n) {
        Matrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1.0;
        }
        return m;
    }

    /** Copies a rectangular {@code double[][]} (rows of equal length). */
    public static Matrix of(double[]... rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " entries, expected " + c);
            }
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    /** A column vector (n×1) holding a copy of {@code v}. */
    public static Matrix column(double... v) {
        return new Matrix(v.length, 1, v.clone());
    }

    /** A row vector (1×n) holding a copy of {@code v}. */
    public static Matrix row(double... v) {
        return new Matrix(1, v.length, v.clone());
    }

    /** Diagonal matrix with {@code d} on the diagonal. */
    public static Matrix diag(double... d) {
        Matrix m = zeros(d.length, d.length);
        for (int i = 0; i < d.length; i++) {
            m.data[i * d.length + i] = d[i];
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing row-major array (not a copy: writes change this matrix). */
    public double[] data() {
        return data;
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** Modifies this matrix. */
    public void set(int i, int j, double v) {
        data[i * cols + j] = v;
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Copy of row i. */
    public double[] rowArray(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** Copy of column j. */
    public double[] colArray(int j) {
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    /** Copy as {@code double[rows][cols]}. */
    public double[][] toArray() {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = rowArray(i);
        }
        return a;
    }

    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.data[j * rows + i] = data[i * cols + j];
            }
        }
        return t;
    }

    /** Matrix product {@code this · b}. */
    public Matrix times(Matrix b) {
        return Linalg.mult(this, b);
    }

    /** Matrix-vector product {@code this · v}. */
    public double[] times(double[] v) {
        if (v.length != cols) {
            throw new IllegalArgumentException("vector length " + v.length + " != cols " + cols);
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                s += data[o + j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    public Matrix plus(Matrix b) {
        requireSameShape(b);
        double[] d = new double[data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = data[k] + b.data[k];
        }
        return new Matrix(rows, cols, d);
    }

    public Matrix minus(Matrix b) {
        requireSameShape(b);
        double[] d = new double[data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = data[k] - b.data[k];
        }
        return new Matrix(rows, cols, d);
    }

    public Matrix scale(double s) {
        double[] d = new double[data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = s * data[k];
        }
        return new Matrix(rows, cols, d);
    }

    /** Frobenius norm, computed without overflow for ordinary magnitudes. */
    public double normF() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Largest absolute entry. */
    public double maxAbs() {
        double m = 0;
        for (double v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Rows {@code idx} of this matrix, in that order. */
    public Matrix selectRows(int[] idx) {
        Matrix m = zeros(idx.length, cols);
        for (int r = 0; r < idx.length; r++) {
            System.arraycopy(data, idx[r] * cols, m.data, r * cols, cols);
        }
        return m;
    }

    /** Columns {@code idx} of this matrix, in that order. */
    public Matrix selectCols(int[] idx) {
        Matrix m = zeros(rows, idx.length);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < idx.length; c++) {
                m.data[i * idx.length + c] = data[i * cols + idx[c]];
            }
        }
        return m;
    }

    public boolean allFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private void requireSameShape(Matrix b) {
        if (b.rows != rows || b.cols != cols) {
            throw new IllegalArgumentException("shape " + b.rows + "x" + b.cols + " != " + rows + "x" + cols);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(rows).append('x').append(cols).append(" [");
        for (int i = 0; i < Math.min(rows, 6); i++) {
            sb.append(i == 0 ? "" : "; ");
            for (int j = 0; j < Math.min(cols, 6); j++) {
                sb.append(j == 0 ? "" : ", ").append(get(i, j));
            }
            if (cols > 6) {
                sb.append(", ...");
            }
        }
        if (rows > 6) {
            sb.append("; ...");
        }
        return sb.append(']').toString();
    }
}
