package io.nngeom.train;

/**
 * Settings of {@link Lbfgs}.
 *
 * @param memory number m of stored correction pairs (s, y); default {@value #DEFAULT_MEMORY}
 * @param maxIterations maximal number of iterations (accepted steps)
 * @param gradTol stop when ‖∇f(x)‖₂ ≤ gradTol (default {@value #DEFAULT_GRAD_TOL})
 * @param c1 sufficient-decrease constant of the strong Wolfe conditions, φ(α) ≤ φ(0) + c1·α·φ'(0)
 * @param c2 curvature constant of the strong Wolfe conditions, |φ'(α)| ≤ c2·|φ'(0)|
 * @param maxLineSearch maximal function evaluations per line search
 */
public record LbfgsOptions(int memory, int maxIterations, double gradTol, double c1, double c2, int maxLineSearch) {
    public static final int DEFAULT_MEMORY = 10;
    public static final double DEFAULT_GRAD_TOL = 1e-10;
    public static final double DEFAULT_C1 = 1e-4;
    public static final double DEFAULT_C2 = 0.9;

    public LbfgsOptions {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be >= 1, got " + memory);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("L-BFGS iterations must be >= 0, got " + maxIterations);
        }
        if (!(gradTol >= 0)) {
            throw new IllegalArgumentException("gradient tolerance must be >= 0, got " + gradTol);
        }
        if (!(c1 > 0 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("Wolfe constants need 0 < c1 < c2 < 1, got " + c1 + ", " + c2);
        }
        if (maxLineSearch < 1) {
            throw new IllegalArgumentException("line-search evaluations must be >= 1, got " + maxLineSearch);
        }
    }

    /** m = 10, 1000 iterations, ‖∇f‖ ≤ 1e-10, c1 = 1e-4, c2 = 0.9, 40 evaluations per line search. */
    public static LbfgsOptions defaults() {
        return new LbfgsOptions(DEFAULT_MEMORY, 1000, DEFAULT_GRAD_TOL, DEFAULT_C1, DEFAULT_C2, 40);
    }

    public LbfgsOptions withMemory(int m) {
        return new LbfgsOptions(m, maxIterations, gradTol, c1, c2, maxLineSearch);
    }

    public LbfgsOptions withMaxIterations(int n) {
        return new LbfgsOptions(memory, n, gradTol, c1, c2, maxLineSearch);
    }

    public LbfgsOptions withGradTol(double t) {
        return new LbfgsOptions(memory, maxIterations, t, c1, c2, maxLineSearch);
    }
}
