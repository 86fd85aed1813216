package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.Budget;
import io.nngeom.run.Chunks;
import io.nngeom.run.Progress;
import io.nngeom.solvers.LassoOptions;
import io.nngeom.solvers.LassoProblem;
import io.nngeom.solvers.LassoSolution;
import io.nngeom.solvers.NonNegativeLeastSquares;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The Pilanci–Ergen arrangement program over a given list of activation patterns P (ℓ2 penalty, with or without
 * free biases), solved by column generation with per-pattern conic pricing.
 *
 * <p>The cone-constrained group lasso over P (Pilanci and Ergen 2020, the program of {@link ExactProgram}) is the
 * Lasso over all unit neurons u = (u_w, u_b), ‖u_w‖₂ = 1, whose pattern lies in P: on the cone
 * C_D = {u : (2D − I)X̃u ≥ 0} the block D X̃ v equals the ReLU column (X̃v)₊ of the neuron v, and its penalty
 * ‖v_w‖₂ is the Lasso weight of the unit neuron v/‖v_w‖₂ (digest §1.1). A finite dictionary of such neurons is
 * kept (it starts empty); each round solves its Lasso exactly ({@link Convex#lassoSolver()}, warm-started, free
 * intercept with biases) and prices the residual θ (centred with biases) against every pattern D ∈ P and both
 * signs σ = ±1:
 *
 * <pre>h(D, σ) = max { σ⟨g, u⟩ : ‖u_w‖₂ ≤ 1, (2D − I)X̃u ≥ 0 },  g = X̃ᵀDθ,  X̃ = [X, 1].</pre>
 *
 * Its Lagrange dual (strong duality: the constraints are linear plus a ball with interior) is
 *
 * <pre>h(D, σ) = min_{λ ≥ 0} ‖(σg + Gᵀλ)_w‖₂  s.t.  (σg + Gᵀλ)_b = 0,  G = (2D − I)X̃,</pre>
 *
 * the equality coming from the unpenalised bias (absent without biases): a non-negative least-squares problem in
 * n variables with d rows and one equality, solved by {@link NonNegativeLeastSquares} (warm-started from the
 * pattern's previous passive set). Every feasible λ bounds h(D, σ) from above, so the maximum over P of these
 * values is a rigorous dual-constraint value for the restricted program. The maximising neuron is u_w = r/‖r‖,
 * r = (σg + Gᵀλ)_w, with its bias from the active constraints (λ_i > 0 ⇒ x_iᵀu_w + u_b = 0); it is checked:
 * its pattern must be feasible to {@link #FEASIBILITY_TOL} and its actual dictionary value σθᵀ(X̃u)₊ must exceed
 * β(1 + {@link ColumnGeneration#DUAL_TOL}) to be added.
 *
 * <p>Up to {@link #maxAddedPerRound} violating neurons (the largest values, one per pattern and sign) are added per
 * round. The method stops when the largest h is at most β(1 + DUAL_TOL) (the finite Lasso is then optimal for
 * the program over P), when the relative gap between the network's objective and the lower bound D(sθ),
 * s = min(1, β/max h) ({@link Convex#dualValue}), reaches the requested tolerance, when no new neuron violates
 * the constraint, or after {@link #MAX_ROUNDS} rounds. The lower bound is a bound for the program over P; it bounds
 * the network optimum only when P holds every pattern of the arrangement.
 */
public final class ConeColumnGeneration {
    // The round tolerances are ColumnGeneration's: DUAL_TOL, LASSO_FRACTION, LASSO_TOL_MAX and DUPLICATE_TOL.
    /** Patterns priced between two checks of the deadline (and progress reports). */
    static final int PRICING_GROUP = 64;
    /** Upper limit of pricing rounds. */
    public static final int MAX_ROUNDS = 500;
    /**
     * A priced neuron is accepted when every sample satisfies its pattern's sign constraint up to
     * FEASIBILITY_TOL · max_i |x_iᵀu_w + u_b| (samples on the neuron's hyperplane may fall on either side).
     */
    public static final double FEASIBILITY_TOL = 1e-9;

    private ConeColumnGeneration() {
    }

    /** Neurons added per round: at most max(n, 50). */
    public static int maxAddedPerRound(int n) {
        return Math.max(n, 50);
    }

    /**
     * @param dictionary the final finite dictionary (empty dictionaries are never built: null when no neuron was added)
     * @param lasso the final finite Lasso solution (null when the dictionary stayed empty)
     * @param network the recovered network (feasible, an upper bound on the network optimum)
     * @param objective the final finite Lasso objective (equals the network objective up to rounding)
     * @param nnObjective the network objective of {@code network}
     * @param lowerBound the best lower bound D(sθ) on the program over the given patterns
     * @param relativeGap (nnObjective − lowerBound)/nnObjective, clipped at 0
     * @param dualRatio max h/β at the final residual
     * @param rounds pricing rounds
     * @param converged whether the gap reached the tolerance or the dual ratio 1 + {@link ColumnGeneration#DUAL_TOL}
     * @param rejected priced violators rejected by the feasibility check (over all rounds)
     * @param history per round: {round, columns, relative gap, max h/β}
     */
    public record Result(Dictionary dictionary, LassoSolution lasso, Mlp network, double objective, double nnObjective,
                         double lowerBound, double relativeGap, double dualRatio, int rounds, boolean converged, int rejected,
                         List<double[]> history) {
    }

    /** One priced (pattern, sign): the certified value, and the recovered unit neuron with its dictionary value. */
    record Priced(double bound, double[] w, double b, double value, boolean feasible, int[] passive) {
    }

    /** Solves the ℓ2 program over {@code patterns} to relative gap {@code tol}. */
    public static Result solve(Matrix x, double[] y, double beta, boolean bias, List<BitSet> patterns, double tol) {
        return solve(x, y, beta, bias, patterns, tol, Budget.NONE);
    }

    /** As {@link #solve(Matrix, double[], double, boolean, List, double)}, stopping at the budget's deadline (not converged). */
    public static Result solve(Matrix x, double[] y, double beta, boolean bias, List<BitSet> patterns, double tol, Budget budget) {
        return solve(x, y, beta, bias, patterns, tol, budget, Chunks.THREADS);
    }

    /** As above, pricing on {@code threads} (1 or 2) threads; the result is the same bit for bit either way. */
    static Result solve(Matrix x, double[] y, double beta, boolean bias, List<BitSet> patterns, double tol, Budget budget,
                        int threads) {
        int n = x.rows();
        int d = x.cols();
        int pc = patterns.size();
        int[][] warmPass = new int[2 * pc][];
        double[] w = new double[Math.max(d, 16 * d)];
        double[] b = new double[16];
        int p = 0;
        LassoOptions lo = Convex.lassoOptions(Math.min(ColumnGeneration.LASSO_FRACTION * tol, ColumnGeneration.LASSO_TOL_MAX))
                .withBudget(new Budget(budget.deadlineNanos(), Progress.NONE));
        double[] warm = null;
        List<double[]> hist = new ArrayList<>();
        double bestLb = Double.NEGATIVE_INFINITY;
        Dictionary dict = null;
        LassoSolution s = null;
        Mlp net = null;
        double ub = Double.NaN;
        double obj = Double.NaN;
        double ratio = Double.NaN;
        boolean converged = false;
        int rejected = 0;
        int cap = maxAddedPerRound(n);
        int round = 0;
        for (; round < MAX_ROUNDS; round++) {
            double[] theta;
            if (p == 0) {
                double xi = bias ? ExactProgram.mean(y) : 0;
                theta = new double[n];
                for (int i = 0; i < n; i++) {
                    theta[i] = y[i] - xi;
                }
                net = TwoLayer.of(Matrix.zeros(1, d), new double[1], Matrix.zeros(1, 1), xi);
                ub = TwoLayer.objective(net, x, y, beta, PenaltyNorm.L2);
                obj = 0.5 * dot(theta, theta);
            } else {
                dict = new Dictionary(x, Arrays.copyOf(w, p * d), Arrays.copyOf(b, p),
                        "cone column generation: " + p + " priced neurons over " + pc + " patterns");
                s = Convex.lassoSolver().solve(new LassoProblem(dict, y, beta, bias), lo, warm);
                net = TwoLayer.recover(dict, s.z(), s.intercept());
                ub = TwoLayer.objective(net, x, y, beta, PenaltyNorm.L2);
                obj = s.primal();
                theta = residual(dict, s.z(), s.intercept(), y, bias);
            }
            double h = 0;
            List<Priced> viol = new ArrayList<>();
            // pricing is independent per pattern: two threads fill one slot per (pattern, sign), read back in order,
            // so the round's result does not depend on the threads' timing
            Priced[] priced = new Priced[2 * pc];
            double[] thetaR = theta;
            for (int from = 0; from < pc && !budget.expired(); from += PRICING_GROUP) {
                budget.report("convex fit: round " + (round + 1) + ", pricing patterns", from, pc, "network objective %.6g", ub);
                pricePatterns(x, thetaR, bias, patterns, from, Math.min(pc, from + PRICING_GROUP), warmPass, priced, threads);
            }
            if (budget.expired()) {
                // a partly priced round bounds nothing: stop with this round's network and the earlier bound
                break;
            }
            for (Priced pr : priced) {
                h = Math.max(h, pr.bound());
                if (pr.bound() > beta * (1 + ColumnGeneration.DUAL_TOL) && pr.value() > beta * (1 + ColumnGeneration.DUAL_TOL)) {
                    if (pr.feasible()) {
                        viol.add(pr);
                    } else {
                        rejected++;
                    }
                }
            }
            ratio = h / beta;
            bestLb = Math.max(bestLb, Convex.dualValue(y, theta, h, beta));
            double gap = Math.max(ub - bestLb, 0) / ub;
            hist.add(new double[] {round, p, gap, ratio});
            if (gap <= tol || ratio <= 1 + ColumnGeneration.DUAL_TOL) {
                converged = true;
                break;
            }
            budget.report("convex fit: column generation over " + pc + " patterns", round + 1, 0,
                    "network objective %.6g gap to the restricted program %.2e", ub, gap);
            if (budget.expired()) {
                break;
            }
            viol.sort((a, c) -> Double.compare(c.value(), a.value()));
            int added = 0;
            for (Priced c : viol) {
                if (added >= cap) {
                    break;
                }
                if (ColumnGeneration.contains(w, b, p, d, c.w(), c.b())) {
                    continue;
                }
                if ((p + 1) * d > w.length) {
                    w = Arrays.copyOf(w, 2 * w.length);
                }
                if (p + 1 > b.length) {
                    b = Arrays.copyOf(b, 2 * b.length);
                }
                System.arraycopy(c.w(), 0, w, p * d, d);
                b[p] = c.b();
                p++;
                added++;
            }
            if (added == 0) {
                break;
            }
            warm = s == null ? null : Arrays.copyOf(s.z(), p);
        }
        double gap = Math.max(ub - bestLb, 0) / ub;
        return new Result(dict, s, net, obj, ub, bestLb, gap, ratio, Math.min(round + 1, MAX_ROUNDS), converged, rejected, hist);
    }

    /**
     * Prices patterns {@code from..to−1} of the list, both signs, on {@code threads} threads: pattern k's results go
     * to {@code priced[2k]} (σ = +1) and {@code priced[2k + 1]} (σ = −1), so they do not depend on the threads'
     * timing. {@code warmPass} (the same slots; null for none) holds the NNLS passive sets to start from and is
     * updated. The per-pattern signs and NNLS are built on the fly (O(n d), like one NNLS gradient), so memory stays
     * O(n) whatever the pattern count.
     */
    static void pricePatterns(Matrix x, double[] theta, boolean bias, List<BitSet> patterns, int from, int to, int[][] warmPass,
                              Priced[] priced, int threads) {
        int n = x.rows();
        Chunks.run(threads, to - from, (thread, c) -> {
            int k = from + c;
            BitSet pat = patterns.get(k);
            double[] sgn = new double[n];
            for (int i = 0; i < n; i++) {
                sgn[i] = pat.get(i) ? 1 : -1;
            }
            NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(x.data(), sgn, x.cols());
            for (int sg = 0; sg < 2; sg++) {
                Priced pr = price(x, theta, sgn, pat.cardinality() == n, bias, sg == 0 ? 1 : -1, nnls,
                        warmPass == null ? null : warmPass[2 * k + sg]);
                if (warmPass != null) {
                    warmPass[2 * k + sg] = pr.passive();
                }
                priced[2 * k + sg] = pr;
            }
        });
    }

    /**
     * Prices pattern D (sample signs s_i = ±1, {@code all} when D = I) for sign σ against the residual θ: the
     * certified value h(D, σ) by the NNLS dual and the recovered neuron with its dictionary value σθᵀ(X̃u)₊.
     */
    static Priced price(Matrix x, double[] theta, double[] s, boolean all, boolean bias, int sigma,
                        NonNegativeLeastSquares solver, int[] warm) {
        int n = x.rows();
        int d = x.cols();
        double[] xd = x.data();
        double[] t = new double[d];
        double gb = 0;
        for (int i = 0; i < n; i++) {
            if (s[i] > 0) {
                double v = sigma * theta[i];
                gb += v;
                for (int k = 0; k < d; k++) {
                    t[k] -= v * xd[i * d + k];
                }
            }
        }
        if (all) {
            gb = 0; // θ is centred: the all-ones pattern's bias coordinate is 1ᵀθ = 0
        }
        NonNegativeLeastSquares.Result r = bias ? solver.solve(t, s, -gb, warm) : solver.solve(t, warm);
        double bound = r.norm();
        if (!(bound > 0)) {
            return new Priced(0, null, 0, 0, false, r.passive());
        }
        double[] uw = new double[d];
        for (int k = 0; k < d; k++) {
            uw[k] = r.residual()[k] / bound;
        }
        double ub = 0;
        if (bias) {
            int[] act = r.passive();
            if (act.length > 0) {
                for (int i : act) {
                    ub -= dotRow(xd, i, d, uw) / act.length;
                }
            } else {
                // no active constraint: any bias in [max_{D}(−x_iᵀu_w), min_{not D}(−x_iᵀu_w)] is optimal (g_b = 0 here)
                double lo = Double.NEGATIVE_INFINITY;
                double hi = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double v = -dotRow(xd, i, d, uw);
                    if (s[i] > 0) {
                        lo = Math.max(lo, v);
                    } else {
                        hi = Math.min(hi, v);
                    }
                }
                ub = Double.isInfinite(hi) ? lo : Double.isInfinite(lo) ? hi : 0.5 * (lo + hi);
            }
        }
        double worst = 0;
        double scale = 0;
        double value = 0;
        for (int i = 0; i < n; i++) {
            double a = dotRow(xd, i, d, uw) + ub;
            scale = Math.max(scale, Math.abs(a));
            worst = Math.max(worst, -s[i] * a);
            if (a > 0) {
                value += theta[i] * a;
            }
        }
        boolean feasible = worst <= FEASIBILITY_TOL * scale;
        return new Priced(bound, uw, ub, sigma * value, feasible, r.passive());
    }

    private static double dotRow(double[] xd, int i, int d, double[] u) {
        double v = 0;
        for (int k = 0; k < d; k++) {
            v += xd[i * d + k] * u[k];
        }
        return v;
    }

    private static double dot(double[] a, double[] c) {
        double v = 0;
        for (int i = 0; i < a.length; i++) {
            v += a[i] * c[i];
        }
        return v;
    }

    /** y − Az − ξ1 of a Lasso solution, centred exactly when the intercept is free. */
    static double[] residual(Dictionary dict, double[] z, double xi, double[] y, boolean intercept) {
        double[] fit = dict.times(z);
        if (intercept) {
            return CentredResidual.of(y, fit).r();
        }
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i] - fit[i] - xi;
        }
        return r;
    }
}
