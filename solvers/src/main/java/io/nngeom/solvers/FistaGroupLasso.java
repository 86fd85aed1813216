package io.nngeom.solvers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Group lasso by accelerated proximal gradient with a line search and adaptive restart, the algorithm of scnn's
 * R-FISTA for the gated-ReLU program (Mishkin, Sahiner, Pilanci 2022; FISTA of Beck and Teboulle 2009; restart
 * of O'Donoghue and Candès 2015; step-size growth of Liu, Chen, Ye 2009, "Lassplore"), optionally on growing working sets of
 * groups, stopped by the relative duality gap instead of a gradient norm.
 *
 * <p>Iterations. Every iteration works in prediction space: it keeps A w and A v (A = [B_1 … B_G], centred when
 * the intercept is free) for the iterate w and the extrapolated point v, so one iteration costs one product with
 * A (of the trial point; backtracking repeats it) and one with Aᵀ, both through the fused
 * {@link BlockProvider#timesAll}/{@link BlockProvider#transposeTimesAll}. The step t is accepted when
 * ‖A(w⁺ − v)‖² ≤ ‖w⁺ − v‖²/t (the exact quadratic upper bound of the least-squares part), otherwise
 * t ← {@link #BACKTRACK}·t; after an accepted step t grows by {@link #GROW} when ‖w⁺ − v‖² &gt;
 * {@link #GROW_THRESHOLD}·t‖A(w⁺ − v)‖². The momentum uses scnn's sequence t_{k+1} = 1 + √(1 + 4t_k²)/2 (which
 * grows twice as fast as Beck and Teboulle's; on the gated benchmark it needed about a third fewer iterations),
 * and momentum is reset whenever (w⁺ − w)ᵀ(v − w⁺) &gt; 0.
 *
 * <p>Working sets (optional, see {@link #FistaGroupLasso(boolean)}). The outer loop computes the correlations B_gᵀr of every group, the primal value and a dual
 * value (full check), then runs FISTA on the blocks of a working set only: the groups with nonzero coefficients,
 * those whose scaled correlation reaches {@link #WS_THRESHOLD}·β, and the next most correlated ones up to
 * max({@link LassoOptions#workingSet()}, 2·active). The set never shrinks. FISTA on it stops at
 * max(tolerance/2, {@link #INNER_FRACTION}·full gap); the next full check verifies the result on all groups.
 *
 * <p>Products. Every iteration computes the correlations Aᵀr_w at the new iterate w (one transposed product) and
 * forms those at the extrapolated point, Aᵀr_v = Aᵀr_w + μ(Aᵀr_w − Aᵀr_{w₋}), from them (A is linear and
 * v = w + μ(w − w₋)), so both residuals are dual candidates at no extra product.
 *
 * <p>Certificate. A residual r gives the dual-feasible point s·r with the best feasible scale
 * s = min(β/max_g‖B_gᵀr‖, rᵀy_c/‖r‖²) (see {@code #dualValue}). Such scaled residuals lag the primal: their dual
 * error is of the order √(P − P*) (see {@link DualCorrection}); on the gated benchmark they proved a relative gap of
 * 1e-6 some 1800 iterations after the objective was within 3e-9 of the optimum. So once the objective has nearly
 * stopped moving (it fell by at most tolerance·P over the last {@link #CORRECTION_SPACING} correction costs, at
 * least {@link #CORRECTION_MIN_SPACING} iterations), the solver builds a {@link DualCorrection}: a Gauss–Newton
 * projection of the residual onto the active faces of the dual feasible set plus {@link #CHORD_STEPS} chord steps,
 * whose dual error is of the order P − P*. With it the certified run on the gated benchmark stopped after 1468
 * iterations instead of 3217 (the gradient rule at scnn's tol 1e-10 needs 1409 there). Anderson extrapolation of the
 * residuals (Massias, Gramfort, Salmon 2018) was tried as well and gained little (on a 500×10, 300-gate instance
 * 1.3e-3 against 1.7e-3 relative dual error at iteration 1500); exact line searches between the best dual point and
 * new residuals gained nothing. Inside a working set the dual points are those of the restricted problem; the full
 * check scales the best of them again with the correlations of all groups (and corrects the current residual
 * once more when the gap is not yet reached), which makes it dual feasible for the whole problem. The best dual
 * value D* so found is a lower bound on the optimum; the solver stops when (P(u) − D*)/P(u) ≤ tolerance at a full
 * check. The returned solution carries P(u), D*, that relative gap, and the dual ratio max_g‖B_gᵀr‖/β of its own
 * residual.
 *
 * <p>Gradient rule ({@link StopRule#GRADIENT}, scnn's termination criterion). Instead of the gap, the solver stops
 * at the first iterate w (the initial point included) whose {@link #stationarity} — the squared norm of the
 * minimum-norm subgradient in scnn's scaling — is at most the tolerance, checked with the correlations Aᵀr_w that
 * every iteration computes. After it stops, one full check (with one dual correction) measures the duality gap,
 * which is reported (converged then means the gradient rule was met, not the gap).
 */
public final class FistaGroupLasso implements GroupLassoSolver {
    /**
     * Backtracking factor of the step (Beck and Teboulle's halving; scnn uses 0.8). On the gated benchmark, 0.5
     * needed 487 backtracks instead of 1216 for the same number of iterations, about 15 % less CPU time.
     */
    public static final double BACKTRACK = 0.5;
    /** Growth factor of the step after an easy step. */
    public static final double GROW = 1.25;
    /** A step counts as easy when ‖Δ‖² &gt; GROW_THRESHOLD·t‖AΔ‖² (scnn's Lassplore setting). */
    public static final double GROW_THRESHOLD = 5;
    /** Iterations between two entries of the gap history. */
    public static final int HISTORY_EVERY = 10;

    private final boolean workingSets;
    private final StopRule stop;
    private final boolean correctDual;

    /**
     * Without working sets: every iteration on all groups. On the gated benchmark (538 of 1000 groups active, most
     * inactive ones close to the constraint) working sets cost more iterations than they saved per iteration.
     */
    public FistaGroupLasso() {
        this(false);
    }

    /** @param workingSets solve on growing working sets of groups (see the class comment) or on all groups */
    public FistaGroupLasso(boolean workingSets) {
        this(workingSets, StopRule.GAP);
    }

    /**
     * @param stop the stopping rule; the tolerance of {@link LassoOptions#tolerance()} is the relative gap for
     *             {@link StopRule#GAP} and scnn's squared subgradient norm for {@link StopRule#GRADIENT}
     */
    public FistaGroupLasso(StopRule stop) {
        this(false, stop);
    }

    private FistaGroupLasso(boolean workingSets, StopRule stop) {
        this(workingSets, stop, true);
    }

    /** With {@code correctDual} false, the dual points are the scaled residuals only (for comparisons in tests). */
    FistaGroupLasso(boolean workingSets, StopRule stop, boolean correctDual) {
        this.workingSets = workingSets;
        this.stop = Objects.requireNonNull(stop);
        this.correctDual = correctDual;
    }

    /**
     * scnn's stationarity measure at u: the squared norm of the minimum-norm subgradient of its objective
     * F(u) = ‖Au − y‖²/(2n) + λΣ_g‖u_g‖ with λ = β/n (scnn's {@code GradientNorm} with
     * {@code GroupL1Regularizer.grad}), where A is centred when the intercept is free. With c_g = B_gᵀ(y − Au) the
     * subgradient of group g is (−c_g + β u_g/‖u_g‖)/n when u_g ≠ 0, and −c_g·max(0, 1 − β/‖c_g‖)/n when u_g = 0.
     *
     * @param c the correlations Aᵀ(y − Au), laid out like u
     */
    public static double stationarity(double[] u, double[] c, int[] off, double beta, int n) {
        double s = 0;
        for (int g = 0; g + 1 < off.length; g++) {
            double uu = 0;
            double cc = 0;
            for (int i = off[g]; i < off[g + 1]; i++) {
                uu += u[i] * u[i];
                cc += c[i] * c[i];
            }
            if (uu > 0) {
                double f = beta / Math.sqrt(uu);
                for (int i = off[g]; i < off[g + 1]; i++) {
                    double e = f * u[i] - c[i];
                    s += e * e;
                }
            } else if (cc > 0) {
                double f = Math.max(0, 1 - beta / Math.sqrt(cc));
                s += f * f * cc;
            }
        }
        return s / ((double) n * n);
    }

    /** {@link #stationarity(double[], double[], int[], double, int)} of u for the problem (one product each way). */
    public static double stationarity(GroupLassoProblem pr, double[] u) {
        BlockProvider b = pr.blocks();
        int n = b.rows();
        double[] yc = pr.y().clone();
        if (pr.intercept()) {
            SolverHelpers.center(yc);
        }
        double[] p = new double[n];
        predict(b, u, pr.intercept(), p);
        for (int i = 0; i < n; i++) {
            yc[i] -= p[i];
        }
        double[] c = new double[u.length];
        b.transposeTimesAll(yc, c);
        return stationarity(u, c, b.offsets(), pr.beta(), n);
    }

    @Override
    public LassoSolution solve(GroupLassoProblem pr, LassoOptions opt, double[] warmStart) {
        long start = System.nanoTime();
        BlockProvider b = pr.blocks();
        int n = b.rows();
        int[] off = b.offsets();
        int groups = b.groups();
        int dim = off[groups];
        boolean icpt = pr.intercept();
        double beta = pr.beta();
        double ym = icpt ? LassoCertificate.mean(pr.y()) : 0;
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = pr.y()[i] - ym;
        }
        double[] u = warmStart == null ? new double[dim] : warmStart.clone();
        if (u.length != dim) {
            throw new IllegalArgumentException("warm start has " + u.length + " values, the problem " + dim);
        }
        List<double[]> hist = new ArrayList<>();
        double tol = opt.tolerance();
        int used = 0;
        double dBest = Double.NEGATIVE_INFINITY;
        double[] pred = new double[n];
        double[] r = new double[n];
        double[] c = new double[dim];
        double primal;
        double maxC;
        double[] thetaBest = null;
        boolean[] inWs = new boolean[groups];
        boolean grad = stop == StopRule.GRADIENT;
        if (grad && workingSets) {
            throw new IllegalArgumentException("the gradient rule is defined on all groups, not on working sets");
        }
        boolean stationary = false;
        boolean ran = false;
        while (true) {
            // full check: primal, residual, correlations of every group, dual candidates
            predict(b, u, icpt, pred);
            double rr = 0;
            for (int i = 0; i < n; i++) {
                r[i] = yc[i] - pred[i];
                rr += r[i] * r[i];
            }
            primal = 0.5 * rr + beta * penalty(u, off);
            b.transposeTimesAll(r, c);
            maxC = SolverHelpers.maxGroupNorm(c, off);
            dBest = Math.max(dBest, SolverHelpers.dualValue(r, yc, maxC, beta));
            if (thetaBest != null) {
                double[] ct = new double[dim];
                b.transposeTimesAll(thetaBest, ct);
                dBest = Math.max(dBest, SolverHelpers.dualValue(thetaBest, yc, SolverHelpers.maxGroupNorm(ct, off), beta));
            }
            double gap = relative(primal, dBest);
            if (ran && (grad || gap > tol) && correctDual) {
                // the corrected dual point of the current solution (see DualCorrection)
                DualCorrection.Point cp = DualCorrection.correct(b, icpt, beta, yc, u, r, c, CHORD_STEPS,
                        Runtime.getRuntime().availableProcessors() >= 2);
                if (cp != null) {
                    dBest = Math.max(dBest, cp.dual());
                    gap = relative(primal, dBest);
                }
            }
            hist.add(new double[] {used, gap});
            if (grad ? ran : gap <= tol || used >= opt.maxIterations() || opt.budget().expired()) {
                break;
            }
            int[] ws = workingSets ? grow(inWs, u, c, off, beta, maxC, opt.workingSet()) : all(groups);
            BlockProvider sub = ws.length == groups ? b : b.subset(ws);
            int[] subOff = sub.offsets();
            double[] us = new double[subOff[ws.length]];
            for (int q = 0; q < ws.length; q++) {
                System.arraycopy(u, off[ws[q]], us, subOff[q], subOff[q + 1] - subOff[q]);
            }
            double innerTol = ws.length == groups ? tol : Math.max(0.5 * tol, INNER_FRACTION * gap);
            GroupFistaRun.Run run = GroupFistaRun.run(sub, yc, icpt, beta, us, innerTol, opt.maxIterations() - used, hist, used, grad, correctDual, opt.budget());
            used += run.iterations();
            ran = true;
            stationary = run.stationary();
            for (int q = 0; q < ws.length; q++) {
                System.arraycopy(run.w(), subOff[q], u, off[ws[q]], subOff[q + 1] - subOff[q]);
            }
            thetaBest = run.thetaBest();
        }
        double gap = relative(primal, dBest);
        double xi = 0;
        if (icpt) {
            double[] p = new double[n];
            b.timesAll(u, p);
            xi = ym - LassoCertificate.mean(p);
        }
        return new LassoSolution(u, xi, primal, dBest, gap, maxC / beta, used, grad ? stationary : gap <= tol, SolverHelpers.col(hist, 0), SolverHelpers.col(hist, 1),
                0, (System.nanoTime() - start) / 1e9);
    }

    /** Fraction of the current full gap to which the working-set problem is solved. */
    public static final double INNER_FRACTION = 0.02;
    /** Inactive groups whose scaled correlation s‖B_gᵀr‖ is at least this fraction of β join the working set. */
    public static final double WS_THRESHOLD = 0.9;

    private static int[] all(int groups) {
        int[] a = new int[groups];
        for (int g = 0; g < groups; g++) {
            a[g] = g;
        }
        return a;
    }

    /**
     * Grows the working set (it never shrinks, so the outer loop cannot cycle): the groups with nonzero
     * coefficients, the groups whose scaled correlation min(1, β/maxC)‖B_gᵀr‖ is at least {@link #WS_THRESHOLD}·β,
     * and then the most correlated remaining groups until the set holds max(initial, 2·active) groups.
     */
    private static int[] grow(boolean[] inWs, double[] u, double[] c, int[] off, double beta, double maxC, int initial) {
        int groups = inWs.length;
        double s = maxC > beta ? beta / maxC : 1.0;
        int active = 0;
        double[] ratio = new double[groups];
        for (int g = 0; g < groups; g++) {
            double q = 0;
            for (int i = off[g]; i < off[g + 1]; i++) {
                q += c[i] * c[i];
            }
            ratio[g] = s * Math.sqrt(q) / beta;
            if (SolverHelpers.anyNonzero(u, off[g], off[g + 1])) {
                inWs[g] = true;
                active++;
            } else if (ratio[g] >= WS_THRESHOLD) {
                inWs[g] = true;
            }
        }
        int size = 0;
        for (boolean w : inWs) {
            size += w ? 1 : 0;
        }
        int want = Math.min(groups, Math.max(Math.max(1, initial), 2 * active));
        if (size < want) {
            Integer[] idx = new Integer[groups];
            for (int g = 0; g < groups; g++) {
                idx[g] = g;
            }
            Arrays.sort(idx, (p, q) -> {
                int cmp = Double.compare(ratio[q], ratio[p]);
                return cmp != 0 ? cmp : Integer.compare(p, q);
            });
            for (int j = 0; j < groups && size < want; j++) {
                if (!inWs[idx[j]]) {
                    inWs[idx[j]] = true;
                    size++;
                }
            }
        }
        int[] ws = new int[size];
        int k = 0;
        for (int g = 0; g < groups; g++) {
            if (inWs[g]) {
                ws[k++] = g;
            }
        }
        return ws;
    }

    /** Capacity of the ring buffer of recent primal values. */
    static final int HISTORY_RING = 4096;
    /** Fewest iterations between two dual corrections. */
    public static final int CORRECTION_MIN_SPACING = 10;
    /**
     * Iterations between two dual corrections, in units of the cost of one correction measured in iterations
     * ({@link DualCorrection#cost} over n·dim multiply-adds per iteration): 4 keeps the corrections below about a
     * fifth of the work even when every one of them fails.
     */
    public static final double CORRECTION_SPACING = 4;
    /**
     * Chord steps after the first Gauss–Newton step of a dual correction (each one product Aᵀθ). On a 500×10,
     * 300-gate instance two steps brought the dual error from about 4 to about 1.3 times the primal error
     * (P − P*); four steps gave the same dual value as two on the gated benchmark.
     */
    public static final int CHORD_STEPS = 2;

    /** out = A u, centred when the intercept is free. */
    static void predict(BlockProvider b, double[] u, boolean icpt, double[] out) {
        b.timesAll(u, out);
        if (icpt) {
            SolverHelpers.center(out);
        }
    }

    static double meanUncentred(BlockProvider b, double[] u, int n) {
        double[] p = new double[n];
        b.timesAll(u, p);
        return LassoCertificate.mean(p);
    }

    /** Rayleigh quotient ‖A z‖²/‖z‖² of a seeded random z: a lower estimate of the curvature to start the step from. */
    static double initialCurvature(BlockProvider b, boolean icpt, int dim) {
        SplittableRandom rng = new SplittableRandom(12345L);
        double[] z = new double[dim];
        for (int i = 0; i < dim; i++) {
            z[i] = rng.nextDouble() - 0.5;
        }
        double[] p = new double[b.rows()];
        double lam = 0;
        for (int it = 0; it < 3; it++) {
            double zz = Fista.dot(z, z);
            if (zz == 0) {
                return lam;
            }
            predict(b, z, icpt, p);
            lam = Fista.dot(p, p) / zz;
            b.transposeTimesAll(p, z);
        }
        return lam;
    }

    static double penalty(double[] u, int[] off) {
        double s = 0;
        for (int g = 0; g + 1 < off.length; g++) {
            double q = 0;
            for (int i = off[g]; i < off[g + 1]; i++) {
                q += u[i] * u[i];
            }
            s += Math.sqrt(q);
        }
        return s;
    }

    static double relative(double p, double d) {
        double g = Math.max(p - d, 0);
        return p > Double.MIN_NORMAL ? g / p : g;
    }

}
