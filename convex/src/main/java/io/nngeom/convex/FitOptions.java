package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.Budget;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import io.nngeom.solvers.StopRule;
import java.util.Locale;
import java.util.Objects;

/**
 * Options of {@link Convex#fit}.
 *
 * @param beta regularisation β &gt; 0 (network objective ½‖f − y‖² + (β/2)Σ(‖w‖_p² + α²))
 * @param norm penalty norm p of the first-layer weights
 * @param bias hidden biases b_j and output bias ξ free (true) or fixed at 0
 * @param method which program to solve
 * @param maxPatterns cap on sampled arrangement patterns (d ≥ 3) for the exact program, and on sampled gates
 * @param gates gate vectors for {@link Method#GATED} or {@link Method#EXACT} (then the program over their patterns only), d×m
 *     (or (d+1)×m with bias), or null to sample maxPatterns
 * @param tolerance relative duality gap at which the solvers stop; with {@code stop} = {@link StopRule#GRADIENT}
 *     scnn's squared norm of the minimum-norm subgradient instead ({@link io.nngeom.solvers.FistaGroupLasso#stationarity})
 * @param seed seed of every random choice (sampled patterns and gates)
 * @param depth network depth L: 2 (the two-layer theory above) or 3, 4 (deep narrow networks on 1-D data, penalty
 *     (β/L)Σ|θ|^L on all non-bias weights instead of {@code norm}; see {@link DeepNarrow})
 * @param stop stopping rule of {@link Method#GATED}: the certified relative gap (default) or scnn's gradient rule;
 *     the other methods always stop on the gap
 * @param maxColumns largest dictionary (columns) a Lasso may build; larger ones are refused before any work
 * @param budget the deadline (a solve past it stops with its best point, labelled by what it proves) and progress
 */
public record FitOptions(double beta, PenaltyNorm norm, boolean bias, Method method, int maxPatterns, Matrix gates,
                         double tolerance, long seed, int depth, StopRule stop, long maxColumns, Budget budget) {
    /** Default {@link #maxColumns}: 20 million columns (a few GB of work, minutes at most). */
    public static final long DEFAULT_MAX_COLUMNS = 20_000_000L;

    /** The programs {@link Convex#fit} can solve. */
    public enum Method {
        /**
         * Lasso for d = 1 or p = 1; the exact program for 2-D ℓ2 problems with biases up to {@link Convex#AUTO_EXACT_MAX_N}
         * samples; the sample-wedge Lasso otherwise while its dictionary fits {@link #maxColumns}, else the exact program
         * over sampled patterns.
         */
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

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Method parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException("--method: expected auto, lasso, exact or gated, got '" + s + "'");
            }
        }
    }

    /** Validates every parameter; messages name the parameter (the command line adds its option name). */
    public FitOptions {
        Objects.requireNonNull(norm, "norm");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(budget, "budget");
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InputException("--beta: must be a positive number, got " + beta);
        }
        if (maxPatterns < 1) {
            throw new InputException("--max-patterns: must be at least 1, got " + maxPatterns);
        }
        if (depth < 2 || depth > 4) {
            throw new InputException("--depth: expected 2, 3 or 4, got " + depth);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new InputException("--tolerance: must lie in (0, 1), got " + tolerance);
        }
        if (maxColumns < 1) {
            throw new InputException("--max-columns: must be at least 1, got " + maxColumns);
        }
        if (gates != null) {
            checkGates(gates, method, norm);
        }
        if (method == Method.GATED && norm != PenaltyNorm.L2) {
            throw new InputException("--penalty: the gated-ReLU group lasso penalises sum_i ||u_i||_2; " + norm.id()
                    + " is not available with --method gated");
        }
    }

    private static void checkGates(Matrix gates, Method method, PenaltyNorm norm) {
        if (method != Method.GATED && method != Method.EXACT) {
            throw new InputException("--gates: only with --method gated or exact");
        }
        if (gates.cols() == 0 || gates.rows() == 0) {
            throw new InputException("--gates: the gate matrix is " + gates.rows() + " x " + gates.cols() + "; need at least one gate (column)");
        }
        if (!gates.allFinite()) {
            throw new InputException("--gates: the gate matrix holds NaN or infinite values");
        }
    }

    /** Options that stop on the relative duality gap. */
    public FitOptions(double beta, PenaltyNorm norm, boolean bias, Method method, int maxPatterns, Matrix gates,
                      double tolerance, long seed, int depth) {
        this(beta, norm, bias, method, maxPatterns, gates, tolerance, seed, depth, StopRule.GAP, DEFAULT_MAX_COLUMNS, Budget.NONE);
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
        return new FitOptions(beta, p, bias, method, maxPatterns, gates, tolerance, seed, depth, stop, maxColumns, budget);
    }

    public FitOptions withBias(boolean b) {
        return new FitOptions(beta, norm, b, method, maxPatterns, gates, tolerance, seed, depth, stop, maxColumns, budget);
    }

    public FitOptions withMethod(Method m) {
        return new FitOptions(beta, norm, bias, m, maxPatterns, gates, tolerance, seed, depth, stop, maxColumns, budget);
    }

    public FitOptions withMaxPatterns(int m) {
        return new FitOptions(beta, norm, bias, method, m, gates, tolerance, seed, depth, stop, maxColumns, budget);
    }

    public FitOptions withGates(Matrix g) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, g, tolerance, seed, depth, stop, maxColumns, budget);
    }

    public FitOptions withTolerance(double t) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, t, seed, depth, stop, maxColumns, budget);
    }

    public FitOptions withBeta(double b) {
        return new FitOptions(b, norm, bias, method, maxPatterns, gates, tolerance, seed, depth, stop, maxColumns, budget);
    }

    public FitOptions withDepth(int l) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, tolerance, seed, l, stop, maxColumns, budget);
    }

    public FitOptions withStop(StopRule r) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, tolerance, seed, depth, r, maxColumns, budget);
    }

    public FitOptions withSeed(long s) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, tolerance, s, depth, stop, maxColumns, budget);
    }

    public FitOptions withMaxColumns(long c) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, tolerance, seed, depth, stop, c, budget);
    }

    public FitOptions withBudget(Budget b) {
        return new FitOptions(beta, norm, bias, method, maxPatterns, gates, tolerance, seed, depth, stop, maxColumns, b);
    }
}
