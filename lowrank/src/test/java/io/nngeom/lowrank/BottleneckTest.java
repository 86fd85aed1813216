package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import org.junit.jupiter.api.Test;

class BottleneckTest {
    private final LocalGenerator gen = LocalGenerator.standard(17);

    @Test
    void softmaxBottleneckApproachesTheTruncatedSvd() {
        JointDistribution d = gen.at(0.02);
        Bottleneck.Trained t = Bottleneck.train(d, Bottleneck.Options.of(2, LossKind.SOFTMAX, 3).withRestarts(2));
        assertThat(t.converged()).isTrue();
        assertThat(t.gradNorm()).isLessThanOrEqualTo(1e-10);
        BottleneckMetrics m = BottleneckMetrics.of(d, t.model(), t.loss(), 2, LossKind.SOFTMAX, null);
        // O(ε) errors with the digest's constants (M1 ≈ 0.4–0.7 ε, M3 ≈ 0.5–0.7 ε)
        assertThat(m.m1()).isLessThan(0.02);
        assertThat(m.m3()).isLessThan(0.02);
        assertThat(1 - m.m4()).isLessThan(0.02 * 0.02);
        assertThat(Math.abs(m.m5())).isLessThan(0.2);
    }

    @Test
    void mmseBottleneckIsExactReducedRankRegression() {
        JointDistribution d = gen.at(0.3);
        Bottleneck.Trained t = Bottleneck.train(d, Bottleneck.Options.of(2, LossKind.MSE, 3).withRestarts(2));
        BottleneckMetrics m = BottleneckMetrics.of(d, t.model(), t.loss(), 2, LossKind.MSE, null);
        assertThat(Math.abs(m.lossGap())).isLessThan(1e-12);
        assertThat(m.m1()).isLessThan(1e-6);
        assertThat(m.m3()).isLessThan(1e-6);
    }

    @Test
    void sigmoidFeaturesGiveTheSameSubspaceForKEqualsOne() {
        JointDistribution d = gen.at(0.02);
        Bottleneck.Trained t = Bottleneck.train(d, Bottleneck.Options.of(1, LossKind.SOFTMAX, 5).withFeature(Activation.SIGMOID).withRestarts(2));
        BottleneckMetrics m = BottleneckMetrics.of(d, t.model(), t.loss(), 1, LossKind.SOFTMAX, null);
        assertThat(m.m7()).isGreaterThan(0.999);
    }

    @Test
    void trainingIsDeterministicForASeed() {
        JointDistribution d = gen.at(0.1);
        Bottleneck.Trained a = Bottleneck.train(d, Bottleneck.Options.of(2, LossKind.SOFTMAX, 9).withRestarts(2));
        Bottleneck.Trained b = Bottleneck.train(d, Bottleneck.Options.of(2, LossKind.SOFTMAX, 9).withRestarts(2));
        assertThat(a.model().parameters()).containsExactly(b.model().parameters());
        assertThat(a.loss()).isCloseTo(b.loss(), within(0.0));
    }
}
