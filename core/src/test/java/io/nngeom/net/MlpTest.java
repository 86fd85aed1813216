package io.nngeom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpTest {
    @Test
    void forwardOfHandBuiltReluNetwork() {
        // f(x) = relu(x1 - x2) + 2 relu(x2) - 1
        Layer hidden = new Layer(Matrix.of(new double[]{1, -1}, new double[]{0, 1}), new double[]{0, 0}, Activation.RELU);
        Layer out = new Layer(Matrix.of(new double[]{1, 2}), new double[]{-1}, Activation.IDENTITY);
        Mlp f = new Mlp(List.of(hidden, out));
        assertThat(f.apply(new double[]{3, 1})[0]).isEqualTo(2 + 2 - 1);
        assertThat(f.apply(new double[]{-1, -2})[0]).isEqualTo(1 + 0 - 1);
        Matrix batch = Matrix.of(new double[]{3, 1}, new double[]{-1, -2});
        assertThat(f.apply(batch).data()).containsExactly(3, 0);
        ForwardTrace t = f.trace(batch);
        assertThat(t.pattern(0, 0)).containsExactly(true, true);
        assertThat(t.pattern(0, 1)).containsExactly(true, false);
        assertThat(t.fullPattern(1)).containsExactly(true, false);
        assertThat(t.output().data()).containsExactly(3, 0);
    }

    @Test
    void parametersRoundTripInPyTorchOrder() {
        Mlp m = Mlp.random(new int[]{3, 4, 2}, Activation.TANH, Seeds.rng(5));
        double[] p = m.parameters();
        assertThat(p).hasSize(3 * 4 + 4 + 4 * 2 + 2);
        assertThat(p[0]).isEqualTo(m.layer(0).w(0, 0));
        assertThat(p[12]).isEqualTo(m.layer(0).b(0));
        assertThat(m.withParameters(p)).isEqualTo(m);
        assertThat(m.architecture()).isEqualTo("3-4-2");
        assertThat(m.hiddenUnits()).isEqualTo(4);
    }

    @Test
    void sameSeedGivesIdenticalNetworkAndInitIsBounded() {
        Mlp a = Mlp.random(new int[]{4, 8, 1}, Activation.RELU, Seeds.rng(9));
        Mlp b = Mlp.random(new int[]{4, 8, 1}, Activation.RELU, Seeds.rng(9));
        assertThat(a).isEqualTo(b);
        assertThat(a.layer(0).weight().maxAbs()).isLessThanOrEqualTo(0.5);
        assertThat(a.layer(1).activation()).isEqualTo(Activation.IDENTITY);
    }

    @Test
    void rejectsMismatchedLayersAndBadArchitectures() {
        Layer l1 = new Layer(Matrix.zeros(3, 2), new double[3], Activation.RELU);
        Layer l2 = new Layer(Matrix.zeros(1, 4), new double[1], Activation.IDENTITY);
        assertThatThrownBy(() -> new Mlp(List.of(l1, l2))).hasMessageContaining("takes 4 inputs");
        assertThatThrownBy(() -> Mlp.parseArchitecture("2-0-1")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Mlp.parseArchitecture("2-x-1")).hasMessageContaining("not a whole number");
        assertThat(Mlp.parseArchitecture("2-64-64-1")).containsExactly(2, 64, 64, 1);
    }

    @Test
    void activationsAndDerivativesAgreeWithClosedForms() {
        assertThat(Activation.parse("leaky-relu:0.2").apply(-1)).isCloseTo(-0.2, within(1e-15));
        assertThat(Activation.SOFTPLUS.apply(0)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(Activation.SOFTPLUS.apply(800)).isEqualTo(800.0);
        assertThat(Activation.SIGMOID.apply(-800)).isGreaterThanOrEqualTo(0.0);
        for (Activation a : new Activation[]{Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS,
            Activation.leakyRelu(0.1), Activation.RELU, Activation.IDENTITY}) {
            for (double z : new double[]{-2.3, -0.4, 0.7, 1.9}) {
                double h = 1e-6;
                double fd = (a.apply(z + h) - a.apply(z - h)) / (2 * h);
                assertThat(a.derivative(z)).as(a.id() + " at " + z).isCloseTo(fd, within(1e-8));
            }
            assertThat(Activation.parse(a.id())).isEqualTo(a);
        }
        assertThatThrownBy(() -> Activation.parse("swish")).hasMessageContaining("unknown activation 'swish'");
    }
}
