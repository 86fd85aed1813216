package io.nngeom.minimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.optim.LinearProgram;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeparationTest {

    /** The full max-margin LP on every point at once (no cutting planes), as an independent reference. */
    private static double fullLp(Matrix c, Matrix o) {
        int q = c.cols();
        LinearProgram lp = new LinearProgram(q + 2);
        double[] obj = new double[q + 2];
        obj[q + 1] = 1;
        lp.maximize(obj);
        for (int i = 0; i < q; i++) {
            lp.bound(i, -1, 1);
        }
        double[] centre = new double[q];
        for (int r = 0; r < c.rows(); r++) {
            for (int k = 0; k < q; k++) {
                centre[k] += c.get(r, k) / c.rows();
            }
        }
        for (int r = 0; r < o.rows(); r++) {
            double[] row = new double[q + 2];
            for (int k = 0; k < q; k++) {
                row[k] = o.get(r, k) - centre[k];
            }
            row[q] = -1;
            row[q + 1] = -1;
            lp.greaterEq(row, 0);
        }
        for (int r = 0; r < c.rows(); r++) {
            double[] row = new double[q + 2];
            for (int k = 0; k < q; k++) {
                row[k] = -(c.get(r, k) - centre[k]);
            }
            row[q] = 1;
            row[q + 1] = -1;
            lp.greaterEq(row, 0);
        }
        return lp.solve().value();
    }

    private static Matrix cloud(int n, double[] centre, double radius, SplittableRandom rng) {
        Matrix m = Matrix.zeros(n, centre.length);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < centre.length; k++) {
                m.set(r, k, centre[k] + radius * (2 * rng.nextDouble() - 1));
            }
        }
        return m;
    }

    @Test
    void cuttingPlanesReachTheFullLpOptimum() {
        SplittableRandom rng = Seeds.rng(8);
        for (int trial = 0; trial < 5; trial++) {
            Matrix c = cloud(120, new double[] {0, 0, 0}, 1.0, rng);
            Matrix o = cloud(200, new double[] {1.5 + trial * 0.3, 0.5, -0.2}, 1.0, rng);
            Separation.Result s = Separation.maxMargin(c, o);
            assertEquals(fullLp(c, o), s.lpMargin(), 1e-8);
            assertEquals(1.0, Linalg.norm2(s.normal()), 1e-12);
            if (s.lpMargin() > 1e-9) {
                assertTrue(s.gap() > 0);
            }
        }
    }

    @Test
    void overlappingSetsHaveZeroMargin() {
        SplittableRandom rng = Seeds.rng(9);
        Matrix c = cloud(50, new double[] {0, 0}, 1.0, rng);
        Matrix o = cloud(50, new double[] {0.2, 0.1}, 1.0, rng);
        assertTrue(Separation.maxMargin(c, o).lpMargin() <= 1e-9);
    }
}
