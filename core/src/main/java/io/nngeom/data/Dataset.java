package io.nngeom.data;

import io.nngeom.linalg.Matrix;

/**
 * A data set: inputs X (n×d, rows are examples) and targets Y (n×c real values). For classification
 * {@code labels} holds the integer class of each example (0..classes−1) and Y is its one-hot encoding;
 * otherwise {@code labels} is null and {@code classes} is 0.
 */
public record Dataset(Matrix x, Matrix y, int[] labels, int classes) {

    public Dataset {
        if (x == null || y == null) {
            throw new IllegalArgumentException("data set needs inputs and targets");
        }
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("inputs have " + x.rows() + " rows but targets " + y.rows());
        }
        if (labels != null) {
            if (labels.length != x.rows()) {
                throw new IllegalArgumentException("labels have " + labels.length + " entries, inputs " + x.rows() + " rows");
            }
            for (int v : labels) {
                if (v < 0 || v >= classes) {
                    throw new IllegalArgumentException("class label " + v + " outside 0.." + (classes - 1));
                }
            }
        }
    }

    /** Regression data set. */
    public static Dataset regression(Matrix x, Matrix y) {
        return new Dataset(x, y, null, 0);
    }

    /** Classification data set; Y becomes the one-hot encoding of the labels. */
    public static Dataset classification(Matrix x, int[] labels, int classes) {
        Matrix y = Matrix.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("class label " + labels[i] + " outside 0.." + (classes - 1));
            }
            y.set(i, labels[i], 1.0);
        }
        return new Dataset(x, y, labels.clone(), classes);
    }

    public int size() {
        return x.rows();
    }

    public int inputDim() {
        return x.cols();
    }

    public int targetDim() {
        return y.cols();
    }

    public boolean isClassification() {
        return labels != null;
    }

    /** Examples {@code idx}, in that order. */
    public Dataset subset(int[] idx) {
        int[] lab = null;
        if (labels != null) {
            lab = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                lab[i] = labels[idx[i]];
            }
        }
        return new Dataset(x.selectRows(idx), y.selectRows(idx), lab, classes);
    }
}
