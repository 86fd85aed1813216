package io.nngeom.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.Sawtooth;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentPartitionTest {

    /** One hidden layer of units relu(x − c_j): the segment [lo, hi] crosses one region per c_j inside it, plus one. */
    @Test
    void shallowUnitsCutAtTheirKinks() {
        double[] c = {-2, -0.5, 0.25, 1, 3};
        Matrix w = Matrix.zeros(c.length, 1);
        double[] b = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            w.set(j, 0, 1);
            b[j] = -c[j];
        }
        Mlp net = new Mlp(List.of(new Layer(w, b, Activation.RELU), new Layer(Matrix.of(new double[] {1, 1, 1, 1, 1}), new double[1], Activation.IDENTITY)));
        assertArrayEquals(new int[] {4}, SegmentPartition.regionsCrossed(net, new double[] {-1}, new double[] {2}));
        assertArrayEquals(new int[] {6}, SegmentPartition.regionsCrossed(net, new double[] {5}, new double[] {-5}));
        double[] t = SegmentPartition.breakpoints(net, new double[] {-1}, new double[] {2});
        assertArrayEquals(new double[] {0, 0.5 / 3, 1.25 / 3, 2.0 / 3, 1}, t, 1e-15);
    }

    /** The deep sawtooth of depth k has 2^ℓ pieces on [0, 1] after ℓ layers (Telgarsky; piecewise theory). */
    @Test
    void deepSawtoothDoublesTheRegionsPerLayer() {
        for (int k = 1; k <= 8; k++) {
            int[] got = SegmentPartition.regionsCrossed(Sawtooth.deep(k).net(), new double[] {0}, new double[] {1});
            int[] want = new int[k];
            for (int l = 0; l < k; l++) {
                want[l] = 1 << (l + 1);
            }
            assertArrayEquals(want, got, "k = " + k);
        }
    }

    /** Against a dense sampling of the segment: the patterns along 200,001 points change exactly at the cuts. */
    @Test
    void agreesWithDenseSamplingOnRandomNetworks() {
        for (int seed = 1; seed <= 5; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            Mlp net = Mlp.random(new int[] {3, 12, 10, 8, 2}, Activation.RELU, rng);
            double[] a = {rng.nextDouble(-2, 2), rng.nextDouble(-2, 2), rng.nextDouble(-2, 2)};
            double[] b = {rng.nextDouble(-2, 2), rng.nextDouble(-2, 2), rng.nextDouble(-2, 2)};
            int[] exact = SegmentPartition.regionsCrossed(net, a, b);
            double[] t = SegmentPartition.breakpoints(net, a, b);
            double minPiece = 1;
            for (int k = 1; k < t.length; k++) {
                minPiece = Math.min(minPiece, t[k] - t[k - 1]);
            }
            int samples = 200_000;
            assertTrue(minPiece > 2.0 / samples, "a piece thinner than the sampling step: choose another seed");
            for (int l = 0; l < exact.length; l++) {
                assertEquals(exact[l], dense(net, a, b, l + 1, samples), "seed " + seed + ", layer " + (l + 1));
            }
        }
    }

    /** Number of runs of equal patterns of layers 1..depth among samples + 1 evenly spaced points of the segment. */
    private static int dense(Mlp net, double[] a, double[] b, int depth, int samples) {
        int runs = 0;
        boolean[] prev = null;
        for (int i = 0; i <= samples; i++) {
            double s = (double) i / samples;
            double[] x = new double[a.length];
            for (int q = 0; q < x.length; q++) {
                x[q] = a[q] + s * (b[q] - a[q]);
            }
            boolean[] p = pattern(net, x, depth);
            if (prev == null || !Arrays.equals(p, prev)) {
                runs++;
            }
            prev = p;
        }
        return runs;
    }

    private static boolean[] pattern(Mlp net, double[] x, int depth) {
        int total = 0;
        for (int l = 0; l < depth; l++) {
            total += net.layer(l).outputs();
        }
        boolean[] p = new boolean[total];
        double[] h = x;
        int o = 0;
        for (int l = 0; l < depth; l++) {
            double[] z = net.layer(l).preActivation(h);
            for (int j = 0; j < z.length; j++) {
                p[o++] = z[j] > 0;
                z[j] = Math.max(0, z[j]);
            }
            h = z;
        }
        return p;
    }
}
