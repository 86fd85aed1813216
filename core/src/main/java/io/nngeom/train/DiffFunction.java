package io.nngeom.train;

/** A differentiable function f: R^n → R for the optimizers. */
public interface DiffFunction {
    /** n. */
    int dimension();

    /** f(x); writes ∇f(x) into {@code grad} (length n, overwritten). */
    double valueAndGradient(double[] x, double[] grad);

    /** f(x) alone (default: through {@link #valueAndGradient}). */
    default double value(double[] x) {
        return valueAndGradient(x, new double[dimension()]);
    }
}
