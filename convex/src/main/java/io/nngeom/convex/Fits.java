package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import io.nngeom.solvers.LassoProblem;
import io.nngeom.solvers.LassoSolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The programs behind {@link Convex#fit}, one method each: the dictionary Lasso, the deep 1-D Lasso, the exact
 * program (column generation in d ≤ 2, conic pricing over arrangement patterns, the ℓ1 wedge-and-basis Lasso, the
 * augmented Lagrangian) and the gated-ReLU group lasso. Each returns a {@link FitResult} whose label says what it
 * proves about the network optimum.
 */
final class Fits {
    private Fits() {
    }

    static FitResult lasso(Matrix x, double[] y, FitOptions o, long start) {
        int d = x.cols();
        Dictionary dict = Convex.dictionary(x, o.norm(), o.bias(), o.maxColumns());
        LassoSolution s = Convex.lassoSolver().solve(new LassoProblem(dict, y, o.beta(), o.bias()), Convex.lassoOptions(o.tolerance()).withBudget(o.budget()));
        Mlp net = TwoLayer.recover(dict, s.z(), s.intercept());
        double nn = TwoLayer.objective(net, x, y, o.beta(), o.norm());
        Convex.Claim claim = Convex.lassoClaim(d, o.norm());
        Exactness ex = claim.exactness();
        String reason = claim.reason();
        double lb = o.bias() ? Convex.certifiedLowerBound(x, y, net, o.beta(), o.norm()) : Double.NaN;
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
        return String.format(Locale.ROOT, "; BUT the solver stopped at its iteration cap (%d iterations) with relative "
                + "duality gap %.3e above the tolerance %.1e: a feasible point within that gap of the optimum, hence an upper bound",
                s.iterations(), s.relativeGap(), tolerance);
    }

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
                    + o.method().name().toLowerCase(Locale.ROOT));
        }
        if (o.norm() != PenaltyNorm.L2) {
            throw new InputException("--penalty: depth " + depth + " uses (beta/L) sum |w|^L on all weights; " + o.norm().id() + " does not apply");
        }
        if (o.gates() != null) {
            throw new InputException("--gates: only with --method gated or exact at depth 2");
        }
        DeepDictionary dict = Convex.deepDictionary(x, depth);
        LassoSolution s = Convex.lassoSolver().solve(new LassoProblem(dict, y, o.beta(), true), Convex.lassoOptions(o.tolerance()).withBudget(o.budget()));
        Mlp net = DeepNarrow.recover(dict, s.z(), s.intercept());
        double nn = DeepNarrow.objective(net, x, y, o.beta());
        String reason = Convex.DEEP_EXACT_REASON + (depth == 4 ? " (reflection features 2x_j2 - x_j1 included)" : "") + stopped(s, o.tolerance());
        return new FitResult(net, "lasso", s.primal(), nn, s.relativeGap(), s.dual(), s.nonzeros(), s.l1Norm(),
                s.converged() ? Exactness.EXACT : Exactness.UPPER_BOUND,
                reason, dict.cols(), dict.description(), s.gapIterations(), s.gapHistory(), RunInfo.of(o.seed(), start));
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
        if (o.gates() != null) {
            // like-for-like with a solver given these gates: the program over their patterns only
            return o.norm() == PenaltyNorm.L2 ? coneColumnGeneration(x, y, o, start) : augmentedLagrangian(x, y, o, start);
        }
        if (ColumnGeneration.applies(x.cols(), o.bias())) {
            if (x.cols() == 2 && !Convex.fits(Dictionaries.sampleWedgeCount(x.rows(), 2, true), o.maxColumns())) {
                throw new InputException("--max-columns: exact column generation in 2-D starts from the " + Dictionaries.sampleWedgeCount(x.rows(), 2, true)
                        + " sample wedges of " + x.rows() + " samples, above the limit " + o.maxColumns()
                        + "; raise --max-columns, or use --method gated");
            }
            return columnGeneration(x, y, o, start);
        }
        if (o.norm() == PenaltyNorm.L2) {
            return coneColumnGeneration(x, y, o, start);
        }
        if (Convex.fits(Dictionaries.basisWedgeCount(x.rows(), x.cols(), o.bias()), o.maxColumns())) {
            // under l1 the Lasso over wedges of samples and basis vectors is the exact program over all patterns
            FitResult r = lasso(x, y, o, start);
            return r.withReason("--method exact under l1: the wedge-and-basis Lasso over all " + r.columns() + " columns is the exact "
                    + "program (no pattern sampling); " + r.reason());
        }
        return augmentedLagrangian(x, y, o, start);
    }

    /** The arrangement patterns of the exact program: those of the given gates, or {@link ArrangementPatterns#of}. */
    static ArrangementPatterns patterns(Matrix x, FitOptions o) {
        return o.gates() != null ? ArrangementPatterns.ofGivenGates(x, o.bias(), o.gates())
                : ArrangementPatterns.of(x, o.bias(), o.maxPatterns(), Seeds.child(o.seed(), "patterns"));
    }

    /**
     * The ℓ2 arrangement program over the patterns of {@link ArrangementPatterns#of} by {@link ConeColumnGeneration}.
     * EXACT when the pattern set is complete and the method converged (then the lower bound is certified for the
     * network optimum); otherwise the network is feasible (an upper bound) and {@code dualityGap} is the certified
     * gap of the restricted program over the patterns used.
     */
    static FitResult coneColumnGeneration(Matrix x, double[] y, FitOptions o, long start) {
        ArrangementPatterns pats = patterns(x, o);
        o.budget().report("convex fit: arrangement patterns", pats.patterns().size(), 0, pats.how());
        ConeColumnGeneration.Result r = ConeColumnGeneration.solve(x, y, o.beta(), o.bias(), pats.patterns(), o.tolerance(), o.budget());
        boolean exact = pats.complete() && r.converged();
        String cert = String.format(Locale.ROOT, "certified relative gap %.2e to the program over these patterns, dual ratio %.12f, %d rounds",
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

    static FitResult columnGeneration(Matrix x, double[] y, FitOptions o, long start) {
        ColumnGeneration.Result r = ColumnGeneration.solve(x, y, o.beta(), o.norm(), o.tolerance(), o.budget());
        LassoSolution s = r.lasso();
        Exactness ex = r.converged() ? Exactness.EXACT : Exactness.UPPER_BOUND;
        String cert = String.format(Locale.ROOT, "certified relative gap %.2e to the exact dual lower bound, dual ratio %.12f",
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
        ArrangementPatterns pats = patterns(x, o);
        o.budget().report("convex fit: arrangement patterns", pats.patterns().size(), 0, pats.how());
        ExactProgram.Result r = ExactProgram.solve(x, y, o.beta(), o.norm(), o.bias(), pats.patterns(), 20_000, 60, o.budget());
        double lb = o.bias() && pats.complete() ? Convex.certifiedLowerBound(x, y, r.network(), o.beta(), o.norm()) : Double.NaN;
        double gap = Double.isNaN(lb) ? Double.NaN : Math.max(r.nnObjective() - lb, 0) / r.nnObjective();
        boolean exact = pats.complete() && gap <= Convex.AL_EXACT_GAP;
        String reason;
        if (exact) {
            reason = "all non-empty arrangement patterns, " + pats.how() + "; value of the recovered network, certified relative gap "
                    + String.format(Locale.ROOT, "%.2e", gap) + " to the exact dual lower bound";
        } else if (pats.complete()) {
            reason = "all non-empty arrangement patterns, " + pats.how() + ", but the augmented Lagrangian's network is not certified within "
                    + Convex.AL_EXACT_GAP + " (relative gap " + (Double.isNaN(gap) ? "unknown: no exact dual constraint here" : String.format(Locale.ROOT, "%.2e", gap))
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

    /**
     * Several outputs (class labels one-hot, several target columns) for the ReLU programs: one fit per output column
     * with the same options (one-vs-all: each output has its own neurons, the same β), joined into one d-h-c network
     * (hidden layers stacked, output weights block-diagonal, output biases ξ_k). The objective is the sum of the
     * outputs' objectives; it is exact only when every output's fit is.
     */
    static FitResult perOutput(Matrix x, Matrix y, FitOptions o, FitOptions.Method m, long start) {
        int c = y.cols();
        List<FitResult> rs = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            o.budget().report("convex fit: outputs", k, c, "output " + k);
            double[] yk = y.colArray(k);
            rs.add(m == FitOptions.Method.LASSO ? lasso(x, yk, o, start) : exact(x, yk, o, start));
        }
        int h = rs.stream().mapToInt(r -> r.model().hiddenUnits()).sum();
        int d = x.cols();
        Matrix w = Matrix.zeros(h, d);
        double[] b = new double[h];
        Matrix a = Matrix.zeros(c, h);
        double[] xi = new double[c];
        double obj = 0;
        double nn = 0;
        double lb = 0;
        double gap = 0;
        int nz = 0;
        double l1 = 0;
        long cols = 0;
        boolean exact = true;
        StringBuilder why = new StringBuilder();
        int row = 0;
        for (int k = 0; k < c; k++) {
            FitResult r = rs.get(k);
            Mlp net = r.model();
            for (int j = 0; j < net.hiddenUnits(); j++, row++) {
                for (int p = 0; p < d; p++) {
                    w.set(row, p, net.layer(0).w(j, p));
                }
                b[row] = net.layer(0).b(j);
                a.set(k, row, net.layer(1).w(0, j));
            }
            xi[k] = net.layer(1).b(0);
            obj += r.objective();
            nn += r.nnObjective();
            lb += r.lowerBound();
            gap = Math.max(gap, r.dualityGap());
            nz += r.nonzeros();
            l1 += r.l1Norm();
            cols = Math.max(cols, r.columns());
            exact &= r.exactness() == Exactness.EXACT;
            why.append(k == 0 ? "" : "; ").append("output ").append(k).append(": ").append(r.exactness().id());
        }
        Mlp net = new Mlp(List.of(new Layer(w, b, Activation.RELU),
                new Layer(a, xi, Activation.IDENTITY)));
        String reason = c + " outputs fitted one-vs-all (each output its own neurons, the same beta; objectives summed): " + why
                + ". Output 0: " + rs.get(0).reason();
        return new FitResult(net, rs.get(0).method(), obj, nn, gap, lb, nz, l1, exact ? Exactness.EXACT : Exactness.UPPER_BOUND, reason,
                cols, rs.get(0).dictionary(), rs.get(0).gapIterations(), rs.get(0).gapHistory(), RunInfo.of(o.seed(), start));
    }
}
