package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Budget;
import io.nngeom.run.Seeds;
import io.nngeom.solvers.NonNegativeLeastSquares;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("slow") // run by .ci/run after mvn -B verify (mvn test -Dgroups=slow -Dnngeom.excludedGroups=)
class ConeColumnGenerationTest {

    static Dataset threeD(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(n, 3);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                x.set(i, k, rng.nextGaussian());
            }
            y.set(i, 0, Math.sin(x.get(i, 0)) * x.get(i, 1) + 0.1 * rng.nextGaussian());
        }
        return Dataset.regression(x, y);
    }

    /**
     * Two independent algorithms for the same restricted program (the same pattern list): column generation with
     * conic pricing and the augmented Lagrangian of {@link ExactProgram}. They agree to 1e-6 relative, and the
     * recovered network's objective equals the finite Lasso's.
     */
    @ParameterizedTest
    @CsvSource({"8, 41, 0.05, true, 30", "12, 42, 0.01, true, 40", "15, 43, 0.02, true, 16", "10, 44, 0.05, false, 30",
        "14, 45, 0.01, false, 40"})
    void agreesWithTheAugmentedLagrangianOnTheSamePatterns(int n, long seed, double beta, boolean bias, int patterns) {
        Dataset data = threeD(n, seed);
        Matrix x = data.x();
        double[] y = data.y().colArray(0);
        // the first patterns of the sampled list: the AL needs minutes on all of them (462 for n = 12)
        List<BitSet> pats = ArrangementPatterns.of(x, bias, patterns, Seeds.child(Seeds.DEFAULT, "patterns")).patterns();
        ConeColumnGeneration.Result cg = ConeColumnGeneration.solve(x, y, beta, bias, pats, 1e-12);
        assertTrue(cg.converged(), "gap " + cg.relativeGap());
        assertEquals(cg.objective(), cg.nnObjective(), 1e-10 * cg.nnObjective());
        assertEquals(cg.nnObjective(), TwoLayer.objective(cg.network(), x, y, beta, PenaltyNorm.L2), 1e-13 * cg.nnObjective());
        assertTrue(cg.lowerBound() <= cg.nnObjective() && cg.relativeGap() <= 1e-10, "gap " + cg.relativeGap());
        ExactProgram.Result al = ExactProgram.solve(x, y, beta, PenaltyNorm.L2, bias, pats, 20_000, 60);
        // both are feasible networks of the same program, above its lower bound
        assertTrue(al.nnObjective() >= cg.lowerBound() * (1 - 1e-9), "AL below the lower bound");
        assertEquals(al.nnObjective(), cg.nnObjective(), 1e-6 * cg.nnObjective());
        if (!bias) {
            for (int j = 0; j < cg.network().layer(0).outputs(); j++) {
                assertEquals(0.0, cg.network().layer(0).b(j), 0.0);
            }
            assertEquals(0.0, cg.network().layer(1).b(0), 0.0);
        }
    }

    /**
     * The pricing value against an independent computation: max σ⟨g, u⟩ over the cone ∩ ball by projected
     * random search can never exceed the certified NNLS bound, and the recovered neuron attains it.
     */
    @Test
    void pricingBoundIsAttainedAndNotExceededBySampledNeurons() {
        Dataset data = threeD(12, 46);
        Matrix x = data.x();
        int n = x.rows();
        double[] theta = data.y().colArray(0);
        double mean = ExactProgram.mean(theta);
        for (int i = 0; i < n; i++) {
            theta[i] -= mean;
        }
        SplittableRandom rng = Seeds.rng(7);
        List<BitSet> pats = ArrangementPatterns.of(x, true, 60, 9).patterns();
        for (BitSet pat : pats) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = pat.get(i) ? 1 : -1;
            }
            boolean all = pat.cardinality() == n;
            for (int sigma : new int[] {1, -1}) {
                ConeColumnGeneration.Priced pr = ConeColumnGeneration.price(x, theta, s, all, true, sigma,
                        new NonNegativeLeastSquares(x.data(), s, 3), null);
                if (pr.bound() <= 1e-12) {
                    continue; // the cone holds no ascent direction: the neuron is arbitrary
                }
                assertTrue(pr.feasible(), "recovered neuron outside its pattern's cone");
                assertEquals(pr.bound(), pr.value(), 1e-10 * (1 + pr.bound()));
                // random feasible unit neurons of this pattern never beat the bound
                for (int rep = 0; rep < 300; rep++) {
                    double[] w = new double[3];
                    double nw = 0;
                    for (int k = 0; k < 3; k++) {
                        w[k] = pr.w()[k] + 0.3 * Seeds.gaussian(rng);
                        nw += w[k] * w[k];
                    }
                    nw = Math.sqrt(nw);
                    double lo = Double.NEGATIVE_INFINITY;
                    double hi = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        double v = -(x.get(i, 0) * w[0] + x.get(i, 1) * w[1] + x.get(i, 2) * w[2]) / nw;
                        if (pat.get(i)) {
                            lo = Math.max(lo, v);
                        } else {
                            hi = Math.min(hi, v);
                        }
                    }
                    if (lo > hi) {
                        continue;
                    }
                    for (double b : new double[] {lo, hi}) {
                        if (Double.isInfinite(b)) {
                            continue;
                        }
                        double val = 0;
                        for (int i = 0; i < n; i++) {
                            double a = (x.get(i, 0) * w[0] + x.get(i, 1) * w[1] + x.get(i, 2) * w[2]) / nw + b;
                            val += theta[i] * Math.max(a, 0);
                        }
                        assertTrue(sigma * val <= pr.bound() * (1 + 1e-10) + 1e-12, "sampled neuron beats the bound");
                    }
                }
            }
        }
    }

    @Test
    void exactInThreeDimensionsUsesConicPricingAndIsDeterministic() {
        Dataset data = threeD(30, 47);
        FitOptions o = FitOptions.defaults(0.01).withMethod(FitOptions.Method.EXACT).withMaxPatterns(400);
        FitResult a = Convex.fit(data, o);
        FitResult b = Convex.fit(data, o);
        assertTrue(a.dictionary().startsWith("column generation with conic pricing"), a.dictionary());
        assertEquals(Exactness.UPPER_BOUND, a.exactness());
        assertTrue(Double.isNaN(a.lowerBound()), "a sampled pattern set bounds nothing below");
        assertTrue(a.dualityGap() <= 1e-10, "restricted gap " + a.dualityGap());
        assertEquals(a.nnObjective(), b.nnObjective(), 0.0);
        assertEquals(a.model().hiddenUnits(), b.model().hiddenUnits());
        assertEquals(a.reason(), b.reason());
    }

    /** Six samples in 3-D have 52 chambers (Cover), all enumerated and verified: the fit is exact with a certified bound. */
    @Test
    void completeSampledPatternsInThreeDimensionsAreExact() {
        Dataset data = threeD(6, 49);
        FitResult r = Convex.fit(data, FitOptions.defaults(0.02).withMethod(FitOptions.Method.EXACT).withTolerance(1e-12));
        assertEquals(Exactness.EXACT, r.exactness(), r.reason());
        assertTrue(r.reason().startsWith("all non-empty arrangement patterns") && r.reason().contains("51 distinct non-empty patterns (51 verified chambers)"), r.reason());
        assertTrue(r.lowerBound() <= r.nnObjective() && r.nnObjective() - r.lowerBound() <= 1e-10 * r.nnObjective());
    }

    /** Above β_max nothing is priced in: the zero network (constant ȳ) is optimal and certified; tiny n works too. */
    @Test
    void largeBetaGivesTheCertifiedZeroNetworkAndTinyDataWork() {
        Dataset data = threeD(7, 50);
        double[] y = data.y().colArray(0);
        double ym = ExactProgram.mean(y);
        double ss = 0;
        for (double v : y) {
            ss += (v - ym) * (v - ym);
        }
        FitResult r = Convex.fit(data, FitOptions.defaults(1e3).withMethod(FitOptions.Method.EXACT));
        assertEquals(0, r.nonzeros());
        assertEquals(0.5 * ss, r.nnObjective(), 1e-12 * ss);
        assertEquals(Exactness.EXACT, r.exactness(), r.reason());
        assertEquals(r.nnObjective(), r.lowerBound(), 1e-12 * ss);
        FitResult tiny = Convex.fit(threeD(3, 51), FitOptions.defaults(1e-3).withMethod(FitOptions.Method.EXACT).withTolerance(1e-12));
        assertEquals(Exactness.EXACT, tiny.exactness(), tiny.reason());
        assertTrue(tiny.nnObjective() - tiny.lowerBound() <= 1e-10 * tiny.nnObjective() + 1e-15);
    }

    /** Complete pattern sets (d ≤ 2 without bias) give a certified optimum with a lower bound. */
    @Test
    void completePatternsWithoutBiasAreExact() {
        Dataset data = ConvexTest.twoD(9, 48);
        FitResult r = Convex.fit(data, FitOptions.defaults(0.02).withBias(false).withMethod(FitOptions.Method.EXACT).withTolerance(1e-12));
        assertEquals(Exactness.EXACT, r.exactness());
        assertTrue(r.lowerBound() <= r.nnObjective() && r.nnObjective() - r.lowerBound() <= 1e-10 * r.nnObjective());
        FitResult al = Convex.exactByAugmentedLagrangian(data, FitOptions.defaults(0.02).withBias(false).withTolerance(1e-12));
        assertTrue(al.nnObjective() >= r.lowerBound() * (1 - 1e-12));
        assertEquals(al.nnObjective(), r.nnObjective(), 1e-6 * r.nnObjective());
    }

    /** --method exact with given gates solves the program over their patterns only: the same as over that pattern list. */
    @Test
    void givenGatesRestrictTheExactProgramToTheirPatterns() {
        Dataset data = threeD(12, 71);
        Matrix gates = WedgeTest.gaussian(4, 30, 72);
        FitResult r = Convex.fit(data, FitOptions.defaults(0.05).withMethod(FitOptions.Method.EXACT).withGates(gates).withTolerance(1e-12));
        assertEquals(Exactness.UPPER_BOUND, r.exactness(), r.reason());
        assertTrue(Double.isNaN(r.lowerBound()));
        List<BitSet> pats = ArrangementPatterns.ofGates(ArrangementPatterns.augmented(data.x(), true), gates);
        ConeColumnGeneration.Result ref = ConeColumnGeneration.solve(data.x(), data.y().colArray(0), 0.05, true, pats, 1e-12);
        assertEquals(ref.nnObjective(), r.nnObjective(), 1e-9 * ref.nnObjective());
        assertTrue(r.reason().contains("30 given gates"), r.reason());
    }

    /** Pricing on two threads gives the same solve, bit for bit, as on one (slots read back in pattern order). */
    @Test
    void twoThreadsGiveTheSameSolveBitForBit() {
        Dataset data = threeD(40, 81);
        List<BitSet> pats = ArrangementPatterns.of(data.x(), true, 300, 82).patterns();
        double[] y = data.y().colArray(0);
        ConeColumnGeneration.Result one = ConeColumnGeneration.solve(data.x(), y, 0.02, true, pats, 1e-10, Budget.NONE, 1);
        ConeColumnGeneration.Result two = ConeColumnGeneration.solve(data.x(), y, 0.02, true, pats, 1e-10, Budget.NONE, 2);
        assertEquals(one.rounds(), two.rounds());
        assertEquals(one.nnObjective(), two.nnObjective(), 0.0);
        assertEquals(one.lowerBound(), two.lowerBound(), 0.0);
        assertTrue(Arrays.equals(one.network().parameters(), two.network().parameters()));
    }
}
