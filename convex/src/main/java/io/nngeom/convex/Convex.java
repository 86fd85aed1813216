package io.nngeom.convex;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.optim.ActiveSetLasso;
import io.nngeom.optim.ColumnProvider;
import io.nngeom.optim.FistaGroupLasso;
import io.nngeom.optim.GroupLassoProblem;
import io.nngeom.optim.LassoOptions;
import io.nngeom.optim.LassoProblem;
import io.nngeom.optim.LassoSolution;
import io.nngeom.optim.LassoSolver;
import io.nngeom.optim.StopRule;
import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;

/**
 * Front door of theory 3 (Pilanci 2024; Pilanci and Ergen 2020): convex training of two-layer ReLU networks by
 * wedge-product dictionaries and the exact arrangement program, recovery of the network, and certificates of
 * global optimality for trained networks. Every result says whether its value equals the network optimum, or
 * bounds it from above or below, and why.
 */
public final class Convex {
    /**
     * AUTO solves the exact ℓ2 program in 2-D (by column generation) up to this many samples; beyond, the sample-wedge
     * Lasso (an upper bound). Measured on 2 shared cores: n = 200 takes about 5 s, n = 300 18 s, n = 400 38 s
     * (the sample-wedge start has n(n − 1) columns and each pricing sweep costs O(n³)).
     */
    public static final int AUTO_EXACT_MAX_N = 200;
    /** Cap on the outer iterations of every dictionary Lasso solve ({@link #lassoOptions}). */
    public static final int LASSO_MAX_ITERATIONS = 100_000;

    private Convex() {
    }

    /**
     * The solver policy of theory 3, written down once: every Lasso over a wedge, ramp or deep dictionary
     * ({@code convex fit --method lasso}, {@code --depth 3|4}, {@code convex path}, column generation and the
     * validation experiments) is solved by {@link ActiveSetLasso}, the exact active-set method (Osborne, Presnell and
     * Turlach 2000) on working sets.
     *
     * <p>Why not coordinate descent ({@link io.nngeom.optim.CoordinateDescentLasso}): with a free intercept these
     * dictionaries are exactly rank-deficient on typical supports ((h)₊ − (−h)₊ = h is affine), where coordinate
     * descent converges only linearly and its Newton step meets a singular Gram matrix. Measured to relative gap 1e-10
     * on 36 cases (1-D ramps n ≤ 400, deep L = 3/4, 2-D wedges with bias n ≤ 200; the test {@code SolverPolicyTest},
     * numbers in docs/theory/convex.md, "Solvers"), the active-set solver took at most 0.12 s in 1-D and deep cases
     * and 4.2 s on 39,800 wedges, while coordinate descent needed up to 55 s in 1-D and stopped short of the gap at
     * its cap in 5 cases (after up to 225 s). Coordinate descent won no case, so no case is left to it; it stays in
     * core as a second, independent solver for tests. The active-set solution is basic (linearly independent
     * support), hence also the sparser one.
     */
    public static LassoSolver lassoSolver() {
        return new ActiveSetLasso();
    }

    /** Options of every dictionary Lasso solve: stop at relative duality gap {@code tolerance}, at most {@link #LASSO_MAX_ITERATIONS} outer iterations. */
    public static LassoOptions lassoOptions(double tolerance) {
        return LassoOptions.defaults().withTolerance(tolerance).withMaxIterations(LASSO_MAX_ITERATIONS);
    }

    /** Fits the convex program chosen by {@code o.method()} to a one-output regression data set. */
    public static FitResult fit(Dataset data, FitOptions o) {
        long start = System.nanoTime();
        Matrix x = data.x();
        double[] y = target(data);
        int n = x.rows();
        if (n < 2) {
            throw new InputException("data: need at least 2 samples, got " + n);
        }
        if (o.stop() == StopRule.GRADIENT && (o.method() != FitOptions.Method.GATED || o.depth() != 2)) {
            throw new InputException("--stop: gradient is only for --method gated (depth 2); the other methods stop on the gap");
        }
        if (o.depth() > 2) {
            return deep(x, y, o, start);
        }
        FitOptions.Method m = resolve(n, x.cols(), o);
        FitResult r = switch (m) {
            case LASSO -> lasso(x, y, o, start);
            case EXACT -> exact(x, y, o, start);
            case GATED -> gated(x, y, o, start);
            default -> throw new IllegalStateException();
        };
        if (o.budget().expired() && r.exactness() != Exactness.EXACT) {
            r = r.withReason(r.reason() + "; the time limit was reached, so this is the best point found by then");
        }
        return r;
    }

