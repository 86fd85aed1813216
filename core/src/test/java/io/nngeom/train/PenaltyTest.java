package io.nngeom.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.util.List;
import org.junit.jupiter.api.Test;

class PenaltyTest {
    // W1 = [[1, -2], [0, 3]], b1 = [4, -5]; W2 = [[0.5, -1]], b2 = [2]
    static final Mlp NET = new Mlp(List.of(
            new Layer(Matrix.of(new double[] {1, -2}, new double[] {0, 3}), new double[] {4, -5}, Activation.RELU),
            new Layer(Matrix.of(new double[] {0.5, -1}), new double[] {2}, Activation.IDENTITY)));

    @Test
    void l2OnWeightsOnly() {
        // Σw² = 1 + 4 + 0 + 9 + 0.25 + 1 = 15.25
        assertThat(Penalty.l2(0.1).value(NET)).isCloseTo(0.05 * 15.25, within(1e-15));
        // with biases: + 16 + 25 + 4
        assertThat(Penalty.l2(0.1).withBiases(true).value(NET)).isCloseTo(0.05 * 60.25, within(1e-15));
    }

    @Test
    void l1OnWeights() {
        // Σ|w| = 1 + 2 + 0 + 3 + 0.5 + 1 = 7.5
        assertThat(Penalty.l1(0.2).value(NET)).isCloseTo(1.5, within(1e-15));
        assertThat(new Penalty(0, 0.2, true).value(NET)).isCloseTo(0.2 * 18.5, within(1e-15));
    }

    @Test
    void gradientIsL2TimesWPlusL1Sign() {
        ParameterLayout layout = ParameterLayout.of(NET);
        double[] p = NET.parameters();
        double[] g = new double[p.length];
        new Penalty(0.1, 0.2, false).addGradient(p, layout, g);
        // order: W1 (1, -2, 0, 3), b1 (4, -5), W2 (0.5, -1), b2 (2)
        double[] expected = {0.1 + 0.2, -0.2 - 0.2, 0.0, 0.3 + 0.2, 0, 0, 0.05 + 0.2, -0.1 - 0.2, 0};
        for (int k = 0; k < p.length; k++) {
            assertThat(g[k]).as("entry %d", k).isCloseTo(expected[k], within(1e-15));
        }
        // the zero weight (index 2) gets the subgradient 0 exactly
        assertThat(g[2]).isEqualTo(0.0);
    }

    @Test
    void biasesPenalisedWhenAsked() {
        ParameterLayout layout = ParameterLayout.of(NET);
        double[] p = NET.parameters();
        double[] g = new double[p.length];
        Penalty.l2(1.0).withBiases(true).addGradient(p, layout, g);
        assertThat(g).containsExactly(p);
    }

    @Test
    void parseForms() {
        assertThat(Penalty.parse("l2:0.001")).isEqualTo(new Penalty(0.001, 0, false));
        assertThat(Penalty.parse("l2:1e-3,l1:2e-4,biases")).isEqualTo(new Penalty(1e-3, 2e-4, true));
        assertThat(Penalty.parse("none")).isEqualTo(Penalty.NONE);
        assertThat(Penalty.parse(Penalty.parse("l1:0.5,biases").id())).isEqualTo(new Penalty(0, 0.5, true));
        assertThatThrownBy(() -> Penalty.parse("l3:1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("l3");
        assertThatThrownBy(() -> Penalty.parse("l2:x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Penalty.parse("l2:-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Penalty(-1, 0, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
