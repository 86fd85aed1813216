package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class JointDistributionTest {

    @Test
    void countsAreNormalisedAndMarginalsSum() {
        JointDistribution d = JointDistribution.ofTable(Matrix.of(new double[]{1, 3}, new double[]{2, 4}));
        assertThat(d.prob(0, 0)).isEqualTo(0.1);
        assertThat(d.px()).containsExactly(new double[]{0.3, 0.7}, within(1e-15));
        assertThat(d.py()).containsExactly(new double[]{0.4, 0.6}, within(1e-15));
    }

    @Test
    void mutualInformationByHand() {
        // P = [[.4,.1],[.1,.4]]: I = 2·.4 log(.4/.25) + 2·.1 log(.1/.25)
        JointDistribution d = JointDistribution.ofTable(Matrix.of(new double[]{.4, .1}, new double[]{.1, .4}));
        double expected = 0.8 * Math.log(1.6) + 0.2 * Math.log(0.4);
        assertThat(d.mutualInformation()).isCloseTo(expected, within(1e-15));
        assertThat(d.entropyY() - d.conditionalEntropyYgivenX()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void zeroSymbolsAreDroppedWithWarnings() {
        Matrix t = Matrix.of(new double[]{1, 0, 2}, new double[]{0, 0, 0}, new double[]{3, 0, 1});
        JointDistribution d = JointDistribution.ofTable(t, List.of("a", "b", "c"), List.of("u", "v", "w"), "t.csv");
        assertThat(d.nx()).isEqualTo(2);
        assertThat(d.ny()).isEqualTo(2);
        assertThat(d.xNames()).containsExactly("a", "c");
        assertThat(d.yNames()).containsExactly("u", "w");
        assertThat(d.warnings()).hasSize(2).allMatch(w -> w.contains("probability 0") && w.startsWith("t.csv"));
    }

    @Test
    void badTablesAreInputErrors() {
        assertThatThrownBy(() -> JointDistribution.ofTable(Matrix.of(new double[]{1, -1}, new double[]{1, 1})))
                .isInstanceOf(InputException.class).hasMessageContaining("nonnegative");
        assertThatThrownBy(() -> JointDistribution.ofTable(Matrix.of(new double[]{0, 0}, new double[]{0, 0})))
                .isInstanceOf(InputException.class).hasMessageContaining("sums to 0");
        assertThatThrownBy(() -> JointDistribution.ofTable(Matrix.of(new double[]{1, 2})))
                .isInstanceOf(InputException.class).hasMessageContaining("2x2");
        assertThatThrownBy(() -> JointDistribution.ofTable(Matrix.of(new double[]{1, 0}, new double[]{1, 0})))
                .isInstanceOf(InputException.class).hasMessageContaining("fewer than 2");
    }

    @Test
    void empiricalLawConvergesAndIsDeterministic() {
        JointDistribution d = LocalGenerator.standard(7).at(0.2);
        JointDistribution e1 = d.empirical(200_000, Seeds.rng(3));
        JointDistribution e2 = d.empirical(200_000, Seeds.rng(3));
        assertThat(e1.p()).isEqualTo(e2.p());
        // multinomial standard error ≤ sqrt(p(1-p)/n) ≤ 1.2e-3; 5 standard errors
        assertThat(e1.p().minus(d.p()).maxAbs()).isLessThan(5 * Math.sqrt(0.25 / 200_000));
    }
}
