package io.nngeom.minimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import org.junit.jupiter.api.Test;

class ClusteredDataTest {

    @Test
    void generatorHasExactMeansAndBoundedNoise() {
        Dataset d = ClusteredData.generate(3, 301, 0.5, 3);
        ClusteredData cd = ClusteredData.of(d);
        assertEquals(3, cd.classes());
        assertEquals(301, cd.size());
        assertEquals(101, cd.counts()[0]);
        // means are 5·R e_j + t: pairwise distance 5√2
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < a; b++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    double v = cd.means().get(a, k) - cd.means().get(b, k);
                    s += v * v;
                }
                assertEquals(5 * Math.sqrt(2), Math.sqrt(s), 1e-12);
            }
        }
        assertTrue(cd.delta() <= 1.0 && cd.delta() > 0.3, "delta " + cd.delta());
        // M = Q and independent means: P = I, so δ_P = δ
        assertEquals(cd.delta(), cd.deltaP(), 1e-12);
        // equilateral triangle of side 5√2: ρ = height = 5√2·√3/2
        assertEquals(5 * Math.sqrt(2) * Math.sqrt(3) / 2, cd.meanSeparation(), 1e-10);
    }

    @Test
    void noiseIsLinearInDelta() {
        ClusteredData a = ClusteredData.of(ClusteredData.generate(2, 50, 0.2, 9));
        ClusteredData b = ClusteredData.of(ClusteredData.generate(2, 50, 0.4, 9));
        Matrix da = a.deviations();
        Matrix db = b.deviations();
        assertTrue(da.scale(2).minus(db).maxAbs() < 1e-12);
        assertEquals(2 * a.delta(), b.delta(), 1e-12);
    }

    @Test
    void deltaPIgnoresNoiseOrthogonalToTheMeans() {
        // two classes in R^3 with means on the x-axis plane span{e1, e2}; noise only along e3
        Matrix x = Matrix.of(new double[] {1, 0, 0.3}, new double[] {1, 0, -0.3}, new double[] {0, 1, 0.1},
                new double[] {0, 1, -0.1});
        ClusteredData cd = ClusteredData.of(Dataset.classification(x, new int[] {0, 0, 1, 1}, 2));
        assertEquals(0.3, cd.delta(), 1e-15);
        assertEquals(0, cd.deltaP(), 1e-15);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(InputException.class, () -> ClusteredData.generate(0, 10, 0.1, 1));
        assertThrows(InputException.class, () -> ClusteredData.generate(3, 2, 0.1, 1));
        assertThrows(InputException.class, () -> ClusteredData.generate(3, 30, -1, 1));
        Matrix x = Matrix.of(new double[] {1}, new double[] {2});
        assertThrows(InputException.class, () -> ClusteredData.of(Dataset.regression(x, x)));
        assertThrows(InputException.class, () -> ClusteredData.of(Dataset.classification(x, new int[] {0, 0}, 2)));
    }
}
