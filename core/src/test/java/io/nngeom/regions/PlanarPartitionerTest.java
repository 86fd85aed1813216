package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class PlanarPartitionerTest extends RegionEnumeratorContract {

    @Override
    RegionEnumerator enumerator() {
        return new PlanarPartitioner();
    }

    @Override
    int[] randomSizes() {
        return new int[] {2, 12, 12, 1};
    }

    @Test
    void polygonsTileTheBox() {
        Mlp net = Mlp.random(new int[] {2, 16, 16, 1}, Activation.RELU, Seeds.rng(5));
        Box box = Box.of2d(-2, 1, -1, 3);
        Partition p = new PlanarPartitioner().enumerate(net, box);
        double area = 0;
        for (LinearRegion r : p.regions()) {
            assertThat(r.area()).isPositive();
            area += r.area();
        }
        assertThat(area).isCloseTo(box.volume(), within(1e-9));
    }

    @Test
    void decisionBoundaryLiesOnTheZeroSetAndMatchesSignChanges() {
        Mlp net = Mlp.random(new int[] {2, 10, 10, 1}, Activation.RELU, Seeds.rng(6));
        double thr = net.apply(new double[] {0.3, -0.2})[0];
        Partition p = new PlanarPartitioner(thr).enumerate(net, Box.cube(2, -3, 3));
        double[] s = p.boundary();
        assertThat(s.length).isPositive();
        for (int k = 0; k < s.length; k += 4) {
            for (double t : new double[] {0, 0.5, 1}) {
                double[] x = {s[k] + t * (s[k + 2] - s[k]), s[k + 1] + t * (s[k + 3] - s[k + 1])};
                assertThat(net.apply(x)[0]).isCloseTo(thr, within(1e-9));
            }
        }
    }

    @Test
    void argmaxBoundaryForSeveralOutputs() {
        Mlp net = Mlp.random(new int[] {2, 8, 8, 3}, Activation.RELU, Seeds.rng(7));
        Partition p = new PlanarPartitioner().enumerate(net, Box.cube(2, -3, 3));
        double[] s = p.boundary();
        for (int k = 0; k < s.length; k += 4) {
            double[] x = {0.5 * (s[k] + s[k + 2]), 0.5 * (s[k + 1] + s[k + 3])};
            double[] y = net.apply(x);
            double[] sorted = y.clone();
            Arrays.sort(sorted);
            assertThat(sorted[2] - sorted[1]).isLessThan(1e-9);
        }
    }

    @Test
    void trainedSizeNetIsFast() {
        Mlp net = Mlp.random(new int[] {2, 32, 32, 1}, Activation.RELU, Seeds.rng(8));
        new PlanarPartitioner().enumerate(net, Box.cube(2, -3, 3));
        Partition p = new PlanarPartitioner().enumerate(net, Box.cube(2, -3, 3));
        assertThat(p.seconds()).isLessThan(2.0);
        assertThat(p.gridCheck(net, 300)[1]).isZero();
    }

    @Test
    void rejectsHigherDimensionalInput() {
        Mlp net = Mlp.random(new int[] {3, 4, 1}, Activation.RELU, Seeds.rng(1));
        Assertions.assertThatThrownBy(() -> new PlanarPartitioner().enumerate(net, Box.cube(3, -1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void svgDrawsEveryRegion() {
        Mlp net = Mlp.random(new int[] {2, 6, 1}, Activation.RELU, Seeds.rng(9));
        Partition p = new PlanarPartitioner().enumerate(net, Box.cube(2, -1, 1));
        String svg = PartitionSvg.svg(p, "test");
        assertThat(svg).startsWith("<svg").contains("</svg>");
        assertThat(svg.split("<polygon", -1).length - 1).isEqualTo(p.count());
    }

    @Test
    void inradiusOfSquareAndTriangle() {
        assertThat(Polygons.inradius(new double[] {0, 0, 2, 0, 2, 2, 0, 2}, 4)).isCloseTo(1, within(1e-9));
        // 3-4-5 right triangle: r = (3 + 4 − 5)/2 = 1
        assertThat(Polygons.inradius(new double[] {0, 0, 4, 0, 0, 3}, 3)).isCloseTo(1, within(1e-9));
    }

    @Test
    void nearlyConcurrentLinesAgreeWithTheLpSearch() {
        // the shallow net (seed e10, N = 20) where a 1.5e-13-area triangle once split the two enumerators
        for (int seed = 0; seed < 6; seed++) {
            Mlp net = RegionEnumeratorContract.shallowCrossing(20, Seeds.rng(1000 + seed));
            Box box = Box.cube(2, -1, 1);
            Partition a = new PlanarPartitioner().enumerate(net, box);
            Partition b = new PatternSearchEnumerator().enumerate(net, box);
            assertThat(b.patternKeys()).containsExactlyInAnyOrderElementsOf(a.patternKeys());
        }
    }
}
