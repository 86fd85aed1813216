package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The depth-first, parallel {@link PlanarPartitioner} against the breadth-first one it replaced
 * ({@link ReferencePlanarPartitioner}): the same regions in the same order with bit-identical numbers, on one
 * thread and on two.
 */
class PlanarPartitionerParallelTest {

    @ParameterizedTest(name = "{0}, {1}, seed {2}")
    @CsvSource({"2-1, relu, 1", "2-6-1, relu, 2", "2-16-16-1, relu, 3", "2-12-12-12-3, relu, 4", "2-40-30-1, relu, 5",
            "2-10-10-2, leaky, 6", "2-24-1-8-1, relu, 7"})
    void sameRegionsBitForBitOnOneAndTwoThreads(String arch, String act, long seed) {
        Activation a = act.equals("leaky") ? Activation.leakyRelu(0.1) : Activation.RELU;
        Mlp net = Mlp.random(Mlp.parseArchitecture(arch), a, Seeds.rng(seed));
        Box box = Box.of2d(-2.5, 2, -1.5, 3);
        double thr = 0.01 * seed;
        Partition ref = new ReferencePlanarPartitioner(thr).enumerate(net, box);
        for (int threads : new int[] {1, 2}) {
            Partition p = new PlanarPartitioner(thr, threads).enumerate(net, box);
            assertThat(p.count()).as("%d threads", threads).isEqualTo(ref.count());
            assertThat(p.boundary()).containsExactly(ref.boundary());
            for (int k = 0; k < ref.count(); k++) {
                LinearRegion r = ref.regions().get(k);
                LinearRegion q = p.regions().get(k);
                assertThat(q.pattern()).containsExactly(r.pattern());
                assertThat(q.polygon()).containsExactly(r.polygon());
                assertThat(q.interior()).containsExactly(r.interior());
                assertThat(q.offset()).containsExactly(r.offset());
                assertThat(q.map().data()).containsExactly(r.map().data());
            }
        }
        if (net.layerCount() > 1) {
            assertThat(ref.count()).isGreaterThan(1);
        }
    }
}
