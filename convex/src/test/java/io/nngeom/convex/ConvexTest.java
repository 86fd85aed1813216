package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.solvers.BlockCoordinateGroupLasso;
import io.nngeom.solvers.BlockProvider;
import io.nngeom.solvers.DenseColumns;
import io.nngeom.solvers.GroupLassoProblem;
import io.nngeom.solvers.LassoOptions;
import io.nngeom.solvers.LassoSolution;
import io.nngeom.solvers.StopRule;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvexTest {
    static Dataset oneD(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, 1);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, -2 + 4 * rng.nextDouble());
            y.set(i, 0, Math.sin(2 * x.get(i, 0)) + 0.1 * rng.nextGaussian());
        }
        return Dataset.regression(x, y);
    }

    static Dataset twoD(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, rng.nextGaussian());
            x.set(i, 1, rng.nextGaussian());
            y.set(i, 0, Math.sin(x.get(i, 0)) * x.get(i, 1) + 0.1 * rng.nextGaussian());
        }
        return Dataset.regression(x, y);
    }

    @Test
    void oneDimensionalFitIsExactAndRecoveryMatchesTheObjective() {
        Dataset data = oneD(20, 1);
        FitResult r = Convex.fit(data, FitOptions.defaults(0.05));
        assertEquals(Exactness.EXACT, r.exactness());
        assertEquals("lasso", r.method());
        assertEquals(r.objective(), r.nnObjective(), 1e-10 * r.objective());
        assertEquals(r.nonzeros(), r.model().hiddenUnits());
        assertTrue(r.dualityGap() <= 1e-10);
        // the independent lower bound (exact dual constraint) certifies the value
        assertTrue(r.lowerBound() <= r.objective() * (1 + 1e-12));
        assertTrue(r.lowerBound() >= r.objective() * (1 - 1e-8));
        // and the certificate of the recovered network says optimal
        Certificate c = Convex.certify(r.model(), data, new CertifyOptions(0.05, PenaltyNorm.L2));
        assertEquals(1.0, c.dualRatio(), 1e-6);
        assertTrue(c.gapPercent() < 1e-6);
        assertTrue(c.certified());
    }

    @Test
    void lassoEqualsTheExactProgramIn1d() {
        Dataset data = oneD(7, 2);
        FitResult lasso = Convex.fit(data, FitOptions.defaults(0.1).withMethod(FitOptions.Method.LASSO));
        FitResult exact = Convex.fit(data, FitOptions.defaults(0.1).withMethod(FitOptions.Method.EXACT));
        assertEquals(Exactness.EXACT, exact.exactness());
        assertEquals(lasso.objective(), exact.nnObjective(), 1e-6 * lasso.objective());
    }

    @Test
    void l2SampleWedgesIn2dAreOnlyAnUpperBound() {
        Dataset data = twoD(8, 3);
        FitResult r = Convex.fit(data, FitOptions.defaults(0.05).withMethod(FitOptions.Method.LASSO));
        assertEquals(Exactness.UPPER_BOUND, r.exactness());
        assertTrue(r.lowerBound() <= r.nnObjective());
        FitResult l1 = Convex.fit(data, FitOptions.defaults(0.05).withNorm(PenaltyNorm.L1));
        assertEquals(Exactness.EXACT, l1.exactness());
        // ℓ1 + basis dictionary is exact: the exact dual constraint certifies it
        assertEquals(l1.objective(), l1.lowerBound(), 1e-7 * l1.objective());
    }

    @Test
    void anExactL1FitIn3dReportsItsLassoDualAsTheLowerBound() {
        SplittableRandom rng = new SplittableRandom(12);
        Matrix x = Matrix.zeros(12, 3);
        Matrix y = Matrix.zeros(12, 1);
        for (int i = 0; i < 12; i++) {
            for (int k = 0; k < 3; k++) {
                x.set(i, k, rng.nextGaussian());
            }
            y.set(i, 0, Math.sin(x.get(i, 0)) * x.get(i, 1) + 0.1 * rng.nextGaussian());
        }
        FitResult r = Convex.fit(Dataset.regression(x, y), FitOptions.defaults(0.05).withNorm(PenaltyNorm.L1).withMethod(FitOptions.Method.EXACT));
        assertEquals(Exactness.EXACT, r.exactness());
        assertTrue(Double.isFinite(r.lowerBound()), "lower bound " + r.lowerBound());
        assertTrue(r.lowerBound() <= r.nnObjective() && r.lowerBound() >= r.nnObjective() * (1 - 1e-9), r.lowerBound() + " vs " + r.nnObjective());
    }

    @Test
    void aSolverStoppedAtItsCapIsReportedAsSuchNotAsTheOptimum() {
        double[] none = new double[0];
        var capped = new LassoSolution(new double[] {1}, 0, 2.0, 1.9, 0.05, 1.2, 100_000, false, none, none, 0, 1);
        var done = new LassoSolution(new double[] {1}, 0, 2.0, 2.0, 1e-12, 1.0, 10, true, none, none, 0, 1);
        assertEquals("", Fits.stopped(done, 1e-8));
        String why = Fits.stopped(capped, 1e-8);
        assertTrue(why.contains("iteration cap (100000 iterations)") && why.contains("5.000e-02") && why.contains("upper bound"), why);
    }

    @Test
    void gatedFitEqualsAnIndependentGroupLassoSolve() {
        Dataset data = twoD(30, 4);
        Matrix gates = WedgeTest.gaussian(2, 15, 9);
        FitOptions o = FitOptions.defaults(0.1).withMethod(FitOptions.Method.GATED).withBias(false).withGates(gates);
        FitResult r = Convex.fit(data, o);
        var pats = ArrangementPatterns.ofGates(data.x(), gates);
        // reference: block coordinate descent on the materialised matrix [D_1 X … D_G X]
        Matrix x = data.x();
        Matrix a = Matrix.zeros(x.rows(), 2 * pats.size());
        int[] sizes = new int[pats.size()];
        for (int g = 0; g < pats.size(); g++) {
            sizes[g] = 2;
            for (int k = pats.get(g).nextSetBit(0); k >= 0; k = pats.get(g).nextSetBit(k + 1)) {
                a.set(k, 2 * g, x.get(k, 0));
                a.set(k, 2 * g + 1, x.get(k, 1));
            }
        }
        var ref = new BlockCoordinateGroupLasso().solve(new GroupLassoProblem(BlockProvider.ofColumns(DenseColumns.of(a), sizes),
                data.y().colArray(0), 0.1, false), LassoOptions.defaults().withTolerance(1e-11).withMaxIterations(200_000));
        assertTrue(ref.converged());
        assertTrue(r.dualityGap() <= o.tolerance());
        assertEquals(ref.primal(), r.objective(), 1e-8 * ref.primal());
        assertEquals(r.objective(), Convex.fit(data, o).objective(), 0.0, "deterministic");
        assertThrows(InputException.class, () -> Convex.fit(data, o.withGates(WedgeTest.gaussian(3, 4, 1))));
    }

    @Test
    void gatedFitWithScnnsGradientRule() {
        Dataset data = twoD(30, 4);
        Matrix gates = WedgeTest.gaussian(2, 15, 9);
        FitOptions o = FitOptions.defaults(0.1).withMethod(FitOptions.Method.GATED).withBias(false).withGates(gates);
        FitResult certified = Convex.fit(data, o.withTolerance(1e-12));
        FitResult loose = Convex.fit(data, o.withStop(StopRule.GRADIENT).withTolerance(1e-6));
        FitResult tight = Convex.fit(data, o.withStop(StopRule.GRADIENT).withTolerance(1e-16));
        // the gap is measured at the end and is a true gap: the certified optimum lies between dual and primal
        for (FitResult r : new FitResult[] {loose, tight}) {
            assertTrue(r.reason().startsWith("stopped on scnn's gradient rule, NOT on the duality gap"), r.reason());
            assertTrue(r.objective() >= certified.objective() * (1 - 1e-12));
            assertTrue(r.objective() * (1 - r.dualityGap()) <= certified.objective() * (1 + 1e-12));
        }
        assertTrue(loose.objective() - certified.objective() >= tight.objective() - certified.objective());
        assertEquals(certified.objective(), tight.objective(), 1e-9 * certified.objective());
        assertThrows(InputException.class, () -> Convex.fit(data, FitOptions.defaults(0.1).withStop(StopRule.GRADIENT)));
    }

    @Test
    void undertrainedNetworksAreNotCertified() {
        Dataset data = oneD(15, 5);
        Mlp m = Mlp.random(new int[] {1, 2, 1}, Activation.parse("relu"), new SplittableRandom(3));
        Certificate c = Convex.certify(m, data, new CertifyOptions(0.01, PenaltyNorm.L2));
        assertTrue(c.dualRatio() > 5, "ratio " + c.dualRatio());
        assertTrue(c.lowerBound() < c.nnObjective());
        assertTrue(c.gapPercent() > 1);
    }

    @Test
    void badInputIsReported() {
        Dataset data = oneD(10, 6);
        Mlp deep = Mlp.random(new int[] {1, 3, 3, 1}, Activation.parse("relu"), new SplittableRandom(3));
        assertThrows(InputException.class, () -> Convex.certify(deep, data, new CertifyOptions(0.1, PenaltyNorm.L2)));
        Mlp wrongDim = Mlp.random(new int[] {2, 3, 1}, Activation.parse("relu"), new SplittableRandom(3));
        assertThrows(InputException.class, () -> Convex.certify(wrongDim, data, new CertifyOptions(0.1, PenaltyNorm.L2)));
        assertThrows(InputException.class, () -> FitOptions.defaults(-1));
        assertThrows(InputException.class, () -> PenaltyNorm.parse("l3", "--penalty"));
        assertThrows(InputException.class, () -> FitOptions.Method.parse("magic"));
    }
}
