package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.optim.StopRule;
import io.nngeom.run.Seeds;

/**
 * Options of {@link Convex#fit}.
 *
 * @param beta regularisation β &gt; 0 (network objective ½‖f − y‖² + (β/2)Σ(‖w‖_p² + α²))
 * @param norm penalty norm p of the first-layer weights
 * @param bias hidden biases b_j and output bias ξ free (true) or fixed at 0
 * @param method which program to solve
 * @param maxPatterns cap on sampled arrangement patterns (d ≥ 3) for the exact program
 * @param gates gate vectors for {@link Method#GATED}, d×m (or (d+1)×m with bias), or null to sample maxPatterns
 * @param tolerance relative duality gap at which the solvers stop; with {@code stop} = {@link StopRule#GRADIENT}
 *     scnn's squared norm of the minimum-norm subgradient instead ({@link io.nngeom.optim.FistaGroupLasso#stationarity})
 * @param seed seed of every random choice (sampled patterns and gates)
 * @param depth network depth L: 2 (the two-layer theory above) or 3, 4 (deep narrow networks on 1-D data, penalty
 *     (β/L)Σ|θ|^L on all non-bias weights instead of {@code norm}; see {@link DeepNarrow})
 * @param stop stopping rule of {@link Method#GATED}: the certified relative gap (default) or scnn's gradient rule;
 *     the other methods always stop on the gap
 */
public record FitOptions(double beta, PenaltyNorm norm, boolean bias, Method method, int maxPatterns, Matrix gates,
                         double tolerance, long seed, int depth, StopRule stop) {
    /** The programs {@link Convex#fit} can solve. */
    public enum Method {
        /** Lasso for d = 1 or p = 1; the exact program for 2-D ℓ2 problems with biases up to {@link Convex#AUTO_EXACT_MAX_N} samples; sample-wedge Lasso otherwise. */
        AUTO,
        /** Lasso over a wedge dictionary (exact in 1-D and for ℓ1 with basis vectors; an upper bound otherwise). */
        LASSO,
        /**
         * The exact network optimum: by column generation ({@link ColumnGeneration}) for d ≤ 2 with biases, otherwise
         * the Pilanci–Ergen program with cone constraints over arrangement patterns ({@link ExactProgram}).
         */
        EXACT,
        /** The gated-ReLU group lasso (a different model; see {@link GatedRelu}). */
        GATED;

        public static Method parse(String s) {
            try {
                return valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new io.nngeom.run.InputException("--method: expected auto, lasso, exact or gated, got '" + s + "'");
            }
        }
    }

    public FitOptions {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new io.nngeom.run.InputException("--beta: must be a positive number, got " + beta);
        }
        if (maxPatterns < 1) {
            throw new io.nngeom.run.InputException("--max-patterns: must be at least 1, got " + maxPatterns);
        }
        if (depth < 2 || depth > 4) {
            throw new io.nngeom.run.InputException("--depth: expected 2, 3 or 4, got " + depth);
        }
        java.util.Objects.requireNonNull(stop);
    }

    /** Options that stop on the relative duality gap. */
    public FitOptions(double beta, PenaltyNorm norm, boolean bias, Method method, int maxPatterns, Matrix gates,
                      double tolerance, long seed, int depth) {
        this(beta, norm, bias, method, maxPatterns, gates, tolerance, seed, depth, StopRule.GAP);
    }

    /** Depth-2 options (the two-layer theory). */
    public FitOptions(double beta, PenaltyNorm norm, boolean bias, Method method, int maxPatterns, Matrix gates,
                      double tolerance, long seed) {
        this(beta, norm, bias, method, maxPatterns, gates, tolerance, seed, 2);
    }

    public static FitOptions defaults(double beta) {
        return new FitOptions(beta, PenaltyNorm.L2, true, Method.AUTO, 2000, null, 1e-10, Seeds.DEFAULT);
    }

    public FitOptions withNorm(PenaltyNorm p) {
        return new FitOptions(beta, p, bias, method, maxPatterns, gates, tolerance, seed, depth, stop);
    }

    public FitOptions withBias(boolean b) {
        return new FitOptions(beta, norm, b, method, maxPatterns, gates, tolerance, seed, depth, stop);
    }

    public FitOptions withMethod(Method m) {
        return new FitOptions(beta, norm, bias, m, maxPatterns, gates, tolerance, seed, depth, stop);
    }

    public FitOptions withMaxPatterns(int m) {
        return new FitOptions(beta, norm, bias, method, m, gates, tolerance, seed, depth, stop);
    }

    public FitOptions withGates(Matrix g) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, g, tolerance, seed, depth, stop);
    }

    public FitOptions withTolerance(double t) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, t, seed, depth, stop);
    }

    public FitOptions withBeta(double b) {
        return new FitOptions(b, norm, bias, method, maxPatterns, gates, tolerance, seed, depth, stop);
    }

    public FitOptions withDepth(int l) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, tolerance, seed, l, stop);
    }

    public FitOptions withStop(StopRule r) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, tolerance, seed, depth, r);
    }

    public FitOptions withSeed(long s) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, tolerance, s, depth, stop);
    }
}
