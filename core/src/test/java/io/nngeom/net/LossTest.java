package io.nngeom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import org.junit.jupiter.api.Test;

class LossTest {

    @Test
    void mseIsMeanOfSquaredNorms() {
        Matrix f = Matrix.of(new double[] {1, 2}, new double[] {0, -1});
        Matrix y = Matrix.of(new double[] {0, 0}, new double[] {1, 1});
        // (1 + 4) and (1 + 4): mean 5
        assertThat(Loss.MSE.value(f, y)).isEqualTo(5.0);
        assertThat(Loss.HALF_SSE.value(f, y)).isEqualTo(5.0);
        assertThat(Loss.MSE.value(f, y, new double[] {0.25, 0.75})).isEqualTo(5.0);
        assertThat(Loss.HALF_SSE.value(f, y, new double[] {2, 0})).isEqualTo(5.0);
    }

    @Test
    void crossEntropyMatchesClosedForm() {
        Matrix f = Matrix.of(new double[] {1, 2, 3}, new double[] {0, 0, 0});
        Matrix y = Matrix.of(new double[] {0, 0, 1}, new double[] {1, 0, 0});
        double l1 = -(3 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)));
        double l2 = Math.log(3);
        assertThat(Loss.SOFTMAX_CE.value(f, y)).isCloseTo((l1 + l2) / 2, within(1e-15));
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        Matrix f = Matrix.of(new double[] {1000, -1000, 990});
        Matrix y = Matrix.of(new double[] {0, 0, 1});
        double v = Loss.SOFTMAX_CE.value(f, y);
        // −log softmax_3 = log(1 + e^{10} + e^{−1990}) ≈ 10 + log(1 + e^{−10})
        assertThat(v).isCloseTo(10 + Math.log1p(Math.exp(-10)), within(1e-12));
        double[] g = new double[3];
        Loss.SOFTMAX_CE.example(f.data(), 0, y.data(), 0, 3, 1.0, g, 0);
        assertThat(g[0] + g[1] + g[2]).isCloseTo(0.0, within(1e-15));
        assertThat(g[2]).isCloseTo(-1 + 1 / (1 + Math.exp(10)), within(1e-15));
    }

    @Test
    void exampleGradientsMatchDefinitions() {
        double[] f = {0.5, -1.5};
        double[] y = {1, 1};
        double[] g = new double[2];
        Loss.MSE.example(f, 0, y, 0, 2, 0.5, g, 0);
        assertThat(g).containsExactly(2 * 0.5 * -0.5, 2 * 0.5 * -2.5);
        Loss.HALF_SSE.example(f, 0, y, 0, 2, 1.0, g, 0);
        assertThat(g).containsExactly(-0.5, -2.5);
    }

    @Test
    void parsesNamesAndRejectsUnknown() {
        assertThat(Loss.parse("mse")).isEqualTo(Loss.MSE);
        assertThat(Loss.parse("half-sse")).isEqualTo(Loss.HALF_SSE);
        assertThat(Loss.parse("HALF_SSE")).isEqualTo(Loss.HALF_SSE);
        assertThat(Loss.parse("softmax")).isEqualTo(Loss.SOFTMAX_CE);
        assertThat(Loss.parse("cross-entropy")).isEqualTo(Loss.SOFTMAX_CE);
        for (Loss l : Loss.values()) {
            assertThat(Loss.parse(l.id())).isEqualTo(l);
        }
        assertThatThrownBy(() -> Loss.parse("hinge")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hinge");
    }

    @Test
    void defaultWeights() {
        assertThat(Loss.MSE.defaultWeight(4)).isEqualTo(0.25);
        assertThat(Loss.SOFTMAX_CE.defaultWeight(4)).isEqualTo(0.25);
        assertThat(Loss.HALF_SSE.defaultWeight(4)).isEqualTo(1.0);
    }
}
