package io.nngeom.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FistaGroupLassoTest extends GroupLassoSolverContract {
    private static final int[] SIZES = {3, 3, 3, 3, 4, 4, 2, 2};

    @Override
    GroupLassoSolver solver() {
        return new FistaGroupLasso();
    }

    /**
     * scnn's measure computed independently on the dense matrix: per group the distance of −∇f from λ times the
     * subdifferential of ‖u_g‖ (a point for u_g ≠ 0, the ball of radius λ for u_g = 0: (‖∇_g f‖ − λ)₊), squared and
     * summed, with f = ‖Au − y‖²/(2n), λ = β/n.
     */
    private static double scnnMeasure(Matrix a, double[] y, double beta, double[] u) {
        int n = y.length;
        double lam = beta / n;
        double[] au = a.times(u);
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            res[i] = (au[i] - y[i]) / n;
        }
        double s = 0;
        int off = 0;
        for (int size : SIZES) {
            double[] h = new double[size];
            for (int q = 0; q < size; q++) {
                h[q] = Linalg.dot(a.colArray(off + q), res);
            }
            double[] ug = Arrays.copyOfRange(u, off, off + size);
            double nu = Linalg.norm2(ug);
            if (nu > 0) {
                for (int q = 0; q < size; q++) {
                    double e = h[q] + lam * ug[q] / nu;
                    s += e * e;
                }
            } else {
                double e = Math.max(0, Linalg.norm2(h) - lam);
                s += e * e;
            }
            off += size;
        }
        return s;
    }

    private static GroupLassoProblem problem(Matrix a, double[] y) {
        return new GroupLassoProblem(BlockProvider.ofColumns(DenseColumns.of(a), SIZES), y, 0.3 * betaMax(a, y), false);
    }

    private static double betaMax(Matrix a, double[] y) {
        double m = 0;
        int off = 0;
        for (int size : SIZES) {
            double t = 0;
            for (int q = 0; q < size; q++) {
                double c = Linalg.dot(a.colArray(off + q), y);
                t += c * c;
            }
            m = Math.max(m, Math.sqrt(t));
            off += size;
        }
        return m;
    }

    @Test
    void gradientRuleStopsAtScnnsMeasureAndReportsTheGap() {
        Matrix a = LassoSolverContract.randomMatrix(40, 24, 41);
        double[] y = LassoSolverContract.target(a, 42);
        GroupLassoProblem pr = problem(a, y);
        LassoOptions base = LassoOptions.defaults().withMaxIterations(100_000);
        LassoSolution ref = new FistaGroupLasso().solve(pr, base.withTolerance(1e-14));
        double loose = 1e-4 * scnnMeasure(a, y, pr.beta(), new double[24]);
        double prev = Double.POSITIVE_INFINITY;
        int prevIter = -1;
        for (double tol : new double[] {loose, 1e-6 * loose, 1e-12 * loose}) {
            LassoSolution s = new FistaGroupLasso(StopRule.GRADIENT).solve(pr, base.withTolerance(tol));
            assertTrue(s.converged());
            double m = scnnMeasure(a, y, pr.beta(), s.z());
            assertTrue(m <= tol * (1 + 1e-8), m + " > " + tol);
            // relative 1e-4: at the tightest level the subgradient is a difference of nearly equal terms (rounding)
            assertEquals(m, FistaGroupLasso.stationarity(pr, s.z()), 1e-4 * m);
            // the gap reported is the measured one: P from the solution, D a valid lower bound on the optimum
            assertTrue(s.dual() <= ref.primal() * (1 + 1e-12));
            assertEquals(s.relativeGap(), (s.primal() - s.dual()) / s.primal(), 1e-15);
            assertTrue(s.primal() >= ref.primal() * (1 - 1e-12));
            assertTrue(s.primal() - ref.primal() <= prev, "tighter tolerance, no worse objective");
            assertTrue(s.iterations() > prevIter, "tighter tolerance, more iterations");
            prev = s.primal() - ref.primal();
            prevIter = s.iterations();
        }
        // the loose tolerance stops well before the optimum: the rule, not the gap, stopped it
        LassoSolution l = new FistaGroupLasso(StopRule.GRADIENT).solve(pr, base.withTolerance(loose));
        assertTrue(l.relativeGap() > 1e-8, "gap " + l.relativeGap());
        // deterministic
        LassoSolution again = new FistaGroupLasso(StopRule.GRADIENT).solve(pr, base.withTolerance(loose));
        assertArrayEquals(l.z(), again.z(), 0.0);
    }

    @Test
    void gradientRuleStopsAtOnceWhenZeroIsOptimalAndObeysTheCap() {
        Matrix a = LassoSolverContract.randomMatrix(30, 24, 43);
        double[] y = LassoSolverContract.target(a, 44);
        GroupLassoProblem big = new GroupLassoProblem(BlockProvider.ofColumns(DenseColumns.of(a), SIZES), y,
                1.01 * betaMax(a, y), false);
        LassoSolution z = new FistaGroupLasso(StopRule.GRADIENT).solve(big, LassoOptions.defaults().withTolerance(1e-20));
        assertEquals(0, z.iterations());
        assertTrue(z.converged());
        assertEquals(0.0, Linalg.norm2(z.z()), 0.0);
        LassoSolution capped = new FistaGroupLasso(StopRule.GRADIENT).solve(problem(a, y),
                LassoOptions.defaults().withTolerance(1e-300).withMaxIterations(5));
        assertFalse(capped.converged());
        assertEquals(5, capped.iterations());
    }

    /**
     * The certified lower bound never exceeds the optimum, found independently by block coordinate descent run to
     * gap 1e-12, on gated-ReLU instances with and without intercept, at loose and tight tolerances, for both
     * stopping rules; and the gap the solver reports is a true bound on its distance to that optimum.
     */
    @Test
    void certifiedLowerBoundNeverExceedsTheOptimum() {
        LassoOptions o = LassoOptions.defaults().withMaxIterations(200_000);
        for (long seed = 1; seed <= 4; seed++) {
            boolean icpt = seed % 2 == 0;
            GroupLassoProblem pr = DualCorrectionTest.gated(80, 3, 20, 2e-3, icpt, false, 100 + seed);
            LassoSolution ref = new BlockCoordinateGroupLasso().solve(pr, o.withTolerance(1e-12));
            assertTrue(ref.relativeGap() <= 1e-12, "reference gap " + ref.relativeGap());
            double pstar = ref.primal();
            for (double tol : new double[] {1e-2, 1e-4, 1e-6, 1e-9}) {
                for (StopRule rule : StopRule.values()) {
                    LassoSolution s = new FistaGroupLasso(rule).solve(pr, o.withTolerance(rule == StopRule.GAP ? tol : tol * 1e-3));
                    String what = "seed " + seed + ", " + rule + ", tol " + tol;
                    assertTrue(s.dual() <= pstar * (1 + 1e-12), what + ": lower bound " + s.dual() + " > optimum " + pstar);
                    assertTrue(s.primal() >= ref.dual() * (1 - 1e-12), what);
                    assertTrue((s.primal() - pstar) / s.primal() <= s.relativeGap() + 1e-12, what);
                    if (rule == StopRule.GAP) {
                        assertTrue(s.converged() && s.relativeGap() <= tol, what + ": gap " + s.relativeGap());
                    }
                }
            }
        }
    }

    /** The dual correction certifies a gated instance at gap 1e-6 in far fewer iterations than scaled residuals. */
    @Test
    void dualCorrectionCertifiesSooner() {
        GroupLassoProblem pr = DualCorrectionTest.gated(400, 5, 120, 1e-3, false, false, 77);
        LassoOptions o = LassoOptions.defaults().withTolerance(1e-6).withMaxIterations(100_000);
        LassoSolution with = new FistaGroupLasso().solve(pr, o);
        LassoSolution without = new FistaGroupLasso(false, StopRule.GAP, false).solve(pr, o);
        assertTrue(with.converged() && without.converged());
        assertTrue(with.iterations() < 0.8 * without.iterations(), with.iterations() + " vs " + without.iterations());
    }

    /** Same input, same result to the bit, with the fused products on one or two threads. */
    @Test
    void deterministicOnOneOrTwoThreads() {
        LassoOptions o = LassoOptions.defaults().withTolerance(1e-8).withMaxIterations(100_000);
        GroupLassoProblem serial = DualCorrectionTest.gated(2500, 10, 40, 1e-3, true, false, 5);
        GroupLassoProblem par = DualCorrectionTest.gated(2500, 10, 40, 1e-3, true, true, 5);
        LassoSolution a = new FistaGroupLasso().solve(serial, o);
        LassoSolution b = new FistaGroupLasso().solve(par, o);
        LassoSolution c = new FistaGroupLasso().solve(par, o);
        for (LassoSolution s : new LassoSolution[] {b, c}) {
            assertArrayEquals(a.z(), s.z(), 0.0);
            assertEquals(a.dual(), s.dual(), 0.0);
            assertEquals(a.primal(), s.primal(), 0.0);
            assertEquals(a.iterations(), s.iterations());
        }
    }

    @Test
    void stopRuleParsing() {
        assertEquals(StopRule.GAP, StopRule.parse("gap", "--stop"));
        assertEquals(StopRule.GRADIENT, StopRule.parse("GRADIENT", "--stop"));
        InputException e = assertThrows(InputException.class, () -> StopRule.parse("grad", "--stop"));
        assertTrue(e.getMessage().startsWith("--stop:"));
    }
}