    /**
     * The program {@link #fit} solves for n samples in d dimensions: {@code o.method()}, or for AUTO the Lasso for
     * d = 1 or ℓ1 while its dictionary fits, the exact program for 2-D ℓ2 problems with biases up to
     * {@link #AUTO_EXACT_MAX_N} samples, the sample-wedge Lasso while its dictionary fits {@code o.maxColumns()},
     * and the exact program over sampled arrangement patterns beyond (labelled by what it proves).
     */
    public static FitOptions.Method resolve(int n, int d, FitOptions o) {
        if (o.depth() > 2) {
            return FitOptions.Method.LASSO;
        }
        if (o.method() != FitOptions.Method.AUTO) {
            return o.method();
        }
        if (d == 1 && o.bias()) {
            return FitOptions.Method.LASSO;
        }
        if (d == 2 && n <= AUTO_EXACT_MAX_N && o.bias() && o.norm() == PenaltyNorm.L2) {
            return FitOptions.Method.EXACT;
        }
        return fits(Dictionaries.wedgeCount(n, d, o.bias(), o.norm()), o.maxColumns()) ? FitOptions.Method.LASSO : FitOptions.Method.EXACT;
    }

    /**
     * What {@link #fit} is about to do on n samples in d dimensions, with the sizes that grow combinatorially, in one
     * line (stated before the work starts).
     */
    public static String plan(int n, int d, FitOptions o) {
        FitOptions.Method m = resolve(n, d, o);
        if (o.depth() > 2) {
            return "Lasso over the depth-" + o.depth() + " deep dictionary of " + n + " samples";
        }
        return switch (m) {
            case LASSO -> d == 1 && o.bias() ? "Lasso over the " + 2 * n + " ramps of " + n + " samples"
                    : "Lasso over " + Dictionaries.wedgeCount(n, d, o.bias(), o.norm()) + " wedge columns (limit " + o.maxColumns() + ")";
            case EXACT -> ColumnGeneration.applies(d, o.bias())
                    ? "exact column generation from " + Dictionaries.sampleWedgeCount(n, d, true) + " sample wedges, pricing by the angular sweep"
                    : "exact program over the arrangement patterns (Cover bound " + ArrangementPatterns.coverBound(n, d, o.bias())
                            + " chambers; at most " + o.maxPatterns() + " used, sampled when they do not all fit)"
                            + (o.method() == FitOptions.Method.AUTO ? ", since the wedge dictionary would have "
                                    + Dictionaries.wedgeCount(n, d, o.bias(), o.norm()) + " columns, above the limit " + o.maxColumns() : "");
            case GATED -> "gated-ReLU group lasso over " + (o.gates() == null ? "up to " + o.maxPatterns() + " sampled" : o.gates().cols() + " given")
                    + " gates";
            default -> m.id();
        };
    }

    /** What {@link #certify} is about to check on n samples in d dimensions, with its sizes, in one line. */
    public static String certifyPlan(int n, int d, int depth, CertifyOptions o) {
        if (depth > 2) {
            return "dual constraint over the depth-" + depth + " deep dictionary of " + n + " samples (" + DeepDictionary.tupleCount(n, depth) + " unit chains before de-duplication)";
        }
        if (DualConstraint.exactAvailable(d)) {
            return "dual constraint over all unit neurons by the angular sweep (d <= 2, O(n^3 log n) with n = " + n + ")";
        }
        if (o.norm() == PenaltyNorm.L1 && fits(Dictionaries.basisWedgeCount(n, d, true), o.maxColumns())) {
            return "dual constraint over the l1 wedge-and-basis dictionary (" + Dictionaries.basisWedgeCount(n, d, true) + " neurons)";
        }
        BigInteger bound = ArrangementPatterns.coverBound(n, d, true);
        return "dual constraint by conic pricing over arrangement patterns (Cover bound " + bound + " chambers; "
                + (bound.compareTo(BigInteger.valueOf(o.maxPatterns() + 1L)) <= 0 ? "within --max-patterns: enumerated, a complete check once every chamber is found"
                        : "above --max-patterns " + o.maxPatterns() + ", so " + o.maxPatterns() + " sampled: a search for a violating neuron, not a proof of optimality") + ")";
    }

