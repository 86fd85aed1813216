package io.nngeom.minimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShallowTest {

    @Test
    void networkCostEqualsClosedFormAndRespectsBounds() {
        Dataset d = ClusteredData.generate(3, 150, 0.4, 11);
        for (ShallowOptions.Translation t : ShallowOptions.Translation.values()) {
            ShallowResult r = Shallow.build(d, ShallowOptions.defaults().withTranslation(t).withRotationSeed(3L));
            assertEquals(r.closedFormCost(), r.cost(), 1e-12 * r.closedFormCost());
            assertTrue(r.leastSquaresCost() <= r.cost() * (1 + 1e-12));
            assertTrue(r.costSqrt() <= r.bound());
            assertEquals(r.leastSquaresCost(), r.leastSquaresClosedForm(), 1e-10 * r.leastSquaresCost());
        }
    }

    @Test
    void relativeGapShrinksFourfoldPerHalving() {
        double prev = Double.NaN;
        for (double delta : new double[] {0.8, 0.4, 0.2, 0.1}) {
            ShallowResult r = Shallow.build(ClusteredData.generate(3, 300, delta, 5), ShallowOptions.defaults());
            if (!Double.isNaN(prev)) {
                double ratio = prev / r.relativeGap();
                assertTrue(ratio >= 3.5 && ratio <= 4.5, "ratio " + ratio + " at delta " + delta);
            }
            prev = r.relativeGap();
        }
    }

    @Test
    void noiseOrthogonalToTheMeansDoesNotChangeTheCost() {
        int q = 2;
        int m = 4;
        Dataset d = ClusteredData.generate(q, m, 120, 0.3, 9);
        ClusteredData cd = ClusteredData.of(d);
        Matrix xbar = cd.means().transpose();
        Matrix proj = Linalg.mult(xbar, Linalg.pinv(xbar));
        SplittableRandom rng = Seeds.rng(4);
        Matrix x = d.x().copy();
        double[][] add = new double[x.rows()][];
        double[][] mean = new double[q][m];
        for (int r = 0; r < x.rows(); r++) {
            double[] xi = new double[m];
            for (int k = 0; k < m; k++) {
                xi[k] = Seeds.gaussian(rng);
            }
            double[] p = proj.times(xi);
            for (int k = 0; k < m; k++) {
                xi[k] -= p[k];
                mean[d.labels()[r]][k] += xi[k] / cd.counts()[d.labels()[r]];
            }
            add[r] = xi;
        }
        for (int r = 0; r < x.rows(); r++) {
            for (int k = 0; k < m; k++) {
                x.set(r, k, x.get(r, k) + add[r][k] - mean[d.labels()[r]][k]);
            }
        }
        Dataset noisier = Dataset.classification(x, d.labels(), q);
        ShallowResult a = Shallow.build(d, ShallowOptions.defaults());
        ShallowResult b = Shallow.build(noisier, ShallowOptions.defaults());
        assertEquals(a.cost(), b.cost(), 1e-12 * a.cost());
    }
}
