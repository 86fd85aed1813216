package io.nngeom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import org.junit.jupiter.api.Test;

class SyntheticTest {

    @Test
    void sameSeedSameDataDifferentSeedDifferentData() {
        assertThat(Synthetic.gaussianClusters(3, 20, 0.3, 1).data().x()).isEqualTo(Synthetic.gaussianClusters(3, 20, 0.3, 1).data().x());
        assertThat(Synthetic.gaussianClusters(3, 20, 0.3, 1).data().x()).isNotEqualTo(Synthetic.gaussianClusters(3, 20, 0.3, 2).data().x());
        assertThat(Synthetic.regression2d("ripple", 50, 0.1, 4).y()).isEqualTo(Synthetic.regression2d("ripple", 50, 0.1, 4).y());
        assertThat(Synthetic.twoSpirals(30, 1.5, 0.05, 9).x()).isEqualTo(Synthetic.twoSpirals(30, 1.5, 0.05, 9).x());
    }

    @Test
    void orthogonalMeansAreEquidistant() {
        Matrix m = Synthetic.orthogonalMeans(4, 6, 5.0, 3);
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                double d2 = 0;
                for (int k = 0; k < 6; k++) {
                    double t = m.get(a, k) - m.get(b, k);
                    d2 += t * t;
                }
                assertThat(Math.sqrt(d2)).isCloseTo(5 * Math.sqrt(2), within(1e-12));
            }
        }
        assertThatThrownBy(() -> Synthetic.orthogonalMeans(4, 3, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ballClustersWithExactMeansRespectTheSpread() {
        Matrix means = Synthetic.orthogonalMeans(3, 3, 5.0, 8);
        Synthetic.Clusters c = Synthetic.clusters(means, new int[] {20, 100, 7}, 0.4, Synthetic.Noise.BALL, true, 5);
        Dataset d = c.data();
        assertThat(d.size()).isEqualTo(127);
        assertThat(d.classes()).isEqualTo(3);
        assertThat(c.maxRadius()).isLessThanOrEqualTo(0.4 * (1 + 1e-12)).isGreaterThan(0.2);
        int row = 0;
        int[] counts = {20, 100, 7};
        for (int j = 0; j < 3; j++) {
            double[] mean = new double[3];
            for (int i = 0; i < counts[j]; i++, row++) {
                assertThat(d.labels()[row]).isEqualTo(j);
                for (int k = 0; k < 3; k++) {
                    mean[k] += d.x().get(row, k) / counts[j];
                }
            }
            for (int k = 0; k < 3; k++) {
                assertThat(mean[k]).isCloseTo(means.get(j, k), within(1e-13 * 10));
            }
        }
    }

    @Test
    void gaussianSpreadIsTheRootMeanSquareRadius() {
        Synthetic.Clusters c = Synthetic.gaussianClusters(4, 5000, 0.25, 12);
        double s2 = 0;
        Dataset d = c.data();
        for (int i = 0; i < d.size(); i++) {
            for (int k = 0; k < 4; k++) {
                double t = d.x().get(i, k) - c.means().get(d.labels()[i], k);
                s2 += t * t;
            }
        }
        // E‖ε‖² = δ²; with 20 000 points the relative standard error of the mean square is about 0.5%
        assertThat(Math.sqrt(s2 / d.size())).isCloseTo(0.25, within(0.25 * 0.02));
        assertThat(d.y().rowArray(0)).containsExactly(1, 0, 0, 0);
    }

    @Test
    void regressionFunctionsHaveTheirClosedForms() {
        assertThat(Synthetic.function("sawtooth", 1).value(0.5)).isEqualTo(1.0);
        assertThat(Synthetic.function("sawtooth", 1).value(-0.5)).isEqualTo(-1.0);
        assertThat(Synthetic.function("sawtooth", 1).value(0.25)).isEqualTo(0.5);
        assertThat(Synthetic.function("SIN", 1).value(0.5)).isEqualTo(1.0);
        assertThat(Synthetic.function("pyramid", 2).value(0.5, -0.25)).isEqualTo(0.5);
        assertThat(Synthetic.function("pyramid", 2).piecewiseLinear()).isTrue();
        assertThat(Synthetic.function("ripple", 2).piecewiseLinear()).isFalse();
        assertThatThrownBy(() -> Synthetic.function("wave", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown 1-D function 'wave' (expected sin, abs, sawtooth, cubic, bump, step)");
    }

    @Test
    void noiselessRegressionIsTheFunctionAndNoiseHasItsStandardDeviation() {
        Dataset clean = Synthetic.regression2d("saddle", 200, 0, 3);
        for (int i = 0; i < clean.size(); i++) {
            double x1 = clean.x().get(i, 0);
            double x2 = clean.x().get(i, 1);
            assertThat(Math.abs(x1)).isLessThanOrEqualTo(1);
            assertThat(clean.y().get(i, 0)).isEqualTo(x1 * x2);
        }
        Dataset noisy = Synthetic.regression1d("abs", 40000, 0.1, 3);
        double s2 = 0;
        for (int i = 0; i < noisy.size(); i++) {
            double e = noisy.y().get(i, 0) - Math.abs(noisy.x().get(i, 0));
            s2 += e * e;
        }
        assertThat(Math.sqrt(s2 / noisy.size())).isCloseTo(0.1, within(0.002));
        Dataset grid = Synthetic.grid1d("cubic", 5);
        assertThat(grid.x().colArray(0)).containsExactly(-1, -0.5, 0, 0.5, 1);
        assertThat(grid.y().get(4, 0)).isEqualTo(0.5);
    }

    @Test
    void spiralsLieOnTheirCurves() {
        double turns = 1.75;
        Dataset s = Synthetic.twoSpirals(100, turns, 0, 6);
        assertThat(s.size()).isEqualTo(200);
        for (int i = 0; i < s.size(); i++) {
            double x = s.x().get(i, 0);
            double y = s.x().get(i, 1);
            double r = Math.hypot(x, y);
            assertThat(r).isGreaterThan(0).isLessThanOrEqualTo(1 + 1e-15);
            double expected = 2 * Math.PI * turns * r + s.labels()[i] * Math.PI;
            double diff = Math.IEEEremainder(Math.atan2(y, x) - expected, 2 * Math.PI);
            assertThat(Math.abs(diff)).isLessThan(1e-9);
        }
        assertThat(s.labels()[0]).isZero();
        assertThat(s.labels()[199]).isEqualTo(1);
    }
}
