package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopulationObjectiveTest {
    private final JointDistribution law = LocalGenerator.standard(2).at(0.2);

    private Mlp net(Activation hidden, Activation out, int outDim, SplittableRandom rng) {
        return new Mlp(List.of(new Layer(Bottleneck.gaussian(3, law.nx(), 0.7, rng), new double[]{0.1, -0.2, 0.3}, hidden),
                new Layer(Bottleneck.gaussian(2, 3, 0.7, rng), new double[]{0.05, -0.1}, Activation.SIGMOID),
                new Layer(Bottleneck.gaussian(outDim, 2, 0.7, rng), Bottleneck.gaussian(1, outDim, 0.3, rng).data(), out)));
    }

    @Test
    void softmaxValueIsTheExpectedCrossEntropy() {
        Mlp n = net(Activation.TANH, Activation.IDENTITY, law.ny(), Seeds.rng(1));
        PopulationObjective o = new PopulationObjective(n, law, LossKind.SOFTMAX, null, null);
        double direct = 0;
        for (int x = 0; x < law.nx(); x++) {
            double[] in = new double[law.nx()];
            in[x] = 1;
            double[] z = n.apply(in);
            double lse = Ops.logSumExp(z);
            for (int y = 0; y < law.ny(); y++) {
                direct += law.prob(x, y) * (lse - z[y]);
            }
        }
        assertThat(o.value(n)).isCloseTo(direct, within(1e-14));
    }

    @Test
    void mseValueIsTheExpectedSquaredError() {
        Matrix e = Bottleneck.gaussian(2, law.ny(), 1, Seeds.rng(8));
        Mlp n = net(Activation.IDENTITY, Activation.SIGMOID, 2, Seeds.rng(2));
        PopulationObjective o = new PopulationObjective(n, law, LossKind.MSE, e, null);
        double direct = 0;
        for (int x = 0; x < law.nx(); x++) {
            double[] in = new double[law.nx()];
            in[x] = 1;
            double[] a = n.apply(in);
            for (int y = 0; y < law.ny(); y++) {
                double sq = 0;
                for (int i = 0; i < 2; i++) {
                    sq += (e.get(i, y) - a[i]) * (e.get(i, y) - a[i]);
                }
                direct += law.prob(x, y) * sq;
            }
        }
        assertThat(o.value(n)).isCloseTo(direct, within(1e-14));
    }

    @Test
    void gradientsMatchCentralDifferences() {
        for (LossKind kind : LossKind.values()) {
            Mlp n = net(Activation.TANH, kind == LossKind.SOFTMAX ? Activation.IDENTITY : Activation.SIGMOID,
                    kind == LossKind.SOFTMAX ? law.ny() : law.ny(), Seeds.rng(3));
            PopulationObjective o = new PopulationObjective(n, law, kind, null, null);
            double[] x = n.parameters();
            double[] g = new double[x.length];
            o.valueAndGradient(x, g);
            double h = 1e-6;
            for (int i = 0; i < x.length; i++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i] += h;
                xm[i] -= h;
                double fd = (o.valueAndGradient(xp, null) - o.valueAndGradient(xm, null)) / (2 * h);
                assertThat(g[i]).as("%s parameter %d", kind, i).isCloseTo(fd, within(1e-8));
            }
        }
    }

    @Test
    void frozenParametersGetZeroGradient() {
        Mlp n = net(Activation.TANH, Activation.IDENTITY, law.ny(), Seeds.rng(4));
        boolean[] mask = Bottleneck.mask(n, Set.of(0, 2), Set.of(0));
        PopulationObjective o = new PopulationObjective(n, law, LossKind.SOFTMAX, null, mask);
        double[] g = new double[o.dimension()];
        o.valueAndGradient(n.parameters(), g);
        int frozen = 0;
        for (int i = 0; i < g.length; i++) {
            if (!mask[i]) {
                frozen++;
                assertThat(g[i]).isZero();
            }
        }
        assertThat(frozen).isEqualTo(3 * law.nx() + 3 + law.ny() * 2);
    }
}
