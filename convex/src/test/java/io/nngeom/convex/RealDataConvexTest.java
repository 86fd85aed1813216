package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.io.RealData;
import io.nngeom.run.Budget;
import io.nngeom.run.InputException;
import io.nngeom.run.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two cases of the convex-honesty issue, on the standardised real data the repository ships: breast cancer
 * (426 × 30) with 20 sampled patterns and no biases, diabetes (342 × 10) at the default method. Neither may be
 * labelled exact nor report a lower bound above a network nngeom itself finds; both finish in bounded time.
 */
@Tag("slow") // run by .ci/run after mvn -B verify (mvn test -Dgroups=slow -Dnngeom.excludedGroups=)
class RealDataConvexTest {
    @Test
    void breastCancerWithTwentyPatternsIsAnUpperBoundWithoutLowerBound() {
        // the 0/1 diagnosis as a real target, as a user regressing on it would
        Dataset data = RealData.load("breast-cancer-train", false);
        double[] y = data.y().colArray(0);
        FitOptions o = FitOptions.defaults(1).withBias(false).withMethod(FitOptions.Method.EXACT).withMaxPatterns(20)
                .withTolerance(1e-5);
        FitResult r = Convex.fit(data, o);
        assertEquals(Exactness.UPPER_BOUND, r.exactness(), r.reason());
        assertTrue(Double.isNaN(r.lowerBound()), "lower bound " + r.lowerBound());
        assertTrue(r.reason().contains("not known to be complete"), r.reason());
        // the Cover bound in the reason is the exact (positive) count, not a wrapped 64-bit number
        assertTrue(r.reason().contains(ArrangementPatterns.coverBound(426, 30, false).toString()), r.reason());
        assertTrue(r.nnObjective() <= 0.5 * dot(y, y) * (1 + 1e-12), "no worse than the zero network");
        // and certify, searching sampled patterns in 30-D, claims no bound either
        Certificate c = Convex.certify(r.model(), data, new CertifyOptions(1, PenaltyNorm.L2, 100, FitOptions.DEFAULT_MAX_COLUMNS,
                CertifyOptions.DEFAULT_MAX_GAP_PERCENT, 1, Budget.NONE));
        assertNotEquals(Certificate.Verdict.OPTIMAL, c.verdict(), c.evidence());
        assertTrue(Double.isNaN(c.lowerBound()));
    }

    @Test
    void diabetesAtTheDefaultMethodIsSizedAndBounded() {
        Dataset data = RealData.load("diabetes-train");
        FitOptions o = FitOptions.defaults(0.342);
        assertEquals(FitOptions.Method.EXACT, Convex.resolve(data.size(), data.inputDim(), o));
        assertTrue(Convex.plan(data.size(), data.inputDim(), o).contains("above the limit 20000000"));
        // the Lasso would enumerate 2 C(342, 10) wedges: refused in one line before any work
        InputException e = assertThrows(InputException.class, () -> Convex.fit(data, o.withMethod(FitOptions.Method.LASSO)));
        assertTrue(e.getMessage().startsWith("--max-columns:"), e.getMessage());
        // the default solve, cut at a deadline, ends with its best network, labelled an upper bound with no lower bound
        List<String> seen = new ArrayList<>();
        Progress p = (step, done, total, status) -> seen.add(step);
        long t0 = System.nanoTime();
        FitResult r = Convex.fit(data, o.withBudget(Budget.of(3, p)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(Exactness.UPPER_BOUND, r.exactness(), r.reason());
        assertTrue(Double.isNaN(r.lowerBound()));
        assertTrue(seconds < 60, "took " + seconds + " s");
        assertTrue(!seen.isEmpty(), "no progress reported");
        double[] y = data.y().colArray(0);
        double zero = 0.5 * dot(y, y) - 0.5 * y.length * Math.pow(mean(y), 2);
        // a deadline may fall before the first priced neuron: the constant network is then the best point
        assertTrue(r.nnObjective() <= zero * (1 + 1e-12), "no worse than the constant network");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
