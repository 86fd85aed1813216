package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.io.RealData;
import io.nngeom.net.Mlp;
import io.nngeom.run.Budget;
import io.nngeom.run.Progress;
import io.nngeom.run.Seeds;
import org.junit.jupiter.api.Test;

/** The verdicts of {@link Convex#certify}, each checked against an independent quantity. */
class CertifyTest {
    /** An under-trained 10-D network on the shipped diabetes data is not optimal, with a better network as proof. */
    @Test
    void underTrainedTenDimensionalNetworkIsNotOptimal() {
        Dataset data = RealData.load("diabetes-train");
        double beta = 0.342;
        Mlp under = TwoLayer.adam(data, beta, 16, 7, 30, 0.01, 1).model();
        Certificate c = Convex.certify(under, data, new CertifyOptions(beta, PenaltyNorm.L2));
        assertEquals(Certificate.Verdict.NOT_OPTIMAL, c.verdict(), c.evidence());
        assertTrue(c.improvedObjective() < c.nnObjective());
        // the violating neuron, re-evaluated here: |theta'(Xw + b)+| > beta for the centred residual of the model
        double[] f = under.apply(data.x()).colArray(0);
        double[] y = data.y().colArray(0);
        double mean = 0;
        for (int i = 0; i < y.length; i++) {
            mean += (y[i] - f[i]) / y.length;
        }
        double[] v = c.violator();
        double dot = 0;
        for (int i = 0; i < y.length; i++) {
            double a = v[10];
            for (int k = 0; k < 10; k++) {
                a += data.x().get(i, k) * v[k];
            }
            dot += (y[i] - f[i] - mean) * Math.max(a, 0);
        }
        double norm = 0;
        for (int k = 0; k < 10; k++) {
            norm += v[k] * v[k];
        }
        assertEquals(1, Math.sqrt(norm), 1e-12);
        assertTrue(Math.abs(dot) > beta, "violation " + dot);
        assertTrue(Double.isNaN(c.lowerBound()), "no rigorous bound in 10-D with sampled patterns");
    }

    /** The exact 2-D optimum (column generation) is certified optimal by the independent angular sweep. */
    @Test
    void exactTwoDimensionalOptimumIsOptimal() {
        Dataset data = ConvexTest.twoD(30, 5);
        FitResult opt = Convex.fit(data, FitOptions.defaults(0.05).withTolerance(1e-12));
        assertEquals(Exactness.EXACT, opt.exactness());
        Certificate c = Convex.certify(opt.model(), data, new CertifyOptions(0.05, PenaltyNorm.L2));
        assertEquals(Certificate.Verdict.OPTIMAL, c.verdict(), c.evidence());
        assertTrue(c.certified());
        assertTrue(c.gapPercent() <= 1e-6, "gap " + c.gapPercent());
        // the certified lower bound never exceeds the exact program's value
        assertTrue(c.lowerBound() <= opt.nnObjective() * (1 + 1e-12));
    }

    /** In 3-D the complete pattern set makes the certificate rigorous: the exact optimum is optimal, a weak network not. */
    @Test
    void completePatternsCertifyInThreeDimensions() {
        Dataset data = ConeColumnGenerationTest.threeD(8, 61);
        FitResult opt = Convex.fit(data, FitOptions.defaults(0.05).withMethod(FitOptions.Method.EXACT).withTolerance(1e-12));
        assertEquals(Exactness.EXACT, opt.exactness(), opt.reason());
        Certificate c = Convex.certify(opt.model(), data, new CertifyOptions(0.05, PenaltyNorm.L2));
        assertEquals(Certificate.Verdict.OPTIMAL, c.verdict(), c.evidence());
        assertTrue(c.how().startsWith("conic pricing over all arrangement patterns"), c.how());
        Mlp weak = TwoLayer.adam(data, 0.05, 3, 9, 20, 0.01, 1).model();
        Certificate w = Convex.certify(weak, data, new CertifyOptions(0.05, PenaltyNorm.L2));
        assertEquals(Certificate.Verdict.NOT_OPTIMAL, w.verdict(), w.evidence());
        // a rigorous bound of the weak network's residual still lies below the optimum
        assertTrue(w.lowerBound() <= opt.nnObjective() * (1 + 1e-12), w.lowerBound() + " vs " + opt.nnObjective());
    }

    /** A search cut off by the time limit proves nothing beyond what it found: no bound, verdict not optimal. */
    @Test
    void timeLimitGivesNoCertifiedBound() {
        Dataset data = ConeColumnGenerationTest.threeD(8, 61);
        FitResult opt = Convex.fit(data, FitOptions.defaults(0.05).withMethod(FitOptions.Method.EXACT).withTolerance(1e-12));
        CertifyOptions o = new CertifyOptions(0.05, PenaltyNorm.L2, 2000, FitOptions.DEFAULT_MAX_COLUMNS, 0.01, Seeds.DEFAULT,
                new Budget(System.nanoTime() - 1, Progress.NONE));
        Certificate c = Convex.certify(opt.model(), data, o);
        assertNotEquals(Certificate.Verdict.OPTIMAL, c.verdict(), c.evidence());
        assertTrue(Double.isNaN(c.lowerBound()));
    }


    /** The fit's verdict: optimal where its program certifies it, the certificate's search otherwise, none for gated. */
    @Test
    void fitVerdicts() {
        Dataset data = ConvexTest.twoD(30, 5);
        FitOptions o = FitOptions.defaults(0.05).withTolerance(1e-12);
        FitResult exact = Convex.fit(data, o);
        assertEquals(Certificate.Verdict.OPTIMAL, Convex.verdict(data, o, exact).verdict());
        // the sample-wedge Lasso under l2 is an upper bound; the certificate in 2-D decides it exactly
        FitOptions lo = o.withMethod(FitOptions.Method.LASSO);
        FitResult lasso = Convex.fit(data, lo);
        Certificate v = Convex.verdict(data, lo, lasso);
        assertNotEquals(Certificate.Verdict.UNDECIDED, v.verdict(), v.evidence());
        if (v.verdict() == Certificate.Verdict.NOT_OPTIMAL) {
            assertTrue(v.improvedObjective() < lasso.nnObjective());
            assertTrue(exact.nnObjective() <= v.improvedObjective() * (1 + 1e-12));
        }
        FitOptions go = o.withMethod(FitOptions.Method.GATED).withMaxPatterns(20);
        assertEquals(null, Convex.verdict(data, go, Convex.fit(data, go)));
    }
}
