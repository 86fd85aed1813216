package io.nngeom.minimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TruncationTest {

    private static Matrix randomInvertible(int q, SplittableRandom rng) {
        Matrix a = Matrix.zeros(q, q);
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < q; k++) {
                a.set(i, k, Seeds.gaussian(rng) + (i == k ? 2 : 0));
            }
        }
        return a;
    }

    @Test
    void identityOnConeAndCollapseOnOppositeCone() {
        SplittableRandom rng = Seeds.rng(1);
        int q = 3;
        Matrix a = randomInvertible(q, rng);
        double[] p = {0.5, -1, 2};
        Truncation t = Truncation.withApex(a, p);
        assertArrayEquals(p, t.apex(), 1e-12);
        Matrix rays = t.coneRays();
        int inside = 0;
        for (int trial = 0; trial < 200; trial++) {
            // a random non-negative combination of the extreme rays lies in K
            double[] v = new double[q];
            for (int i = 0; i < q; i++) {
                double w = rng.nextDouble() * 3;
                for (int k = 0; k < q; k++) {
                    v[k] += w * rays.get(i, k);
                }
            }
            double[] plus = new double[q];
            double[] minus = new double[q];
            for (int k = 0; k < q; k++) {
                plus[k] = p[k] + v[k];
                minus[k] = p[k] - v[k];
            }
            assertTrue(t.inCone(plus));
            assertArrayEquals(plus, t.apply(plus), 1e-12);
            assertTrue(t.inOppositeCone(minus));
            assertArrayEquals(p, t.apply(minus), 1e-12);
            inside++;
        }
        assertEquals(200, inside);
    }

    @Test
    void elsewhereZeroesNegativeConeCoordinates() {
        SplittableRandom rng = Seeds.rng(2);
        int q = 4;
        Matrix a = randomInvertible(q, rng);
        double[] p = {1, 2, 3, 4};
        Truncation t = Truncation.withApex(a, p);
        for (int trial = 0; trial < 50; trial++) {
            double[] z = new double[q];
            for (int k = 0; k < q; k++) {
                z[k] = p[k] + 3 * Seeds.gaussian(rng);
            }
            double[] y = t.apply(z);
            double[] az = a.times(minus(z, p));
            double[] ay = a.times(minus(y, p));
            for (int i = 0; i < q; i++) {
                assertEquals(Math.max(az[i], 0), ay[i], 1e-10);
            }
            // τ is idempotent: a projection onto p + K
            assertArrayEquals(y, t.apply(y), 1e-10);
        }
    }

    @Test
    void batchAndSinglePointAgree() {
        SplittableRandom rng = Seeds.rng(3);
        Matrix a = randomInvertible(3, rng);
        Truncation t = new Truncation(a, new double[] {0.3, -0.2, 0.1});
        Matrix z = Matrix.zeros(10, 3);
        for (int r = 0; r < 10; r++) {
            for (int k = 0; k < 3; k++) {
                z.set(r, k, Seeds.gaussian(rng));
            }
        }
        Matrix b = t.apply(z);
        for (int r = 0; r < 10; r++) {
            assertArrayEquals(t.apply(z.rowArray(r)), b.rowArray(r), 1e-13);
        }
    }

    @Test
    void cumulativeParametersRoundTripAndOutputInInputSpace() {
        SplittableRandom rng = Seeds.rng(4);
        int q = 3;
        Mlp net = Mlp.random(new int[] {q, q, q, q, 2}, Activation.RELU, rng);
        CumulativeParameters cp = CumulativeParameters.of(net);
        Mlp back = cp.toMlp();
        assertArrayEquals(net.parameters(), back.parameters(), 1e-10);
        Matrix x = Matrix.zeros(40, q);
        for (int r = 0; r < 40; r++) {
            for (int k = 0; k < q; k++) {
                x.set(r, k, 2 * Seeds.gaussian(rng));
            }
        }
        Matrix direct = net.apply(x);
        Matrix viaCurated = cp.output(x);
        assertTrue(direct.minus(viaCurated).maxAbs() <= 1e-10 * (1 + direct.maxAbs()));
        // hidden activations are A_ℓ z_ℓ + c_ℓ
        var trace = net.trace(x);
        var zs = cp.curated(x);
        for (int l = 1; l <= 3; l++) {
            Truncation t = cp.hidden().get(l - 1);
            Matrix act = Linalg.multTransB(zs.get(l), t.a());
            double[] c = t.c();
            for (int r = 0; r < 40; r++) {
                for (int i = 0; i < q; i++) {
                    assertEquals(trace.activations().get(l).get(r, i), act.get(r, i) + c[i], 1e-10);
                }
            }
        }
    }

    private static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }
}
