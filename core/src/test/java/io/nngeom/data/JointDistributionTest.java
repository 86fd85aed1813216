package io.nngeom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import org.junit.jupiter.api.Test;

class JointDistributionTest {

    @Test
    void randomTablesAreDistributionsWithPositiveCells() {
        JointDistribution p = JointDistribution.random(8, 6, 42);
        assertThat(p.nx()).isEqualTo(8);
        assertThat(p.ny()).isEqualTo(6);
        double s = 0;
        for (double v : p.table().data()) {
            assertThat(v).isPositive();
            s += v;
        }
        assertThat(s).isCloseTo(1, within(1e-14));
        assertThat(JointDistribution.random(8, 6, 42)).isEqualTo(p);
        assertThat(JointDistribution.random(8, 6, 43)).isNotEqualTo(p);
    }

    @Test
    void marginalsAndConditional() {
        JointDistribution p = JointDistribution.of(Matrix.of(new double[] {0.1, 0.2, 0.0}, new double[] {0.3, 0.0, 0.4}));
        assertThat(p.px()).containsExactly(0.1 + 0.3, 0.2, 0.4);
        assertThat(p.py()[0]).isCloseTo(0.3, within(1e-15));
        assertThat(p.p(2, 1)).isEqualTo(0.4);
        Matrix c = p.conditionalYGivenX();
        assertThat(c.get(0, 0)).isCloseTo(0.25, within(1e-15));
        assertThat(c.get(1, 2)).isEqualTo(1.0);
        assertThatThrownBy(() -> JointDistribution.of(Matrix.of(new double[] {0.5, 0.6}))).hasMessage("probabilities sum to 1.1, not 1");
        assertThatThrownBy(() -> JointDistribution.of(Matrix.of(new double[] {-0.5, 1.5})))
                .hasMessage("probabilities must be finite and >= 0, got -0.5");
    }

    @Test
    void samplingConvergesToTheTableAndNeverHitsEmptyCells() {
        JointDistribution p = JointDistribution.of(Matrix.of(new double[] {0.1, 0.2, 0.0}, new double[] {0.3, 0.0, 0.4}));
        JointDistribution.Samples s = p.sample(200_000, 7);
        JointDistribution e = JointDistribution.empirical(s, 3, 2);
        assertThat(e.p(2, 0)).isZero();
        assertThat(e.p(1, 1)).isZero();
        // E TV ≈ ½ Σ sqrt(2 p(1−p) / (π n)) ≈ 1.5e-3 here; 6e-3 is four times that
        assertThat(e.totalVariation(p)).isLessThan(6e-3);
        assertThat(p.sample(100, 1).x()).isEqualTo(p.sample(100, 1).x());
    }

    @Test
    void empiricalCountsAndDataset() {
        JointDistribution.Samples s = new JointDistribution.Samples(new int[] {0, 1, 1, 2}, new int[] {1, 0, 0, 1});
        JointDistribution e = JointDistribution.empirical(s, 3, 2);
        assertThat(e.table()).isEqualTo(Matrix.of(new double[] {0, 0.5, 0}, new double[] {0.25, 0, 0.25}));
        Dataset d = e.toDataset(s);
        assertThat(d.x()).isEqualTo(Matrix.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 1, 0},
                new double[] {0, 0, 1}));
        assertThat(d.labels()).containsExactly(1, 0, 0, 1);
        assertThat(d.classes()).isEqualTo(2);
    }
}
