package io.nngeom.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.GradientCheck;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    @Test
    void valueIsLossPlusPenalty() {
        GradientCheck.Case c = GradientCheck.randomCase(new int[] {2, 5, 1}, Activation.TANH, Loss.MSE, 20, 1);
        Dataset d = Dataset.regression(c.x(), c.y());
        Objective o = Objective.of(Loss.MSE, new Penalty(0.3, 0.1, true));
        double expected = Loss.MSE.value(c.net().apply(c.x()), c.y()) + o.penalty().value(c.net());
        assertThat(o.value(c.net(), d)).isCloseTo(expected, within(1e-13));
        assertThat(o.loss(c.net(), d)).isCloseTo(Loss.MSE.value(c.net().apply(c.x()), c.y()), within(1e-13));
    }

    @Test
    void penalisedGradientMatchesCentralDifferences() {
        GradientCheck.Case c = GradientCheck.randomCase(new int[] {3, 6, 4, 2}, Activation.RELU, Loss.HALF_SSE, 15, 2);
        Dataset d = Dataset.regression(c.x(), c.y());
        Objective o = Objective.of(Loss.HALF_SSE, new Penalty(0.05, 0.02, true));
        Mlp net = c.net();
        double[] theta = net.parameters();
        double[] g = new double[theta.length];
        Objective.NetworkFunction f = o.function(net, d);
        f.valueAndGradient(theta, g);
        double h = 1e-6;
        double diff = 0;
        double norm = 0;
        for (int k = 0; k < theta.length; k++) {
            assertThat(Math.abs(theta[k])).as("no parameter at the l1 kink").isGreaterThan(10 * h);
            double t = theta[k];
            theta[k] = t + h;
            double fp = f.value(theta);
            theta[k] = t - h;
            double fm = f.value(theta);
            theta[k] = t;
            double fd = (fp - fm) / (2 * h);
            diff += (fd - g[k]) * (fd - g[k]);
            norm += g[k] * g[k];
        }
        assertThat(Math.sqrt(diff / norm)).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void sampleWeightsReplaceUniformWeights() {
        GradientCheck.Case c = GradientCheck.randomCase(new int[] {2, 4, 1}, Activation.SIGMOID, Loss.MSE, 8, 3);
        Dataset d = Dataset.regression(c.x(), c.y());
        int n = d.size();
        double[] uniform = new double[n];
        Arrays.fill(uniform, 1.0 / n);
        Objective a = Objective.of(Loss.MSE);
        Objective b = Objective.of(Loss.MSE).withSampleWeights(uniform);
        assertThat(b.value(c.net(), d)).isCloseTo(a.value(c.net(), d), within(1e-14));
        // HALF_SSE with weights 1/2 equals (N/4)·MSE... check directly: weight only example 0
        double[] w = new double[n];
        w[0] = 2.0;
        Objective e = new Objective(Loss.HALF_SSE, Penalty.NONE, w);
        double f0 = c.net().apply(c.x().rowArray(0))[0] - c.y().get(0, 0);
        assertThat(e.value(c.net(), d)).isCloseTo(f0 * f0, within(1e-14));
    }

    @Test
    void rejectsBadWeights() {
        assertThatThrownBy(() -> new Objective(Loss.MSE, null, new double[] {1, -1})).isInstanceOf(IllegalArgumentException.class);
        GradientCheck.Case c = GradientCheck.randomCase(new int[] {2, 4, 1}, Activation.TANH, Loss.MSE, 8, 3);
        Dataset d = Dataset.regression(c.x(), c.y());
        Objective o = new Objective(Loss.MSE, null, new double[] {1, 2});
        assertThatThrownBy(() -> o.value(c.net(), d)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample weights");
        assertThat(o.penalty()).isEqualTo(Penalty.NONE);
    }

    @Test
    void classificationWithLabels() {
        Matrix x = Matrix.of(new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1});
        Dataset d = Dataset.classification(x, new int[] {0, 1, 2}, 3);
        Mlp net = Mlp.random(new int[] {2, 3}, Activation.IDENTITY, Seeds.rng(4));
        double v = Objective.of(Loss.SOFTMAX_CE).value(net, d);
        double s = 0;
        for (int i = 0; i < 3; i++) {
            double[] f = net.apply(x.rowArray(i));
            double lse = Math.log(Math.exp(f[0]) + Math.exp(f[1]) + Math.exp(f[2]));
            s += lse - f[d.labels()[i]];
        }
        assertThat(v).isCloseTo(s / 3, within(1e-14));
    }
}
