package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.Budget;
import io.nngeom.run.Progress;
import io.nngeom.solvers.LassoOptions;
import io.nngeom.solvers.LassoProblem;
import io.nngeom.solvers.LassoSolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact two-layer ReLU training problem with free biases for d ≤ 2 (ℓ1 or ℓ2 penalty) by column generation
 * on the infinite-dictionary Lasso (digest §1.1: by the rescaling lemma the network problem is the Lasso over all
 * unit neurons (ŵ, b̂), ‖ŵ‖_p = 1, with a free intercept; its dual is max D(θ) subject to
 * h(θ) = max_{ŵ, b̂} |θᵀ(Xŵ + b̂1)₊| ≤ β).
 *
 * <p>A finite set of unit neurons is kept, starting from the sample wedges ({@link Dictionaries#sampleWedges}).
 * Each round solves the finite Lasso exactly ({@link Convex#lassoSolver()}, the active-set method, warm-started from the previous round),
 * takes its residual θ (centred, because the intercept is free) and prices it by the exact sweep of
 * {@link DualConstraint}: if h(θ) ≤ β(1 + {@link #DUAL_TOL}) the finite solution is optimal for the infinite
 * dictionary to that accuracy; otherwise the best neuron through each sample that violates the constraint is
 * added and the Lasso solved again (an exchange method for the semi-infinite dual).
 *
 * <p>Every round yields two certified numbers: the network recovered from the finite Lasso is feasible, so its
 * objective is an upper bound on the optimum P_NN; and θ scaled by s = min(1, β/h(θ)) is dual feasible for the
 * infinite dictionary, so D(sθ) is a lower bound ({@link Convex#dualValue}). The method stops when their relative
 * difference reaches the requested tolerance, when the dual violation falls below {@link #DUAL_TOL}, when no
 * violating neuron is new (rounding level), or after {@link #MAX_ROUNDS} rounds, and reports the gap it reached.
 */
public final class ColumnGeneration {
    /** Stop when h(θ)/β − 1 ≤ DUAL_TOL: then D(sθ) is within about DUAL_TOL·‖θ‖² of the finite Lasso's dual. */
    public static final double DUAL_TOL = 1e-10;
    /** Upper limit of pricing rounds (each adds at most n neurons). */
    public static final int MAX_ROUNDS = 300;
    /**
     * Relative duality gap of each finite Lasso: LASSO_FRACTION times the requested tolerance, but no looser than
     * {@link #LASSO_TOL_MAX}, so that the residual priced is that of a finite optimum.
     */
    public static final double LASSO_FRACTION = 0.1;
    /** Loosest relative gap accepted from a finite Lasso solve. */
    public static final double LASSO_TOL_MAX = 1e-12;
    /** A priced neuron is a duplicate when its (ŵ, b̂) differs from a dictionary neuron by at most this (max-norm, relative to 1 + |b̂|). */
    public static final double DUPLICATE_TOL = 1e-13;

    private ColumnGeneration() {
    }

    /**
     * @param dictionary the final finite dictionary (the network's neurons are its columns with z_j ≠ 0)
     * @param lasso the final finite Lasso solution
     * @param network the recovered network (upper bound)
     * @param nnObjective its network objective
     * @param lowerBound the best certified lower bound over all rounds
     * @param relativeGap (nnObjective − lowerBound)/nnObjective, clipped at 0
     * @param dualRatio h(θ)/β at the final residual
     * @param rounds pricing rounds
     * @param initialColumns neurons in the starting dictionary (sample wedges)
     * @param converged whether the gap reached the tolerance or the dual violation {@link #DUAL_TOL}
     * @param history per round: {round, columns, relative gap, h/β}
     */
    public record Result(Dictionary dictionary, LassoSolution lasso, Mlp network, double nnObjective, double lowerBound,
                         double relativeGap, double dualRatio, int rounds, int initialColumns, boolean converged,
                         List<double[]> history) {
    }

    /** Whether column generation applies: d ≤ 2 with free biases (the exact sweep needs the bias). */
    public static boolean applies(int d, boolean bias) {
        return bias && DualConstraint.exactAvailable(d);
    }

    /** Solves the network problem to relative gap {@code tol} (with free hidden and output biases). */
    public static Result solve(Matrix x, double[] y, double beta, PenaltyNorm norm, double tol) {
        return solve(x, y, beta, norm, tol, Budget.NONE);
    }

    /** As {@link #solve(Matrix, double[], double, PenaltyNorm, double)}, stopping at the budget's deadline (not converged). */
    public static Result solve(Matrix x, double[] y, double beta, PenaltyNorm norm, double tol, Budget budget) {
        int n = x.rows();
        int d = x.cols();
        if (!DualConstraint.exactAvailable(d)) {
            throw new IllegalArgumentException("column generation needs d ≤ 2, got " + d);
        }
        Dictionary start = d == 1 ? Dictionaries.ramps1d(x) : Dictionaries.sampleWedges(x, true, norm);
        int p0 = start.cols();
        double[] w = new double[p0 * d];
        double[] b = new double[p0];
        for (int j = 0; j < p0; j++) {
            System.arraycopy(start.direction(j), 0, w, j * d, d);
            b[j] = start.bias(j);
        }
        int p = p0;
        LassoOptions lo = Convex.lassoOptions(Math.min(LASSO_FRACTION * tol, LASSO_TOL_MAX)).withBudget(new Budget(budget.deadlineNanos(), Progress.NONE));
        double[] warm = null;
        List<double[]> hist = new ArrayList<>();
        double bestLb = Double.NEGATIVE_INFINITY;
        Dictionary dict = null;
        LassoSolution s = null;
        Mlp net = null;
        double ub = Double.NaN;
        double ratio = Double.NaN;
        boolean converged = false;
        int round = 0;
        for (; round < MAX_ROUNDS; round++) {
            dict = new Dictionary(x, Arrays.copyOf(w, p * d), Arrays.copyOf(b, p),
                    "column generation: " + p0 + " sample wedges + " + (p - p0) + " priced neurons");
            s = Convex.lassoSolver().solve(new LassoProblem(dict, y, beta, true), lo, warm);
            net = TwoLayer.recover(dict, s.z(), s.intercept());
            ub = TwoLayer.objective(net, x, y, beta, norm);
            double[] theta = residual(dict, s.z(), y);
            List<DualConstraint.Neuron> cand = DualConstraint.bestPerAnchor(x, theta, norm);
            double h = 0;
            for (DualConstraint.Neuron c : cand) {
                h = Math.max(h, Math.abs(c.value()));
            }
            ratio = h / beta;
            bestLb = Math.max(bestLb, Convex.dualValue(y, theta, h, beta));
            double gap = Math.max(ub - bestLb, 0) / ub;
            hist.add(new double[] {round, p, gap, ratio});
            if (gap <= tol || ratio <= 1 + DUAL_TOL) {
                converged = true;
                break;
            }
            budget.report("convex fit: column generation", round + 1, 0, "network objective %.6g certified gap %.2e dual ratio %.6f", ub, gap, ratio);
            if (budget.expired()) {
                break;
            }
            int added = 0;
            for (DualConstraint.Neuron c : cand) {
                if (Math.abs(c.value()) <= beta * (1 + DUAL_TOL) || contains(w, b, p, d, c.w(), c.b())) {
                    continue;
                }
                if ((p + 1) * d > w.length) {
                    w = Arrays.copyOf(w, Math.max(2 * w.length, (p + 1) * d));
                }
                if (p + 1 > b.length) {
                    b = Arrays.copyOf(b, 2 * b.length + 1);
                }
                System.arraycopy(c.w(), 0, w, p * d, d);
                b[p] = c.b();
                p++;
                added++;
            }
            if (added == 0) {
                break;
            }
            warm = Arrays.copyOf(s.z(), p);
        }
        double gap = Math.max(ub - bestLb, 0) / ub;
        return new Result(dict, s, net, ub, bestLb, gap, ratio, Math.min(round + 1, MAX_ROUNDS), p0, converged, hist);
    }

    /** Centred residual y − Az − ξ1 of a Lasso solution with free intercept. */
    static double[] residual(Dictionary dict, double[] z, double[] y) {
        return CentredResidual.of(y, dict.times(z)).r();
    }

    /**
     * Whether the unit neuron (cw, cb) equals one of the first p neurons (w, b) (weights row-major, d per neuron) to
     * {@link #DUPLICATE_TOL}; shared with {@link ConeColumnGeneration}.
     */
    static boolean contains(double[] w, double[] b, int p, int d, double[] cw, double cb) {
        double tol = DUPLICATE_TOL * (1 + Math.abs(cb));
        for (int j = 0; j < p; j++) {
            boolean same = Math.abs(b[j] - cb) <= tol;
            for (int k = 0; k < d && same; k++) {
                same = Math.abs(w[j * d + k] - cw[k]) <= tol;
            }
            if (same) {
                return true;
            }
        }
        return false;
    }
}