    private static boolean fits(BigInteger count, long limit) {
        return count.compareTo(BigInteger.valueOf(limit)) <= 0;
    }

    /** The wedge dictionary {@link #fit} uses for the Lasso, at most {@link FitOptions#DEFAULT_MAX_COLUMNS} columns. */
    public static Dictionary dictionary(Matrix x, PenaltyNorm norm, boolean bias) {
        return dictionary(x, norm, bias, FitOptions.DEFAULT_MAX_COLUMNS);
    }

    /** The wedge dictionary {@link #fit} uses for the Lasso; one with more than {@code maxColumns} columns is refused. */
    public static Dictionary dictionary(Matrix x, PenaltyNorm norm, boolean bias, long maxColumns) {
        int d = x.cols();
        int n = x.rows();
        if (d == 1 && bias) {
            return Dictionaries.ramps1d(x);
        }
        BigInteger count = Dictionaries.wedgeCount(n, d, bias, norm);
        if (!fits(count, maxColumns)) {
            throw new InputException("--max-columns: the wedge dictionary of " + n + " samples in " + d + "-D would have " + count
                    + " columns, above the limit " + maxColumns + "; raise --max-columns, or use --method exact or gated");
        }
        return norm == PenaltyNorm.L1 ? Dictionaries.wedgesWithBasis(x, bias, norm) : Dictionaries.sampleWedges(x, bias, norm);
    }

    /** How a program's value relates to the network optimum, and why. */
    public record Claim(Exactness exactness, String reason) {
    }

    /** The claim of the Lasso over {@link #dictionary}{@code (x, norm, bias)} for d-dimensional inputs. */
    public static Claim lassoClaim(int d, PenaltyNorm norm) {
        if (d == 1) {
            return new Claim(Exactness.EXACT, "1-D: optimal neurons have breakpoints at samples, so the ramp dictionary contains an optimal network");
        }
        if (norm == PenaltyNorm.L1) {
            return new Claim(Exactness.EXACT, "l1 penalty: optimal neurons are vertices of the l1 ball within an arrangement cell, i.e. "
                    + "wedges of samples and basis vectors, all in the dictionary");
        }
        return new Claim(Exactness.UPPER_BOUND, "l2 penalty in d >= 2: optimal neurons need not be single wedges, so the sample-wedge "
                + "Lasso is a feasible network (upper bound); use --method exact");
    }

    static FitResult lasso(Matrix x, double[] y, FitOptions o, long start) {
        int d = x.cols();
        Dictionary dict = dictionary(x, o.norm(), o.bias(), o.maxColumns());
        LassoSolution s = lassoSolver().solve(new LassoProblem(dict, y, o.beta(), o.bias()), lassoOptions(o.tolerance()).withBudget(o.budget()));
        Mlp net = TwoLayer.recover(dict, s.z(), s.intercept());
        double nn = TwoLayer.objective(net, x, y, o.beta(), o.norm());
        Claim claim = lassoClaim(d, o.norm());
        Exactness ex = claim.exactness();
        String reason = claim.reason();
        double lb = o.bias() ? certifiedLowerBound(x, y, net, o.beta(), o.norm()) : Double.NaN;
        if (ex == Exactness.EXACT) {
            // the exact program's dual value bounds the optimum too (Math.max would keep a NaN from d >= 3)
            lb = Double.isNaN(lb) ? s.dual() : Math.max(lb, s.dual());
        }
        reason += stopped(s, o.tolerance());
        ex = s.converged() ? ex : Exactness.UPPER_BOUND;
        return new FitResult(net, "lasso", s.primal(), nn, s.relativeGap(), lb, s.nonzeros(), s.l1Norm(), ex, reason,
                dict.cols(), dict.description(), s.gapIterations(), s.gapHistory(), RunInfo.of(o.seed(), start));
    }

