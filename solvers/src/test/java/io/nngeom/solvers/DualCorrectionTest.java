package io.nngeom.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow") // run by .ci/run after mvn -B verify (mvn test -Dgroups=slow -Dnngeom.excludedGroups=)
class DualCorrectionTest {
    /**
     * A gated-ReLU group lasso like the benchmark's: y = relu(Xw₁) − ½relu(Xw₂) + noise, masks 1[Xg ≥ 0] of
     * Gaussian gates g, β = λn.
     */
    static GroupLassoProblem gated(int n, int d, int gates, double lambda, boolean intercept, boolean parallel, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = LassoSolverContract.randomMatrix(n, d, seed + 1);
        double[] w1 = new double[d];
        double[] w2 = new double[d];
        for (int j = 0; j < d; j++) {
            w1[j] = rng.nextGaussian();
            w2[j] = rng.nextGaussian();
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 0;
            double b = 0;
            for (int j = 0; j < d; j++) {
                a += x.get(i, j) * w1[j];
                b += x.get(i, j) * w2[j];
            }
            y[i] = Math.max(a, 0) - 0.5 * Math.max(b, 0) + 0.1 * rng.nextGaussian();
        }
        List<BitSet> masks = new ArrayList<>();
        for (int g = 0; g < gates; g++) {
            double[] gv = new double[d];
            for (int j = 0; j < d; j++) {
                gv[j] = rng.nextGaussian();
            }
            BitSet bs = new BitSet();
            for (int i = 0; i < n; i++) {
                double a = 0;
                for (int j = 0; j < d; j++) {
                    a += x.get(i, j) * gv[j];
                }
                if (a >= 0) {
                    bs.set(i);
                }
            }
            masks.add(bs);
        }
        return new GroupLassoProblem(MaskedBlocks.of(x, masks, parallel), y, lambda * n, intercept);
    }

    private static double[][] columns(int m, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] c = new double[m][n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                c[j][i] = rng.nextGaussian();
            }
        }
        return c;
    }

    @Test
    void gramIsTheLowerTriangleOfMtMAndTwoThreadsAreBitIdentical() {
        int m = 103;
        int n = 900;
        double[][] cols = columns(m, n, 3);
        double[] serial = DualCorrection.gram(cols, n, false);
        double[] par = DualCorrection.gram(cols, n, true);
        assertTrue((long) n * m * m / 2 >= DualCorrection.PARALLEL_MIN_WORK, "the test must reach the parallel path");
        assertArrayEquals(serial, par, 0.0);
        for (int j = 0; j < m; j += 7) {
            for (int h = 0; h <= j; h += 5) {
                assertEquals(Linalg.dot(cols[j], cols[h]), serial[j * m + h], 1e-10 * n);
            }
        }
    }

    @Test
    void choleskySolvesTheSystem() {
        int m = 30;
        double[][] cols = columns(m, 80, 4);
        double[] g = DualCorrection.gram(cols, 80, false);
        Matrix full = Matrix.zeros(m, m);
        for (int j = 0; j < m; j++) {
            for (int h = 0; h <= j; h++) {
                full.set(j, h, g[j * m + h]);
                full.set(h, j, g[j * m + h]);
            }
        }
        double[] b = new double[m];
        for (int j = 0; j < m; j++) {
            b[j] = Math.sin(j);
        }
        double[] want = Linalg.solve(full, b);
        assertTrue(DualCorrection.cholesky(g, m));
        double[] x = b.clone();
        DualCorrection.solveCholesky(g, m, x);
        assertArrayEquals(want, x, 1e-9);
        // not positive definite: rejected
        double[] bad = {1, 0, 2, -1};
        assertFalse(DualCorrection.cholesky(bad, 2));
    }

    /**
     * Near the optimum the corrected point puts the active correlations on |B_gᵀθ| = β to second order, so its dual
     * error is far below the scaled residual's and of the order of the primal error, and it stays a lower bound.
     */
    @Test
    void correctionIsSecondOrderAndBelowTheOptimum() {
        GroupLassoProblem pr = gated(300, 4, 60, 1e-3, false, false, 21);
        LassoOptions o = LassoOptions.defaults().withMaxIterations(200_000);
        LassoSolution ref = new FistaGroupLasso().solve(pr, o.withTolerance(1e-13));
        double pstar = ref.primal();
        // a solution with a moderate primal error, stopped on the gradient rule without a dual correction
        LassoSolution s = new FistaGroupLasso(false, StopRule.GRADIENT, false).solve(pr, o.withTolerance(1e-10));
        BlockProvider b = pr.blocks();
        int n = b.rows();
        double[] p = new double[n];
        b.timesAll(s.z(), p);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = pr.y()[i] - p[i];
        }
        double[] c = new double[s.z().length];
        b.transposeTimesAll(r, c);
        int[] off = b.offsets();
        double scaled = SolverHelpers.dualValue(r, pr.y(), SolverHelpers.maxGroupNorm(c, off), pr.beta());
        double primalErr = s.primal() - pstar;
        assertTrue(primalErr > 0);
        DualCorrection.Point cp = DualCorrection.correct(b, false, pr.beta(), pr.y(), s.z(), r, c, 2, false);
        assertNotNull(cp);
        // its correlations are the true ones of its direction
        double[] ct = new double[c.length];
        b.transposeTimesAll(cp.theta(), ct);
        assertArrayEquals(ct, cp.corr(), 0.0);
        assertEquals(SolverHelpers.dualValue(cp.theta(), pr.y(), SolverHelpers.maxGroupNorm(ct, off), pr.beta()),
                cp.dual(), 0.0);
        assertTrue(cp.dual() <= pstar * (1 + 1e-13), "a lower bound: " + cp.dual() + " vs optimum " + pstar);
        double corrErr = pstar - cp.dual();
        double scaledErr = pstar - scaled;
        assertTrue(corrErr < 0.1 * scaledErr, "corrected dual error " + corrErr + ", scaled residual's " + scaledErr);
        assertTrue(corrErr < 20 * primalErr, "corrected dual error " + corrErr + " against primal error " + primalErr);
    }
    /** More active groups than rows: no correction, and the solver still certifies with valid bounds. */
    @Test
    void supportLargerThanTheRowsIsNotCorrected() {
        GroupLassoProblem pr = gated(15, 3, 80, 3e-4, false, false, 31);
        LassoOptions o = LassoOptions.defaults().withMaxIterations(200_000);
        LassoSolution s = new FistaGroupLasso().solve(pr, o.withTolerance(1e-6));
        assertTrue(s.converged());
        int active = 0;
        for (int g = 0; g < 80; g++) {
            if (SolverHelpers.anyNonzero(s.z(), 3 * g, 3 * g + 3)) {
                active++;
            }
        }
        assertTrue(active > 15, "the instance must have more active groups than rows: " + active);
        BlockProvider b = pr.blocks();
        double[] r = pr.y().clone();
        double[] p = new double[15];
        b.timesAll(s.z(), p);
        for (int i = 0; i < 15; i++) {
            r[i] -= p[i];
        }
        double[] c = new double[s.z().length];
        b.transposeTimesAll(r, c);
        assertEquals(null, DualCorrection.correct(b, false, pr.beta(), pr.y(), s.z(), r, c, 2, false));
        // the optimum by an independent solver: the certified bound lies below it
        LassoSolution ref = new BlockCoordinateGroupLasso().solve(pr, o.withTolerance(1e-9));
        assertTrue(s.dual() <= ref.primal());
        assertTrue(s.primal() >= ref.dual());
    }
}
