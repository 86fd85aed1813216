package io.nngeom.piecewise;

import io.nngeom.linalg.Matrix;

/**
 * Labelled points to interpolate exactly: inputs x_j ∈ R^n (rows of x) with targets y_j ∈ R^D (rows of y).
 *
 * @param x N×n inputs
 * @param y N×D targets
 */
public record PointSet(Matrix x, Matrix y) implements PwlSpec {

    public PointSet {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException(x.rows() + " points but " + y.rows() + " targets");
        }
        if (x.rows() == 0) {
            throw new IllegalArgumentException("no points");
        }
        if (!x.allFinite() || !y.allFinite()) {
            throw new IllegalArgumentException("points or targets are not finite");
        }
    }

    @Override
    public int inputDim() {
        return x.cols();
    }

    @Override
    public int outputDim() {
        return y.cols();
    }

    @Override
    public String type() {
        return "points";
    }

    /** The target of the point equal to x (first output); NaN when x is not one of the points. */
    @Override
    public double value(double[] xq) {
        for (int r = 0; r < x.rows(); r++) {
            boolean eq = true;
            for (int j = 0; j < xq.length && eq; j++) {
                eq = x.get(r, j) == xq[j];
            }
            if (eq) {
                return y.get(r, 0);
            }
        }
        return Double.NaN;
    }
}