    /**
     * What a result's reason adds when its solver stopped at the iteration cap before its tolerance: then the point
     * is feasible but not the optimum, so the result is labelled an upper bound (of the program it solves), whatever
     * the program's relation to the network problem. Empty when the solver converged.
     */
    static String stopped(LassoSolution s, double tolerance) {
        if (s.converged()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "; BUT the solver stopped at its iteration cap (%d iterations) with relative "
                + "duality gap %.3e above the tolerance %.1e: a feasible point within that gap of the optimum, hence an upper bound",
                s.iterations(), s.relativeGap(), tolerance);
    }

    /** Why the deep 1-D Lasso equals the network optimum (the statement it rests on). */
    public static final String DEEP_EXACT_REASON = "1-D deep narrow ReLU network (parallel width-1 chains), penalty (beta/L) sum |w|^L "
            + "on all non-bias weights, free biases: Zeger et al. (arXiv 2403.01046) prove training equals this Lasso for L <= 4; "
            + "every unit chain is a capped ramp, on the samples a mix of the dictionary's chains with breakpoints at samples";

    /**
     * Depth 3 or 4 on 1-D data: the Lasso over {@link DeepDictionary} and the deep narrow network it recovers
     * ({@link DeepNarrow}).
     */
    static FitResult deep(Matrix x, double[] y, FitOptions o, long start) {
        int depth = o.depth();
        if (!o.bias()) {
            throw new InputException("--no-bias: the deep 1-D theory has free biases; not available with --depth " + depth);
        }
        if (o.method() != FitOptions.Method.AUTO && o.method() != FitOptions.Method.LASSO) {
            throw new InputException("--method: depth " + depth + " is solved as a Lasso over the deep dictionary; use auto or lasso, got "
                    + o.method().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (o.norm() != PenaltyNorm.L2) {
            throw new InputException("--penalty: depth " + depth + " uses (beta/L) sum |w|^L on all weights; " + o.norm().id() + " does not apply");
        }
        if (o.gates() != null) {
            throw new InputException("--gates: only with --method gated at depth 2");
        }
        DeepDictionary dict = deepDictionary(x, depth);
        LassoSolution s = lassoSolver().solve(new LassoProblem(dict, y, o.beta(), true), lassoOptions(o.tolerance()).withBudget(o.budget()));
        Mlp net = DeepNarrow.recover(dict, s.z(), s.intercept());
        double nn = DeepNarrow.objective(net, x, y, o.beta());
        String reason = DEEP_EXACT_REASON + (depth == 4 ? " (reflection features 2x_j2 - x_j1 included)" : "") + stopped(s, o.tolerance());
        return new FitResult(net, "lasso", s.primal(), nn, s.relativeGap(), s.dual(), s.nonzeros(), s.l1Norm(),
                s.converged() ? Exactness.EXACT : Exactness.UPPER_BOUND,
                reason, dict.cols(), dict.description(), s.gapIterations(), s.gapHistory(), RunInfo.of(o.seed(), start));
    }

    /** The deep 1-D dictionary of depth 3 or 4 that {@link #fit} uses; bad input (d ≥ 2, too many samples) is rejected. */
    public static DeepDictionary deepDictionary(Matrix x, int depth) {
        if (depth != 3 && depth != 4) {
            throw new InputException("--depth: deep dictionaries exist for depth 3 and 4, got " + depth);
        }
        if (x.cols() != 1) {
            throw new InputException("--depth " + depth + ": deep narrow networks are implemented for 1-D inputs only, the data have "
                    + x.cols() + " input columns");
        }
        return DeepDictionary.of(x, depth);
    }

    /**
     * The exact program: column generation with the exact angular pricing ({@link ColumnGeneration}) where it
     * applies (d ≤ 2 with biases); otherwise, under ℓ2, the arrangement program over the enumerated (d ≤ 2) or
     * sampled (d ≥ 3) patterns by column generation with per-pattern conic pricing ({@link ConeColumnGeneration});
     * under ℓ1 the Lasso over wedges of samples and basis vectors, exact over all patterns (digest §2.3), while its
     * dictionary has at most {@link FitOptions#maxColumns} columns, beyond that the augmented-Lagrangian arrangement program
     * ({@link ExactProgram}) over sampled patterns.
     */
    static FitResult exact(Matrix x, double[] y, FitOptions o, long start) {
        if (ColumnGeneration.applies(x.cols(), o.bias())) {
            if (x.cols() == 2 && !fits(Dictionaries.sampleWedgeCount(x.rows(), 2, true), o.maxColumns())) {
                throw new InputException("--max-columns: exact column generation in 2-D starts from the " + Dictionaries.sampleWedgeCount(x.rows(), 2, true)
                        + " sample wedges of " + x.rows() + " samples, above the limit " + o.maxColumns()
                        + "; raise --max-columns, or use --method gated");
            }
            return columnGeneration(x, y, o, start);
        }
        if (o.norm() == PenaltyNorm.L2) {
            return coneColumnGeneration(x, y, o, start);
        }
        if (fits(Dictionaries.basisWedgeCount(x.rows(), x.cols(), o.bias()), o.maxColumns())) {
            // under l1 the Lasso over wedges of samples and basis vectors is the exact program over all patterns
            FitResult r = lasso(x, y, o, start);
            return r.withReason("--method exact under l1: the wedge-and-basis Lasso over all " + r.columns() + " columns is the exact "
                    + "program (no pattern sampling); " + r.reason());
        }
        return augmentedLagrangian(x, y, o, start);
    }

    /**
     * The ℓ2 arrangement program over the patterns of {@link ArrangementPatterns#of} by {@link ConeColumnGeneration}.
     * EXACT when the pattern set is complete and the method converged (then the lower bound is certified for the
     * network optimum); otherwise the network is feasible (an upper bound) and {@code dualityGap} is the certified
     * gap of the restricted program over the patterns used.
     */
    static FitResult coneColumnGeneration(Matrix x, double[] y, FitOptions o, long start) {
        ArrangementPatterns pats = ArrangementPatterns.of(x, o.bias(), o.maxPatterns(), Seeds.child(o.seed(), "patterns"));
        o.budget().report("convex fit: arrangement patterns", pats.patterns().size(), 0, pats.how());
        ConeColumnGeneration.Result r = ConeColumnGeneration.solve(x, y, o.beta(), o.bias(), pats.patterns(), o.tolerance(), o.budget());
        boolean exact = pats.complete() && r.converged();
        String cert = String.format(java.util.Locale.ROOT, "certified relative gap %.2e to the program over these patterns, dual ratio %.12f, %d rounds",
                r.relativeGap(), r.dualRatio(), r.rounds())
                + (r.rejected() > 0 ? ", " + r.rejected() + " priced neurons rejected by the pattern-feasibility check" : "");
        String reason;
        if (exact) {
            reason = "all non-empty arrangement patterns, " + pats.how() + ", solved by column generation with conic pricing per pattern: " + cert;
        } else if (pats.complete()) {
            reason = "all arrangement patterns " + pats.how() + ", but column generation stopped before its tolerance: a feasible network (upper bound), " + cert;
        } else {
            reason = "arrangement patterns " + pats.how() + ": a restricted program, hence a feasible network "
                    + "and an upper bound (no lower bound on the network optimum); column generation with conic pricing per pattern: " + cert;
        }
        double[] gi = new double[r.history().size()];
        double[] gh = new double[r.history().size()];
        for (int i = 0; i < gi.length; i++) {
            gi[i] = r.history().get(i)[0];
            gh[i] = r.history().get(i)[2];
        }
        LassoSolution s = r.lasso();
        int nz = s == null ? 0 : s.nonzeros();
        double l1 = s == null ? 0 : s.l1Norm();
        long cols = r.dictionary() == null ? 0 : r.dictionary().cols();
        String desc = "column generation with conic pricing over " + pats.patterns().size() + " arrangement patterns (" + pats.how() + "): "
                + cols + " priced neurons, " + r.rounds() + " rounds";
        return new FitResult(r.network(), "exact", r.objective(), r.nnObjective(), r.relativeGap(),
                pats.complete() ? r.lowerBound() : Double.NaN, nz, l1, exact ? Exactness.EXACT : Exactness.UPPER_BOUND,
                reason, cols, desc, gi, gh, RunInfo.of(o.seed(), start));
    }

    /**
     * The Pilanci–Ergen arrangement program solved by the augmented Lagrangian ({@link ExactProgram}) whatever d:
     * the second, independent algorithm for the exact optimum where {@code --method exact} uses column generation.
     */
    public static FitResult exactByAugmentedLagrangian(Dataset data, FitOptions o) {
        long start = System.nanoTime();
        if (data.x().rows() < 2) {
            throw new InputException("data: need at least 2 samples, got " + data.x().rows());
        }
        return augmentedLagrangian(data.x(), target(data), o, start);
    }

    static FitResult columnGeneration(Matrix x, double[] y, FitOptions o, long start) {
        ColumnGeneration.Result r = ColumnGeneration.solve(x, y, o.beta(), o.norm(), o.tolerance(), o.budget());
        LassoSolution s = r.lasso();
        Exactness ex = r.converged() ? Exactness.EXACT : Exactness.UPPER_BOUND;
        String cert = String.format(java.util.Locale.ROOT, "certified relative gap %.2e to the exact dual lower bound, dual ratio %.12f",
                r.relativeGap(), r.dualRatio());
        String reason = r.converged()
                ? "column generation over all unit neurons (exact pricing by the angular sweep, d <= 2): " + cert
                : "column generation stopped after " + r.rounds() + " rounds before its tolerance: a feasible network (upper bound), " + cert;
        double[] gi = new double[r.history().size()];
        double[] gh = new double[r.history().size()];
        for (int i = 0; i < gi.length; i++) {
            gi[i] = r.history().get(i)[0];
            gh[i] = r.history().get(i)[2];
        }
        return new FitResult(r.network(), "exact", s.primal(), r.nnObjective(), r.relativeGap(), r.lowerBound(), s.nonzeros(),
                s.l1Norm(), ex, reason, r.dictionary().cols(), r.dictionary().description() + ", " + r.rounds() + " rounds",
                gi, gh, RunInfo.of(o.seed(), start));
    }

    /**
     * Largest certified relative gap at which the augmented-Lagrangian solve ({@link ExactProgram}, which stops on
     * its constraint violation, not on a gap) is labelled exact: 1e-6.
     */
    public static final double AL_EXACT_GAP = 1e-6;

    static FitResult augmentedLagrangian(Matrix x, double[] y, FitOptions o, long start) {
        ArrangementPatterns pats = ArrangementPatterns.of(x, o.bias(), o.maxPatterns(), Seeds.child(o.seed(), "patterns"));
        o.budget().report("convex fit: arrangement patterns", pats.patterns().size(), 0, pats.how());
        ExactProgram.Result r = ExactProgram.solve(x, y, o.beta(), o.norm(), o.bias(), pats.patterns(), 20_000, 60, o.budget());
        double lb = o.bias() && pats.complete() ? certifiedLowerBound(x, y, r.network(), o.beta(), o.norm()) : Double.NaN;
        double gap = Double.isNaN(lb) ? Double.NaN : Math.max(r.nnObjective() - lb, 0) / r.nnObjective();
        boolean exact = pats.complete() && gap <= AL_EXACT_GAP;
        String reason;
        if (exact) {
            reason = "all non-empty arrangement patterns, " + pats.how() + "; value of the recovered network, certified relative gap "
                    + String.format(java.util.Locale.ROOT, "%.2e", gap) + " to the exact dual lower bound";
        } else if (pats.complete()) {
            reason = "all non-empty arrangement patterns, " + pats.how() + ", but the augmented Lagrangian's network is not certified within "
                    + AL_EXACT_GAP + " (relative gap " + (Double.isNaN(gap) ? "unknown: no exact dual constraint here" : String.format(java.util.Locale.ROOT, "%.2e", gap))
                    + "): a feasible network, hence an upper bound";
        } else {
            reason = "arrangement patterns " + pats.how() + ": a restricted program, hence a feasible network and an upper bound";
        }
        double[] gi = new double[r.history().size()];
        double[] gh = new double[r.history().size()];
        for (int i = 0; i < gi.length; i++) {
            gi[i] = r.history().get(i)[0];
            gh[i] = r.history().get(i)[2];
        }
        double l1 = TwoLayer.penalty(r.network(), o.norm());
        return new FitResult(r.network(), "exact", r.convexObjective(), r.nnObjective(), gap, lb, r.active(), l1,
                exact ? Exactness.EXACT : Exactness.UPPER_BOUND, reason, 2L * r.patterns(), "arrangement patterns: " + pats.how(),
                gi, gh, RunInfo.of(o.seed(), start));
    }

    /** Iteration cap of the gated-ReLU solver (either stopping rule). */
    static final int GATED_MAX_ITERATIONS = 100_000;

    static FitResult gated(Matrix x, double[] y, FitOptions o, long start) {
        Matrix xa = ArrangementPatterns.augmented(x, o.bias());
        List<BitSet> pats;
        boolean complete = false;
        String how;
        if (o.gates() != null) {
            if (o.gates().rows() != xa.cols()) {
                throw new InputException("--gates: expected " + xa.cols() + " rows (d" + (o.bias() ? "+1 with bias" : "")
                        + "), got " + o.gates().rows() + " (a d x m matrix, one gate per column)");
            }
            pats = ArrangementPatterns.ofGates(xa, o.gates());
            how = o.gates().cols() + " given gates, " + pats.size() + " distinct patterns";
        } else {
            Matrix g = Matrix.zeros(xa.cols(), o.maxPatterns());
            java.util.SplittableRandom rng = Seeds.rng(Seeds.child(o.seed(), "gates"));
            for (int i = 0; i < g.rows(); i++) {
                for (int j = 0; j < g.cols(); j++) {
                    g.set(i, j, Seeds.gaussian(rng));
                }
            }
            pats = ArrangementPatterns.ofGates(xa, g);
            how = o.maxPatterns() + " Gaussian gates, " + pats.size() + " distinct patterns";
        }
        GroupLassoProblem problem = new GroupLassoProblem(GatedRelu.blocks(xa, pats), y, o.beta(), false);
        if (pats.isEmpty()) {
            throw new InputException("--gates: every gate gives the empty activation pattern on these data; no neuron can be active");
        }
        LassoSolution s = new FistaGroupLasso(o.stop()).solve(problem,
                LassoOptions.defaults().withTolerance(o.tolerance()).withMaxIterations(GATED_MAX_ITERATIONS).withBudget(o.budget()));
        int q = xa.cols();
        int active = 0;
        double l1 = 0;
        for (int g = 0; g < pats.size(); g++) {
            double t = 0;
            for (int c = 0; c < q; c++) {
                t += s.z()[g * q + c] * s.z()[g * q + c];
            }
            if (t > 0) {
                active++;
                l1 += Math.sqrt(t);
            }
        }
        String reason = String.format(java.util.Locale.ROOT, "optimum of the gated-ReLU group lasso for these gates (%s) within the certified "
                + "relative gap %.2e; gated networks are a different model from ReLU networks, so this is no bound on the ReLU problem; "
                + "bias, if any, is a penalised ones column", how, s.relativeGap());
        if (o.stop() == StopRule.GRADIENT) {
            double st = FistaGroupLasso.stationarity(problem, s.z());
            reason = String.format(java.util.Locale.ROOT, "stopped on scnn's gradient rule, NOT on the duality gap: squared "
                    + "min-norm subgradient norm (scnn scaling) %.3e %s tolerance %.3e after %d iterations; the relative "
                    + "duality gap measured afterwards is %.3e, so the objective is within that fraction of the ", st,
                    s.converged() ? "<=" : "> (iteration cap reached)", o.tolerance(), s.iterations(), s.relativeGap()) + reason;
        }
        if (o.stop() == StopRule.GAP) {
            reason += stopped(s, o.tolerance());
        }
        return new FitResult(null, "gated", s.primal(), Double.NaN, s.relativeGap(), Double.NaN, active, l1, Exactness.OTHER_MODEL,
                reason, pats.size(), how, s.gapIterations(), s.gapHistory(), RunInfo.of(o.seed(), start));
    }

    /**
     * Certificate of a trained ReLU network: its objective, the dual constraint at its residual (exact where it can be
     * checked over every neuron, searched otherwise), a lower bound where rigorous, and a verdict: optimal within
     * {@code o.maxGapPercent()}, not optimal (with a better network built from a violating neuron), or undecided.
     */
    public static Certificate certify(Mlp model, Dataset data, CertifyOptions o) {
        long start = System.nanoTime();
        if (model.inputDim() != data.x().cols()) {
            throw new InputException("model: input dimension " + model.inputDim() + " but the data have " + data.x().cols() + " columns");
        }
        if (model.layerCount() > 2) {
            return certifyDeep(model, data, o, start);
        }
        return Certify.twoLayer(model, data, o, start);
    }

    /**
     * Certificate of a deep narrow network (depth 3 or 4, 1-D): the dual ratio is the maximum over the deep dictionary.
     * It is rigorous: on the samples every unit chain is a constant plus a convex combination of ± dictionary columns
     * (a capped ramp with breakpoints between samples mixes the capped ramps with breakpoints at the neighbouring
     * samples), and the centred residual annihilates constants, so no unit chain exceeds the dictionary's maximum.
     */
    static Certificate certifyDeep(Mlp model, Dataset data, CertifyOptions o, long start) {
        DeepNarrow.check(model);
        int depth = model.layerCount();
        if (depth > 4) {
            throw new InputException("model: certificates of deep narrow networks exist for depth 3 and 4, got depth " + depth);
        }
        if (o.norm() != PenaltyNorm.L2) {
            throw new InputException("--penalty: a depth-" + depth + " model is judged by (beta/L) sum |w|^L; " + o.norm().id() + " does not apply");
        }
        Matrix x = data.x();
        if (x.cols() != 1) {
            throw new InputException("model: input dimension 1 but the data have " + x.cols() + " columns");
        }
        double[] y = target(data);
        double nn = DeepNarrow.objective(model, x, y, o.beta());
        CentredResidual res = CentredResidual.of(y, model.apply(x).colArray(0));
        double[] r = res.r();
        DeepDictionary dict = deepDictionary(x, depth);
        double h = maxAbsCorrelation(dict, r);
        double lb = dualValue(y, r, h, o.beta());
        double gap = 100 * Math.max(nn - lb, 0) / nn;
        String how = "maximum over the depth-" + depth + " deep dictionary (" + dict.cols() + " unit chains; every unit chain is a "
                + "capped ramp, whose dual value is maximised with breakpoints at samples)";
        boolean optimal = gap <= o.maxGapPercent();
        String ev = String.format(java.util.Locale.ROOT, optimal
                ? "the dual constraint was checked over every unit chain: lower bound %.10g, relative gap %.4g %% <= %.4g %%"
                : "the dual constraint was checked over every unit chain: lower bound %.10g, relative gap %.4g %% above %.4g %%; no better "
                        + "network is constructed for deep models, so the verdict stays open", lb, gap, o.maxGapPercent());
        return new Certificate(nn, h / o.beta(), lb, gap, true, how, res.mean(),
                optimal ? Certificate.Verdict.OPTIMAL : Certificate.Verdict.UNDECIDED, ev, Double.NaN, null, RunInfo.of(o.seed(), start));
    }

    /** max_j |a_jᵀr| over the columns of {@code dict}, one column at a time (nothing is materialised). */
    static double maxAbsCorrelation(ColumnProvider dict, double[] r) {
        double h = 0;
        for (int j = 0; j < dict.cols(); j++) {
            h = Math.max(h, Math.abs(dict.dot(j, r)));
        }
        return h;
    }

    /** D(sθ) = s θᵀy − ½ s²‖θ‖² with s = min(1, β/h), θ centred: a lower bound when h is the exact dual constraint. */
    static double dualValue(double[] y, double[] theta, double h, double beta) {
        double s = h > beta ? beta / h : 1;
        double ty = 0;
        double tt = 0;
        for (int i = 0; i < y.length; i++) {
            ty += theta[i] * y[i];
            tt += theta[i] * theta[i];
        }
        return s * ty - 0.5 * s * s * tt;
    }

    /** Lower bound from the residual of {@code net} with the exact dual constraint (d ≤ 2, with bias), else NaN. */
    static double certifiedLowerBound(Matrix x, double[] y, Mlp net, double beta, PenaltyNorm norm) {
        if (!DualConstraint.exactAvailable(x.cols())) {
            return Double.NaN;
        }
        double[] r = CentredResidual.of(y, net.apply(x).colArray(0)).r();
        return dualValue(y, r, DualConstraint.exactMax(x, r, norm), beta);
    }

    static double[] target(Dataset data) {
        if (data.isClassification() || data.targetDim() != 1) {
            throw new InputException("data: convex training needs one real target column, got "
                    + (data.isClassification() ? "class labels" : data.targetDim() + " target columns"));
        }
        return data.y().colArray(0);
    }
}
