package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The depth-first, parallel {@link PlanarPartitioner} against the breadth-first one it replaced
 * ({@link ReferencePlanarPartitioner}): the same regions (activation patterns) in the same order, on one thread
 * and on two, bit-identical between the thread counts. The numbers differ from the reference by rounding only:
 * the lines of a piece are updated from its previous sibling's (at most {@link PlanarPartitioner#CHUNK} updates
 * in a row at the first layer, each adding width-many products), so each line coefficient carries at most a few
 * hundred ulps of the terms' size (≈ 1e-13 here, weights and box of order 1); vertices, maps and centroids are
 * then compared to 1e-9, far below any structural difference (a wrong pattern changes a map by order 1).
 * 2-96-96-1 has 3,155 first-layer pieces: 13 chunks visited in Hilbert order and put back in the cut's order.
 */
class PlanarPartitionerParallelTest {

    @ParameterizedTest(name = "{0}, {1}, seed {2}")
    @CsvSource({"2-1, relu, 1", "2-6-1, relu, 2", "2-16-16-1, relu, 3", "2-12-12-12-3, relu, 4", "2-40-30-1, relu, 5",
            "2-10-10-2, leaky, 6", "2-24-1-8-1, relu, 7", "2-64-64-1, relu, 8", "2-32-32-32-1, relu, 9",
            "2-96-96-1, relu, 10"})
    void sameRegionsBitForBitOnOneAndTwoThreads(String arch, String act, long seed) {
        Activation a = act.equals("leaky") ? Activation.leakyRelu(0.1) : Activation.RELU;
        Mlp net = Mlp.random(Mlp.parseArchitecture(arch), a, Seeds.rng(seed));
        Box box = Box.of2d(-2.5, 2, -1.5, 3);
        double thr = 0.01 * seed;
        Partition ref = new ReferencePlanarPartitioner(thr).enumerate(net, box);
        Partition one = new PlanarPartitioner(thr, 1).enumerate(net, box);
        Partition two = new PlanarPartitioner(thr, 2).enumerate(net, box);
        assertThat(one.count()).isEqualTo(ref.count());
        assertThat(two.count()).isEqualTo(ref.count());
        assertThat(two.boundary()).containsExactly(one.boundary());
        assertThat(one.boundary().length).isEqualTo(ref.boundary().length);
        assertClose(one.boundary(), ref.boundary());
        for (int k = 0; k < ref.count(); k++) {
            LinearRegion r = ref.regions().get(k);
            LinearRegion q = one.regions().get(k);
            LinearRegion t = two.regions().get(k);
            assertThat(q.pattern()).containsExactly(r.pattern());
            assertThat(t.pattern()).containsExactly(r.pattern());
            assertThat(t.polygon()).containsExactly(q.polygon());
            assertThat(t.interior()).containsExactly(q.interior());
            assertThat(t.offset()).containsExactly(q.offset());
            assertThat(t.map().data()).containsExactly(q.map().data());
            assertClose(q.polygon(), r.polygon());
            assertClose(q.interior(), r.interior());
            assertClose(q.offset(), r.offset());
            assertClose(q.map().data(), r.map().data());
        }
        if (net.layerCount() > 1) {
            assertThat(ref.count()).isGreaterThan(1);
        }
    }

    static void assertClose(double[] actual, double[] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int k = 0; k < actual.length; k++) {
            assertThat(Math.abs(actual[k] - expected[k])).as("entry %d", k).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(expected[k])));
        }
    }
}
