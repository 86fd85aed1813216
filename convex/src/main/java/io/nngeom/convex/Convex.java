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
    /** Largest dictionary AUTO/LASSO will generate (columns). */
    public static final long MAX_COLUMNS = 20_000_000L;

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
        int d = x.cols();
        if (n < 2) {
            throw new InputException("data: need at least 2 samples, got " + n);
        }
        if (o.stop() == StopRule.GRADIENT && (o.method() != FitOptions.Method.GATED || o.depth() != 2)) {
            throw new InputException("--stop: gradient is only for --method gated (depth 2); the other methods stop on the gap");
        }
        if (o.depth() > 2) {
            return deep(x, y, o, start);
        }
        FitOptions.Method m = o.method();
        if (m == FitOptions.Method.AUTO) {
            if (d == 1 || o.norm() == PenaltyNorm.L1) {
                m = FitOptions.Method.LASSO;
            } else if (d == 2 && n <= AUTO_EXACT_MAX_N && o.bias()) {
                m = FitOptions.Method.EXACT;
            } else {
                m = FitOptions.Method.LASSO;
            }
        }
        return switch (m) {
            case LASSO -> lasso(x, y, o, start);
            case EXACT -> exact(x, y, o, start);
            case GATED -> gated(x, y, o, start);
            default -> throw new IllegalStateException();
        };
    }

    /** The wedge dictionary {@link #fit} uses for the Lasso, and its exactness. */
    public static Dictionary dictionary(Matrix x, PenaltyNorm norm, boolean bias) {
        int d = x.cols();
        int n = x.rows();
        if (d == 1 && bias) {
            return Dictionaries.ramps1d(x);
        }
        long count = norm == PenaltyNorm.L1 ? Dictionaries.basisWedgeCount(n, d, bias) : Dictionaries.sampleWedgeCount(n, d, bias);
        if (count > MAX_COLUMNS) {
            throw new InputException("data: the wedge dictionary would have " + count + " columns (limit " + MAX_COLUMNS
                    + "); use --method exact or gated");
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
        Dictionary dict = dictionary(x, o.norm(), o.bias());
        LassoSolution s = lassoSolver().solve(new LassoProblem(dict, y, o.beta(), o.bias()), lassoOptions(o.tolerance()));
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
        LassoSolution s = lassoSolver().solve(new LassoProblem(dict, y, o.beta(), true), lassoOptions(o.tolerance()));
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
     * dictionary has at most {@link #MAX_COLUMNS} columns, beyond that the augmented-Lagrangian arrangement program
     * ({@link ExactProgram}) over sampled patterns.
     */
    static FitResult exact(Matrix x, double[] y, FitOptions o, long start) {
        if (ColumnGeneration.applies(x.cols(), o.bias())) {
            return columnGeneration(x, y, o, start);
        }
        if (o.norm() == PenaltyNorm.L2) {
            return coneColumnGeneration(x, y, o, start);
        }
        if (Dictionaries.basisWedgeCount(x.rows(), x.cols(), o.bias()) <= MAX_COLUMNS) {
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
        ConeColumnGeneration.Result r = ConeColumnGeneration.solve(x, y, o.beta(), o.bias(), pats.patterns(), o.tolerance());
        boolean exact = pats.complete() && r.converged();
        String cert = String.format(java.util.Locale.ROOT, "certified relative gap %.2e to the program over these patterns, dual ratio %.12f, %d rounds",
                r.relativeGap(), r.dualRatio(), r.rounds())
                + (r.rejected() > 0 ? ", " + r.rejected() + " priced neurons rejected by the pattern-feasibility check" : "");
        String reason;
        if (exact) {
            reason = "all " + pats.patterns().size() + " non-empty arrangement patterns " + pats.how() + " (Cover bound " + pats.bound()
                    + " incl. the empty one), solved by column generation with conic pricing per pattern: " + cert;
        } else if (pats.complete()) {
            reason = "all arrangement patterns " + pats.how() + ", but column generation stopped before its tolerance: a feasible network (upper bound), " + cert;
        } else {
            reason = "arrangement patterns " + pats.how() + " (Cover bound " + pats.bound() + "): a restricted program, hence a feasible network "
                    + "and an upper bound; column generation with conic pricing per pattern: " + cert;
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
        ColumnGeneration.Result r = ColumnGeneration.solve(x, y, o.beta(), o.norm(), o.tolerance());
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

    static FitResult augmentedLagrangian(Matrix x, double[] y, FitOptions o, long start) {
        ArrangementPatterns pats = ArrangementPatterns.of(x, o.bias(), o.maxPatterns(), Seeds.child(o.seed(), "patterns"));
        ExactProgram.Result r = ExactProgram.solve(x, y, o.beta(), o.norm(), o.bias(), pats.patterns(), 20_000, 60);
        double lb = o.bias() ? certifiedLowerBound(x, y, r.network(), o.beta(), o.norm()) : Double.NaN;
        Exactness ex = pats.complete() ? Exactness.EXACT : Exactness.UPPER_BOUND;
        String reason = pats.complete()
                ? "all " + pats.patterns().size() + " non-empty arrangement patterns " + pats.how() + " (Cover bound " + pats.bound() + " incl. the empty one); value of the recovered network"
                : "arrangement patterns " + pats.how() + " (Cover bound " + pats.bound() + "): a restricted program, hence a feasible network and an upper bound";
        double gap = Double.isNaN(lb) ? Double.NaN : Math.max(r.nnObjective() - lb, 0) / r.nnObjective();
        double[] gi = new double[r.history().size()];
        double[] gh = new double[r.history().size()];
        for (int i = 0; i < gi.length; i++) {
            gi[i] = r.history().get(i)[0];
            gh[i] = r.history().get(i)[2];
        }
        double l1 = TwoLayer.penalty(r.network(), o.norm());
        return new FitResult(r.network(), "exact", r.convexObjective(), r.nnObjective(), gap, lb, r.active(), l1, ex,
                reason, 2L * r.patterns(), "arrangement patterns: " + pats.how(), gi, gh, RunInfo.of(o.seed(), start));
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
                        + "), got " + o.gates().rows());
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
        LassoSolution s = new FistaGroupLasso(o.stop()).solve(problem,
                LassoOptions.defaults().withTolerance(o.tolerance()).withMaxIterations(GATED_MAX_ITERATIONS));
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
        String reason = "exact optimum of the gated-ReLU group lasso for these gates (" + how + "); gated networks are a "
                + "different model from ReLU networks, so this is no bound on the ReLU problem; bias, if any, is a penalised ones column";
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
        return new FitResult(null, "gated", s.primal(), Double.NaN, s.relativeGap(), Double.NaN, active, l1,
                s.converged() ? Exactness.EXACT : Exactness.UPPER_BOUND,
                reason, pats.size(), how, s.gapIterations(), s.gapHistory(), RunInfo.of(o.seed(), start));
    }

    /**
     * Certificate of global optimality of a 2-layer ReLU network: its objective, the dual ratio, a certified lower
     * bound and the optimality gap in percent.
     */
    public static Certificate certify(Mlp model, Dataset data, CertifyOptions o) {
        long start = System.nanoTime();
        if (model.layerCount() > 2) {
            return certifyDeep(model, data, o, start);
        }
        TwoLayer.check(model);
        Matrix x = data.x();
        if (model.inputDim() != x.cols()) {
            throw new InputException("model: input dimension " + model.inputDim() + " but the data have " + x.cols() + " columns");
        }
        double[] y = target(data);
        double nn = TwoLayer.objective(model, x, y, o.beta(), o.norm());
        CentredResidual res = CentredResidual.of(y, model.apply(x).colArray(0));
        double[] r = res.r();
        double h;
        boolean certified;
        String how;
        if (DualConstraint.exactAvailable(x.cols())) {
            h = DualConstraint.exactMax(x, r, o.norm());
            certified = true;
            how = "exact maximum over all unit neurons by an angular sweep (d <= 2)";
        } else {
            Dictionary dict = dictionary(x, o.norm(), true);
            h = maxAbsCorrelation(dict, r);
            certified = o.norm() == PenaltyNorm.L1;
            how = certified ? "maximum over the l1 wedge-and-basis dictionary (" + dict.cols() + " neurons, exact for the l1 ball)"
                    : "maximum over " + dict.cols() + " sample wedges only: a lower estimate of the dual constraint under l2, so the bound is not rigorous";
        }
        double lb = dualValue(y, r, h, o.beta());
        double gap = 100 * Math.max(nn - lb, 0) / nn;
        return new Certificate(nn, h / o.beta(), lb, gap, certified, how, res.mean(), RunInfo.of(Seeds.DEFAULT, start));
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
        return new Certificate(nn, h / o.beta(), lb, gap, true, how, res.mean(), RunInfo.of(Seeds.DEFAULT, start));
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
