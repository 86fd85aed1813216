package io.nngeom.io;

import io.nngeom.linalg.Matrix;
import java.util.Arrays;

/**
 * A 1-D or 2-D numeric array as stored in a NumPy {@code .npy} file, widened to float64.
 *
 * @param dtype the NumPy type descriptor the array is (or is to be) stored with: {@code <f8}, {@code <f4},
 *              {@code <i8}, ... (see {@link Npy})
 * @param shape (n) or (rows, cols)
 * @param data the elements in C (row-major) order
 */
public record NpyArray(String dtype, int[] shape, double[] data) {

    public NpyArray {
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException("only 1-D and 2-D arrays, got shape " + Arrays.toString(shape));
        }
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " elements, got " + data.length);
        }
        shape = shape.clone();
    }

    /** A 2-D float64 array holding a copy of {@code m}. */
    public static NpyArray of(Matrix m) {
        return new NpyArray("<f8", new int[] {m.rows(), m.cols()}, m.data().clone());
    }

    /** A 1-D float64 array holding a copy of {@code v}. */
    public static NpyArray ofVector(double[] v) {
        return new NpyArray("<f8", new int[] {v.length}, v.clone());
    }

    /** A 1-D int64 array of the given integers (for example class labels). */
    public static NpyArray ofInts(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return new NpyArray("<i8", new int[] {v.length}, d);
    }

    public int rank() {
        return shape.length;
    }

    /** Number of rows: the first dimension. */
    public int rows() {
        return shape[0];
    }

    /** Number of columns: the second dimension, or 1 for a 1-D array. */
    public int cols() {
        return shape.length == 2 ? shape[1] : 1;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The array as a matrix (a 1-D array of length n becomes an n×1 column); copies the data. */
    public Matrix toMatrix() {
        return new Matrix(rows(), cols(), data.clone());
    }

    /** Shape in NumPy's notation, e.g. {@code (3, 4)} or {@code (5,)}. */
    public String shapeString() {
        return shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.dtype.equals(dtype) && Arrays.equals(a.shape, shape) && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 31 * 31 + Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + ", " + shapeString() + "]";
    }
}
