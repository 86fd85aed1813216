package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PatternSearchEnumeratorTest extends RegionEnumeratorContract {

    @Override
    RegionEnumerator enumerator() {
        return new PatternSearchEnumerator();
    }

    @Override
    int[] randomSizes() {
        return new int[] {2, 8, 8, 1};
    }

    @Test
    void agreesExactlyWithThePlanarPartitionOnTwoDimensionalInputs() {
        for (int seed = 0; seed < 4; seed++) {
            Mlp net = Mlp.random(new int[] {2, 7, 6, 5, 2}, seed % 2 == 0 ? Activation.RELU : Activation.leakyRelu(0.2),
                    Seeds.rng(100 + seed));
            Box box = Box.of2d(-2, 2, -1, 2);
            Partition a = new PlanarPartitioner().enumerate(net, box);
            Partition b = new PatternSearchEnumerator().enumerate(net, box);
            assertThat(b.patternKeys()).containsExactlyInAnyOrderElementsOf(a.patternKeys());
            assertThat(b.lpCount()).isPositive();
        }
    }

    @Test
    void threeDimensionalShallowArrangementCount() {
        // generic planes through points near the origin of [−1,1]^3: every triple meets inside, count = Σ_{j≤3} C(N, j)
        int n = 6;
        var rng = Seeds.rng(4);
        double[] w = new double[3 * n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double nr = 0;
            for (int q = 0; q < 3; q++) {
                w[3 * i + q] = Seeds.gaussian(rng);
                nr += w[3 * i + q] * w[3 * i + q];
            }
            nr = Math.sqrt(nr);
            for (int q = 0; q < 3; q++) {
                w[3 * i + q] /= nr;
            }
            b[i] = 0.01 * (2 * rng.nextDouble() - 1);
        }
        Mlp net = new Mlp(List.of(new Layer(new Matrix(n, 3, w), b, Activation.RELU),
                new Layer(new Matrix(1, n, new double[n]), new double[1], Activation.IDENTITY)));
        Partition p = new PatternSearchEnumerator().enumerate(net, Box.cube(3, -1, 1));
        assertThat((long) p.count()).isEqualTo(RegionBounds.shallowArrangement(n, 3).longValue());
        for (LinearRegion r : p.regions()) {
            assertThat(LinearRegion.key(PwlNet.of(net).pattern(r.interior()))).isEqualTo(r.patternKey());
            assertThat(r.radius()).isPositive();
        }
    }

    @Test
    void sliceOfAHigherDimensionalNetwork() {
        Mlp net = Mlp.random(new int[] {4, 6, 6, 1}, Activation.RELU, Seeds.rng(21));
        Slice s = new Slice(new double[] {0.1, 0, -0.2, 0.3}, new double[] {1, 0.5, 0, 0}, new double[] {0, 0, 1, -1});
        Mlp r = s.restrict(net);
        var rng = Seeds.rng(2);
        for (int k = 0; k < 20; k++) {
            double a = 2 * rng.nextDouble() - 1;
            double c = 2 * rng.nextDouble() - 1;
            assertThat(r.apply(new double[] {a, c})[0]).isCloseTo(net.apply(s.point(a, c))[0], Offset.offset(1e-12));
        }
        Partition p1 = new PlanarPartitioner().enumerate(r, Box.cube(2, -1, 1));
        Partition p2 = new PatternSearchEnumerator().enumerate(r, Box.cube(2, -1, 1));
        assertThat(p2.patternKeys()).containsExactlyInAnyOrderElementsOf(p1.patternKeys());
    }

    @Test
    void boundedSearchStopsWithALowerBoundThatTheFullSearchConfirms() {
        Mlp net = Mlp.random(new int[] {4, 10, 10, 1}, Activation.RELU, Seeds.rng(31));
        Box box = Box.cube(4, -1, 1);
        Partition full = new PatternSearchEnumerator().enumerate(net, box);
        assertThat(full.count()).isGreaterThan(40);

        SearchOutcome capped = new PatternSearchEnumerator().search(net, box, new SearchLimits(20, 0, null));
        assertThat(capped.complete()).isFalse();
        assertThat(capped.partition()).isNull();
        assertThat(capped.regionsAtLeast()).isGreaterThan(20).isLessThanOrEqualTo(full.count());
        assertThat(capped.stopReason()).isEqualTo("more than --max-regions 20 regions");

        SearchOutcome timed = new PatternSearchEnumerator().search(net, box, new SearchLimits(0, 1e-9, null));
        assertThat(timed.complete()).isFalse();
        assertThat(timed.stopReason()).startsWith("time limit");
        assertThat(timed.regionsAtLeast()).isBetween(1L, (long) full.count());

        SearchOutcome roomy = new PatternSearchEnumerator().search(net, box, new SearchLimits(full.count(), 600, null));
        assertThat(roomy.complete()).isTrue();
        assertThat(roomy.regionsAtLeast()).isEqualTo(full.count());
        assertThat(roomy.partition().patternKeys()).isEqualTo(full.patternKeys());
    }
}
