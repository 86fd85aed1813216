package io.nngeom.piecewise;

/**
 * A piecewise-linear target given exactly: a 1-D function by breakpoints and slopes ({@link Pwl1d}), a 2-D
 * function on a triangulated polygon ({@link Triangulation}), a max–min expression of affine pieces
 * ({@link MaxMin}), or labelled points to interpolate ({@link PointSet}). JSON forms are documented in
 * docs/theory/piecewise.md and read by {@link SpecIo}.
 */
public sealed interface PwlSpec permits Pwl1d, Triangulation, MaxMin, PointSet {
    /** Input dimension. */
    int inputDim();

    /** Output dimension. */
    default int outputDim() {
        return 1;
    }

    /** Exact value at x (first output). */
    double value(double[] x);

    /** The "type" field of the JSON form. */
    String type();
}
