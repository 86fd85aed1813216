package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The warm-started dictionary (rows added one by one by dual simplex) against Hipparchus' simplex from scratch. */
class ChebyshevDictionaryTest {

    @ParameterizedTest(name = "n = {0}")
    @CsvSource({"1", "2", "3", "4", "6", "9", "40"})
    void rowByRowGivesHipparchusRadiusAndAFeasibleCentre(int n) {
        SplittableRandom rng = Seeds.rng(70 + n);
        int checked = 0;
        for (int trial = 0; trial < 150; trial++) {
            double[] c = new double[n];
            for (int q = 0; q < n; q++) {
                c[q] = 0.6 * (2 * rng.nextDouble() - 1);
            }
            double radius = 0.05 + 0.3 * rng.nextDouble();
            ChebyshevDictionary d = ChebyshevDictionary.box(n);
            assertThat(d.radius()).isEqualTo(1.0);
            List<double[]> rows = new ArrayList<>();
            int k = rng.nextInt(3 * n + 1);
            for (int i = 0; i <= k; i++) {
                double[] row = ChebyshevLpTest.row(ChebyshevLpTest.unit(n, rng), c, radius * (1 + rng.nextDouble()));
                assertThat(d.add(row, Double.NEGATIVE_INFINITY)).isEqualTo(ChebyshevDictionary.Status.OPTIMAL);
                rows.add(row);
            }
            double[] extra = ChebyshevLpTest.row(ChebyshevLpTest.unit(n, rng), c, radius * (2 * rng.nextDouble() - 1));
            ChebyshevDictionary child = d.copy();
            ChebyshevDictionary.Status st = child.add(extra, Double.NEGATIVE_INFINITY);
            double[] slow = ChebyshevLpTest.hipparchus(rows, extra, n);
            if (slow == null) {
                continue; // r < −1: Hipparchus' bound; nothing to compare
            }
            assertThat(st).isEqualTo(ChebyshevDictionary.Status.OPTIMAL);
            assertThat(Math.abs(child.radius() - slow[n])).as("trial %d radius", trial).isLessThan(1e-9);
            double[] u = child.center();
            for (double[] g : ChebyshevLpTest.all(rows, extra, n)) {
                double v = child.radius();
                for (int q = 0; q < n; q++) {
                    v += g[q] * u[q];
                }
                assertThat(v).as("trial %d row", trial).isLessThanOrEqualTo(g[n] + 1e-9);
            }
            // stopping early at a threshold above the optimum says BELOW; the parent is untouched by the child
            ChebyshevDictionary again = d.copy();
            assertThat(again.add(extra, slow[n] + 1e-6)).isEqualTo(ChebyshevDictionary.Status.BELOW);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** Cells that do not keep their dictionaries (as in 784-D) find the same regions as those that do and the slow path. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"3-10-10-1", "4-8-8-2", "5-6-6-6-1"})
    void cellsWithoutTheirOwnDictionariesFindTheSameRegions(String arch) {
        int[] sizes = Mlp.parseArchitecture(arch);
        Mlp net = Mlp.random(sizes, Activation.RELU, Seeds.rng(90 + sizes.length));
        Box box = Box.cube(sizes[0], -1.5, 1.5);
        Partition kept = new PatternSearchEnumerator(true, 2).enumerate(net, box);
        Partition rebuilt = new PatternSearchEnumerator(true, 2, 0).enumerate(net, box);
        Partition slow = new PatternSearchEnumerator(false, 1).enumerate(net, box);
        assertThat(rebuilt.patternKeys()).containsExactlyInAnyOrderElementsOf(slow.patternKeys());
        assertThat(kept.patternKeys()).containsExactlyInAnyOrderElementsOf(slow.patternKeys());
        assertThat(rebuilt.count()).isGreaterThan(10);
        PwlNet p = PwlNet.of(net);
        for (LinearRegion r : rebuilt.regions()) {
            assertThat(p.pattern(r.interior())).containsExactly(r.pattern());
            assertThat(r.radius()).isPositive();
        }
    }
}
