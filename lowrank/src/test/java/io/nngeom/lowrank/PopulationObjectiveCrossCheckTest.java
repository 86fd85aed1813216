package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.train.Objective;
import org.junit.jupiter.api.Test;

/**
 * The lowrank population objective against the foundation's independent {@link Objective}: the data set of all
 * n_x·n_y cells (one-hot x, label y) with sample weights P(x, y) has the same loss and gradient.
 */
class PopulationObjectiveCrossCheckTest {

    @Test
    void softmaxMatchesTheFoundationObjectiveWithSampleWeights() {
        JointDistribution law = LocalGenerator.standard(6).at(0.15);
        Mlp net = Bottleneck.random(law, Bottleneck.Options.of(2, LossKind.SOFTMAX, 1).withFeature(Activation.TANH), Seeds.rng(3));
        int nx = law.nx();
        int ny = law.ny();
        Matrix x = Matrix.zeros(nx * ny, nx);
        int[] labels = new int[nx * ny];
        double[] w = new double[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int y = 0; y < ny; y++) {
                int r = i * ny + y;
                x.set(r, i, 1);
                labels[r] = y;
                w[r] = law.prob(i, y);
            }
        }
        Dataset cells = Dataset.classification(x, labels, ny);
        Objective foundation = Objective.of(Loss.SOFTMAX_CE).withSampleWeights(w);
        double[] g1 = new double[net.parameterCount()];
        double[] g2 = new double[net.parameterCount()];
        double v1 = new PopulationObjective(net, law, LossKind.SOFTMAX, null, null).valueAndGradient(net.parameters(), g1);
        double v2 = foundation.valueAndGradient(net, cells, g2);
        assertThat(v1).isCloseTo(v2, within(1e-14));
        for (int i = 0; i < g1.length; i++) {
            assertThat(g1[i]).isCloseTo(g2[i], within(1e-14));
        }
    }

    @Test
    void mseMatchesTheFoundationObjectiveWithSampleWeights() {
        JointDistribution law = LocalGenerator.standard(6).at(0.15);
        Matrix e = Bottleneck.gaussian(3, law.ny(), 1, Seeds.rng(9));
        Mlp net = Bottleneck.random(law, Bottleneck.Options.of(2, LossKind.MSE, 1).withEmbedding(e).withFeature(Activation.SIGMOID), Seeds.rng(4));
        int nx = law.nx();
        int ny = law.ny();
        Matrix x = Matrix.zeros(nx * ny, nx);
        Matrix t = Matrix.zeros(nx * ny, 3);
        double[] w = new double[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int y = 0; y < ny; y++) {
                int r = i * ny + y;
                x.set(r, i, 1);
                for (int j = 0; j < 3; j++) {
                    t.set(r, j, e.get(j, y));
                }
                w[r] = law.prob(i, y);
            }
        }
        Objective foundation = Objective.of(Loss.MSE).withSampleWeights(w);
        double[] g1 = new double[net.parameterCount()];
        double[] g2 = new double[net.parameterCount()];
        double v1 = new PopulationObjective(net, law, LossKind.MSE, e, null).valueAndGradient(net.parameters(), g1);
        double v2 = foundation.valueAndGradient(net, Dataset.regression(x, t), g2);
        assertThat(v1).isCloseTo(v2, within(1e-13));
        for (int i = 0; i < g1.length; i++) {
            assertThat(g1[i]).isCloseTo(g2[i], within(1e-13));
        }
    }
}
