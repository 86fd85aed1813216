package io.nngeom.convex;

import io.nngeom.data.Dataset;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() {
        for (long seed = 1; seed <= 4; seed++) {
            Dataset d = ConvexTest.twoD(10, seed);
            for (double beta : new double[] {0.01, 0.1}) {
                FitResult l = Convex.fit(d, FitOptions.defaults(beta).withMethod(FitOptions.Method.LASSO));
                FitResult e = Convex.fit(d, FitOptions.defaults(beta).withMethod(FitOptions.Method.EXACT));
                System.err.printf("seed %d beta %g lasso %.10g exact %.10g lb %.10g rel %.4f%% %.1fs%n", seed, beta, l.nnObjective(), e.nnObjective(), e.lowerBound(),
                    100 * (l.nnObjective() - e.nnObjective()) / e.nnObjective(), e.run().seconds());
            }
        }
    }
}
