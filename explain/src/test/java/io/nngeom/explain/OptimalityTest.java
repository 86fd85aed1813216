package io.nngeom.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.convex.Convex;
import io.nngeom.convex.Exactness;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimality lens against networks whose status is known independently: the exact convex optimum of a 2-D
 * regression (Convex.fit, proved exact) must be certified optimal, a random network of the same data not optimal.
 */
class OptimalityTest {
    static final double BETA = 0.05;

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
    void theExactConvexOptimumIsOptimalAndARandomNetworkIsNot() {
        Dataset data = twoD(30, 5);
        FitResult opt = Convex.fit(data, FitOptions.defaults(BETA).withTolerance(1e-12));
        assertEquals(Exactness.EXACT, opt.exactness(), opt.reason());
        Optimality o = Explain.run(ExplainOptions.of(opt.model(), data).withBeta(BETA).withSegments(0).withPlanes(0)).optimality();
        assertEquals("optimal", o.verdict(), o.reason());
        // the lens reports the network objective of the convex program's own network
        assertEquals(opt.nnObjective(), o.objective(), 1e-9 * opt.nnObjective());
        assertTrue(o.lowerBound() <= opt.nnObjective() * (1 + 1e-12));
        Mlp random = Mlp.random(new int[] {2, 8, 1}, Activation.RELU, new SplittableRandom(3));
        Optimality r = Explain.run(ExplainOptions.of(random, data).withBeta(BETA).withSegments(0).withPlanes(0)).optimality();
        assertEquals("not-optimal", r.verdict(), r.reason());
        assertTrue(r.objective() > opt.nnObjective());
    }
}
