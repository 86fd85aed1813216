package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("slow") // run by .ci/run after mvn -B verify (mvn test -Dgroups=slow -Dnngeom.excludedGroups=)
class ColumnGenerationTest {
    /**
     * Two independent algorithms for the exact optimum: column generation (finite Lasso + exact pricing) and the
     * augmented Lagrangian over all arrangement patterns. Both are feasible networks, so both lie above the certified
     * lower bound, and they agree to 1e-6 relative.
     */
    @ParameterizedTest
    @CsvSource({"6, 31, 0.05, L2", "7, 32, 0.01, L2", "6, 33, 0.1, L1"})
    void agreesWithTheAugmentedLagrangianAboveTheCertifiedBound(int n, long seed, double beta, String norm) {
        Dataset data = ConvexTest.twoD(n, seed);
        FitOptions o = FitOptions.defaults(beta).withNorm(PenaltyNorm.valueOf(norm)).withMethod(FitOptions.Method.EXACT).withTolerance(1e-12);
        FitResult cg = Convex.fit(data, o);
        FitResult al = Convex.exactByAugmentedLagrangian(data, o);
        assertEquals(Exactness.EXACT, cg.exactness());
        assertTrue(cg.columns() > 0 && cg.dictionary().startsWith("column generation"));
        double lb = cg.lowerBound();
        assertTrue(cg.nnObjective() >= lb, "column generation below its own bound");
        assertTrue(al.nnObjective() >= lb * (1 - 1e-14), "AL network below the certified lower bound");
        assertEquals(al.nnObjective(), cg.nnObjective(), 1e-6 * cg.nnObjective());
        assertTrue(cg.dualityGap() <= 1e-9, "gap " + cg.dualityGap());
    }

    /** The certificate is independent: Convex.certify of the recovered network alone reproduces the lower bound. */
    @Test
    void recoveredNetworkIsCertifiedOptimalByTheIndependentCertificate() {
        Dataset data = ConvexTest.twoD(12, 34);
        double beta = 0.02;
        FitResult cg = Convex.fit(data, FitOptions.defaults(beta).withMethod(FitOptions.Method.EXACT).withTolerance(1e-12));
        assertEquals(Exactness.EXACT, cg.exactness());
        assertEquals(cg.nnObjective(), TwoLayer.objective(cg.model(), data.x(), data.y().colArray(0), beta, PenaltyNorm.L2),
                1e-13 * cg.nnObjective());
        Certificate c = Convex.certify(cg.model(), data, new CertifyOptions(beta, PenaltyNorm.L2));
        assertTrue(c.certified());
        assertEquals(1.0, c.dualRatio(), 1e-8);
        assertTrue(c.gapPercent() < 1e-7, "gap % " + c.gapPercent());
        // under l2 the sample-wedge Lasso is strictly worse here, so the priced neurons mattered
        FitResult lasso = Convex.fit(data, FitOptions.defaults(beta).withMethod(FitOptions.Method.LASSO).withTolerance(1e-12));
        assertTrue(lasso.nnObjective() > cg.nnObjective() * (1 + 1e-6));
        assertTrue(lasso.nnObjective() >= cg.lowerBound());
    }

    @Test
    void sameInputGivesBitIdenticalResults() {
        Dataset data = ConvexTest.twoD(10, 35);
        FitOptions o = FitOptions.defaults(0.03).withMethod(FitOptions.Method.EXACT);
        FitResult a = Convex.fit(data, o);
        FitResult b = Convex.fit(data, o);
        assertEquals(a.nnObjective(), b.nnObjective(), 0.0);
        assertEquals(a.lowerBound(), b.lowerBound(), 0.0);
        assertArrayEquals(a.model().layer(0).weight().data(), b.model().layer(0).weight().data(), 0.0);
        assertArrayEquals(a.model().layer(1).weight().data(), b.model().layer(1).weight().data(), 0.0);
    }

    @Test
    void oneDimensionalDataStopAtOnceOnTheRamps() {
        Dataset data = ConvexTest.oneD(9, 36);
        ColumnGeneration.Result r = ColumnGeneration.solve(data.x(), data.y().colArray(0), 0.1, PenaltyNorm.L2, 1e-12);
        assertTrue(r.converged());
        assertEquals(1, r.rounds());
        FitResult lasso = Convex.fit(data, FitOptions.defaults(0.1).withMethod(FitOptions.Method.LASSO).withTolerance(1e-12));
        assertEquals(lasso.objective(), r.nnObjective(), 1e-10 * r.nnObjective());
    }

    @Test
    void betaAboveBetaMaxGivesTheConstantNetwork() {
        Dataset data = ConvexTest.twoD(8, 37);
        double[] y = data.y().colArray(0);
        double m = Arrays.stream(y).average().orElse(0);
        double[] yc = Arrays.stream(y).map(v -> v - m).toArray();
        double betaMax = DualConstraint.exactMax(data.x(), yc, PenaltyNorm.L2);
        ColumnGeneration.Result r = ColumnGeneration.solve(data.x(), y, 1.01 * betaMax, PenaltyNorm.L2, 1e-12);
        assertTrue(r.converged());
        assertEquals(0, r.lasso().nonzeros());
        double ss = 0;
        for (double v : yc) {
            ss += v * v;
        }
        assertEquals(0.5 * ss, r.nnObjective(), 1e-12 * ss);
        assertEquals(r.nnObjective(), r.lowerBound(), 1e-12 * ss);
    }

    @Test
    void noBiasAndHigherDimensionsUseConicPricingOverPatterns() {
        assertTrue(ColumnGeneration.applies(2, true));
        assertTrue(ColumnGeneration.applies(1, true));
        assertTrue(!ColumnGeneration.applies(2, false));
        assertTrue(!ColumnGeneration.applies(3, true));
        Dataset data = ConvexTest.twoD(5, 38);
        FitResult r = Convex.fit(data, FitOptions.defaults(0.05).withBias(false).withMethod(FitOptions.Method.EXACT));
        assertTrue(r.dictionary().startsWith("column generation with conic pricing"), r.dictionary());
        FitOptions l1o = FitOptions.defaults(0.05).withBias(false).withNorm(PenaltyNorm.L1).withMethod(FitOptions.Method.EXACT).withTolerance(1e-12);
        FitResult l1 = Convex.fit(data, l1o);
        assertTrue(l1.reason().startsWith("--method exact under l1: the wedge-and-basis Lasso"), l1.reason());
        assertEquals(Exactness.EXACT, l1.exactness());
        // the augmented Lagrangian over all arrangement patterns (complete for n = 5 in 2-D) is the second algorithm; without
        // biases no exact dual constraint certifies its network, so it is labelled an upper bound, not exact
        FitResult al = Convex.exactByAugmentedLagrangian(data, l1o);
        assertEquals(Exactness.UPPER_BOUND, al.exactness(), al.reason());
        assertTrue(al.reason().contains("not certified"), al.reason());
        assertEquals(al.nnObjective(), l1.nnObjective(), 1e-6 * l1.nnObjective());
        Matrix x = data.x();
        assertEquals(2, x.cols());
    }
}
