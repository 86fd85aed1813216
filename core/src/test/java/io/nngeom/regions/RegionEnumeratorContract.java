package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Contract every {@link RegionEnumerator} meets; subclasses supply the implementation. */
abstract class RegionEnumeratorContract {

    abstract RegionEnumerator enumerator();

    /** Largest 2-D random net the implementation handles quickly in a unit test. */
    abstract int[] randomSizes();

    @Test
    void everyRegionsAffineMapMatchesTheNetworkAtItsInteriorPoint() {
        Mlp net = Mlp.random(randomSizes(), Activation.RELU, Seeds.rng(11));
        Partition p = enumerator().enumerate(net, Box.cube(2, -2, 2));
        assertThat(p.count()).isGreaterThan(5);
        for (LinearRegion r : p.regions()) {
            double[] y = net.apply(r.interior());
            assertThat(r.evaluate(r.interior())[0]).isCloseTo(y[0], Offset.offset(1e-10));
            assertThat(LinearRegion.key(PwlNet.of(net).pattern(r.interior()))).isEqualTo(r.patternKey());
        }
    }

    @Test
    void patternsAreDistinctAndEverySampledPatternIsFound() {
        Mlp net = Mlp.random(randomSizes(), Activation.RELU, Seeds.rng(12));
        Box box = Box.of2d(-1.5, 2, -1, 1);
        Partition p = enumerator().enumerate(net, box);
        assertThat(p.patternKeys()).hasSize(p.count());
        int[] g = p.gridCheck(net, 200);
        assertThat(g[1]).isZero();
        assertThat(g[0]).isLessThanOrEqualTo(p.count());
    }

    @Test
    void shallowNetWithAllLinesCrossingInsideTheBoxHasTheArrangementCount() {
        int n = 9;
        Mlp net = shallowCrossing(n, Seeds.rng(3));
        Partition p = enumerator().enumerate(net, Box.cube(2, -1, 1));
        assertThat((long) p.count()).isEqualTo(RegionBounds.shallowArrangement(n, 2).longValue()).isEqualTo(1 + n + n * (n - 1) / 2);
    }

    @Test
    void leakyReluRegionsAndMaps() {
        Mlp net = Mlp.random(randomSizes(), Activation.leakyRelu(0.1), Seeds.rng(13));
        Partition p = enumerator().enumerate(net, Box.cube(2, -1, 1));
        for (LinearRegion r : p.regions()) {
            assertThat(r.evaluate(r.interior())[0]).isCloseTo(net.apply(r.interior())[0], Offset.offset(1e-10));
        }
        assertThat(p.gridCheck(net, 150)[1]).isZero();
    }

    @Test
    void rejectsNonPiecewiseLinearActivations() {
        Mlp net = Mlp.random(new int[] {2, 3, 1}, Activation.TANH, Seeds.rng(1));
        Assertions.assertThatThrownBy(() -> enumerator().enumerate(net, Box.cube(2, -1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tanh");
    }

    /**
     * A 2-n-1 ReLU net whose n lines pass within 0.05 of the origin at well separated angles, so (checked by the
     * caller's count) all C(n,2) crossings lie inside [−1, 1]².
     */
    static Mlp shallowCrossing(int n, SplittableRandom rng) {
        double[] w = new double[2 * n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double th = Math.PI * (i + 0.3 * rng.nextDouble()) / n;
            w[2 * i] = Math.cos(th);
            w[2 * i + 1] = Math.sin(th);
            double px = 0.05 * (2 * rng.nextDouble() - 1);
            double py = 0.05 * (2 * rng.nextDouble() - 1);
            b[i] = -(w[2 * i] * px + w[2 * i + 1] * py);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double det = w[2 * i] * w[2 * j + 1] - w[2 * i + 1] * w[2 * j];
                double x = (-b[i] * w[2 * j + 1] + b[j] * w[2 * i + 1]) / det;
                double y = (-w[2 * i] * b[j] + w[2 * j] * b[i]) / det;
                assertThat(Math.max(Math.abs(x), Math.abs(y))).isLessThan(1);
            }
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return new Mlp(List.of(new Layer(new Matrix(n, 2, w), b, Activation.RELU),
                new Layer(new Matrix(1, n, v), new double[] {0.1}, Activation.IDENTITY)));
    }

    static Set<String> keys(Partition p) {
        return new HashSet<>(p.patternKeys());
    }
}
