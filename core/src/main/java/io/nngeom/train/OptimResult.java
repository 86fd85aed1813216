package io.nngeom.train;

/**
 * Outcome of a minimisation.
 *
 * @param x the final point
 * @param value f(x)
 * @param gradNorm ‖∇f(x)‖₂
 * @param iterations number of accepted steps
 * @param converged whether ‖∇f(x)‖₂ ≤ the gradient tolerance was reached
 * @param history f at the start point and after every iteration (length iterations + 1)
 */
public record OptimResult(double[] x, double value, double gradNorm, int iterations, boolean converged,
                          double[] history) {
}
