package io.nngeom.convex;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import io.nngeom.solvers.ActiveSetLasso;
import io.nngeom.solvers.ColumnProvider;
import io.nngeom.solvers.LassoOptions;
import io.nngeom.solvers.LassoPath;
import io.nngeom.solvers.LassoProblem;
import io.nngeom.solvers.LassoSolution;
import io.nngeom.solvers.LassoSolver;
import io.nngeom.solvers.StopRule;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
     * <p>Why not coordinate descent ({@link io.nngeom.solvers.CoordinateDescentLasso}): with a free intercept these
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

    /**
     * Fits the convex program chosen by {@code o.method()}: to a one-output regression data set, or with
     * {@code --method gated} also to several target columns and to class labels (one-hot outputs, see {@link GatedFit}).
     */
    public static FitResult fit(Dataset data, FitOptions o) {
        long start = System.nanoTime();
        Matrix x = data.x();
        int n = x.rows();
        if (n < 2) {
            throw new InputException("data: need at least 2 samples, got " + n);
        }
        if (o.stop() == StopRule.GRADIENT && (o.method() != FitOptions.Method.GATED || o.depth() != 2)) {
            throw new InputException("--stop: gradient is only for --method gated (depth 2); the other methods stop on the gap");
        }
        if (o.depth() > 2) {
            return Fits.deep(x, target(data), o, start);
        }
        FitOptions.Method m = resolve(n, x.cols(), o);
        if (m == FitOptions.Method.GATED) {
            return GatedFit.fit(x, data.y(), o, null, null, start);
        }
        if (data.isClassification() || data.targetDim() > 1) {
            return Fits.perOutput(x, data.y(), o, m, start);
        }
        double[] y = target(data);
        FitResult r = switch (m) {
            case LASSO -> Fits.lasso(x, y, o, start);
            case EXACT -> Fits.exact(x, y, o, start);
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
            case EXACT -> o.gates() != null ? "exact program restricted to the patterns of " + o.gates().cols() + " given gates"
                    : ColumnGeneration.applies(d, o.bias())
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

    static boolean fits(BigInteger count, long limit) {
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

    /** Why the deep 1-D Lasso equals the network optimum (the statement it rests on). */
    public static final String DEEP_EXACT_REASON = "1-D deep narrow ReLU network (parallel width-1 chains), penalty (beta/L) sum |w|^L "
            + "on all non-bias weights, free biases: Zeger et al. (arXiv 2403.01046) prove training equals this Lasso for L <= 4; "
            + "every unit chain is a capped ramp, on the samples a mix of the dictionary's chains with breakpoints at samples";

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
     * The warm-started Lasso path over the fit's dictionary (wedges for depth 2, the deep 1-D dictionary for 3 and 4),
     * largest β first, each β to relative gap {@code o.tolerance()}, with the path's exactness: the dictionary's claim,
     * or an upper bound wherever a solve stopped short of its tolerance.
     */
    public static PathResult path(Dataset data, PathOptions o) {
        long start = System.nanoTime();
        double[] y = target(data);
        double[] sorted = descending(o.betas());
        ColumnProvider dict;
        String description;
        Claim claim;
        if (o.depth() > 2) {
            DeepDictionary dd = deepDictionary(data.x(), o.depth());
            dict = dd;
            description = dd.description();
            claim = new Claim(Exactness.EXACT, DEEP_EXACT_REASON);
        } else {
            Dictionary dd = dictionary(data.x(), o.norm(), o.bias(), o.maxColumns());
            dict = dd;
            description = dd.description();
            claim = lassoClaim(data.inputDim(), o.norm());
        }
        List<LassoSolution> path = LassoPath.solve(lassoSolver(),
                new LassoProblem(dict, y, sorted[0], o.bias()), sorted, lassoOptions(o.tolerance()).withBudget(o.budget()));
        boolean capped = path.stream().anyMatch(s -> !s.converged());
        Exactness ex = capped ? Exactness.UPPER_BOUND : claim.exactness();
        String reason = claim.reason() + (capped ? "; BUT the solver stopped before the tolerance at some beta (its iteration cap or the "
                + "time limit; rows with converged = false): there a feasible point, hence an upper bound" : "");
        return new PathResult(sorted, path, dict, description, ex, reason, RunInfo.of(Seeds.DEFAULT, start));
    }

    /**
     * The gated-ReLU path: one {@link FitResult} (with its gated network) per β, largest β first, all with the same
     * gates, each solve warm-started from the previous one; targets as for {@link #fit} with {@code --method gated}.
     */
    public static List<FitResult> gatedPath(Dataset data, FitOptions o, double[] betas) {
        long start = System.nanoTime();
        if (data.x().rows() < 2) {
            throw new InputException("data: need at least 2 samples, got " + data.x().rows());
        }
        return GatedFit.path(data.x(), data.y(), o, descending(betas), null, null, start);
    }

    /** A copy of {@code betas} sorted from largest to smallest. */
    public static double[] descending(double[] betas) {
        double[] s = betas.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
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
        return Fits.augmentedLagrangian(data.x(), target(data), o, start);
    }

    /**
     * The cone decomposition ({@link ConeDecomposition}) of a gated fit into a ReLU network on the fit's data, with the
     * objective of that network in the gated program's scaling; {@code r} must come from {@code --method gated}.
     * {@code extra}: further inputs (or null) on which the network must reproduce the gated predictions.
     */
    public static ConeDecomposition.Result decompose(Dataset data, Matrix extra, FitOptions o, FitResult r) {
        if (r.gated() == null) {
            throw new InputException("--decompose: only for --method gated (the other methods give a ReLU network already)");
        }
        return ConeDecomposition.decompose(r.gated(), data.x(), data.y(), extra, o.beta(), o.budget());
    }

    /**
     * Largest certified relative gap at which the augmented-Lagrangian solve ({@link ExactProgram}, which stops on
     * its constraint violation, not on a gap) is labelled exact: 1e-6.
     */
    public static final double AL_EXACT_GAP = 1e-6;

    /**
     * The verdict on the network a fit returned, as {@link #certify} words it: {@code optimal} when the fit's own
     * program certifies it (label exact, lower bound within {@link CertifyOptions#DEFAULT_MAX_GAP_PERCENT}); otherwise,
     * for networks with free biases, the certificate of the recovered network (searching {@code o.maxPatterns()}
     * patterns within {@code o.budget()}); without biases (a different dual constraint) {@code undecided}. Null for the
     * gated model, which is not a ReLU network, and for several outputs (the certificate is for one).
     */
    public static Certificate verdict(Dataset data, FitOptions o, FitResult r) {
        long start = System.nanoTime();
        if (r.model() == null || r.model().outputDim() > 1) {
            return null;
        }
        double lb = r.lowerBound();
        double gap = Double.isNaN(lb) ? Double.NaN : 100 * Math.max(r.nnObjective() - lb, 0) / r.nnObjective();
        if (r.exactness() == Exactness.EXACT && gap <= CertifyOptions.DEFAULT_MAX_GAP_PERCENT) {
            return new Certificate(r.nnObjective(), Double.NaN, lb, gap, true, r.dictionary(), Double.NaN, Certificate.Verdict.OPTIMAL,
                    String.format(Locale.ROOT, "the fit's program covers every neuron and certifies the network within %.4g %% of "
                            + "its lower bound %.10g", gap, lb), Double.NaN, null, RunInfo.of(o.seed(), start));
        }
        if (!o.bias() && o.depth() == 2) {
            return new Certificate(r.nnObjective(), Double.NaN, lb, gap, !Double.isNaN(lb), r.dictionary(), Double.NaN,
                    Certificate.Verdict.UNDECIDED, "the fit is not certified optimal, and the certificate's search covers networks with "
                            + "free biases only", Double.NaN, null, RunInfo.of(o.seed(), start));
        }
        return certify(r.model(), data, new CertifyOptions(o.beta(), o.norm(), o.maxPatterns(), o.maxColumns(),
                CertifyOptions.DEFAULT_MAX_GAP_PERCENT, o.seed(), o.budget()));
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
            return Certify.deep(model, data, o, start);
        }
        return Certify.twoLayer(model, data, o, start);
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
            throw new InputException("data: this program needs one real target column, got "
                    + (data.isClassification() ? "class labels" : data.targetDim() + " target columns")
                    + "; class labels and several targets are fitted by --method gated");
        }
        return data.y().colArray(0);
    }
}
