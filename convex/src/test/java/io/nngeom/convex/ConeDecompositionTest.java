package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.GatedNetwork;
import io.nngeom.net.Mlp;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConeDecompositionTest {
    static Matrix gaussian(int n, int d, SplittableRandom rng) {
        Matrix x = Matrix.zeros(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i, j, rng.nextGaussian());
            }
        }
        return x;
    }

    static Dataset regression(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix x = gaussian(n, d, rng);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            y.set(i, 0, Math.max(x.get(i, 0) + x.get(i, 1), 0) - Math.max(x.get(i, 2) - 0.5, 0) + 0.1 * rng.nextGaussian());
        }
        return Dataset.regression(x, y);
    }

    /** Each split is v − w = u with v and w in the cone of the pattern, and never worse than the split u + s·g, s·g. */
    @Test
    void splitsLieInTheConeAndBeatTheGateShift() {
        SplittableRandom rng = new SplittableRandom(7);
        Matrix a = ArrangementPatterns.augmented(gaussian(60, 5, rng), true);
        for (int trial = 0; trial < 20; trial++) {
            double[] g = gaussian(1, 6, rng).rowArray(0);
            double[] u = gaussian(1, 6, rng).rowArray(0);
            double[] s = new double[60];
            for (int r = 0; r < 60; r++) {
                s[r] = dot(a.rowArray(r), g) >= 0 ? 1 : -1;
            }
            double[][] vw = ConeDecomposition.split(a, s, u);
            assertNotNull(vw);
            double scale = 0;
            for (int r = 0; r < 60; r++) {
                scale = Math.max(scale, Math.abs(dot(a.rowArray(r), u)));
            }
            for (int j = 0; j < 6; j++) {
                assertEquals(u[j], vw[0][j] - vw[1][j], 1e-12 * (1 + Math.abs(u[j])));
            }
            double shift = 0;
            for (int r = 0; r < 60; r++) {
                assertTrue(s[r] * dot(a.rowArray(r), vw[0]) >= -1e-10 * scale);
                assertTrue(s[r] * dot(a.rowArray(r), vw[1]) >= -1e-10 * scale);
                shift = Math.max(shift, Math.max(0, -s[r] * dot(a.rowArray(r), u)) / Math.abs(dot(a.rowArray(r), g)));
            }
            // v = u + t·g, w = t·g with t = shift lies in the cone too: the least-distance split is not worse
            double sq = 0;
            double sqShift = 0;
            for (int j = 0; j < 6; j++) {
                sq += vw[0][j] * vw[0][j] + vw[1][j] * vw[1][j];
                sqShift += (u[j] + shift * g[j]) * (u[j] + shift * g[j]) + shift * g[j] * shift * g[j];
            }
            assertTrue(sq <= sqShift * (1 + 1e-9), trial + ": " + sq + " > " + sqShift);
        }
    }

    /** A neuron already in its cone is kept whole: v = u, w = 0 (optimal for ‖v‖ + ‖w‖). */
    @Test
    void aNeuronInItsConeIsNotSplit() {
        SplittableRandom rng = new SplittableRandom(8);
        Matrix a = ArrangementPatterns.augmented(gaussian(30, 3, rng), true);
        double[] u = {1, -0.5, 2, 0.3};
        double[] s = new double[30];
        for (int r = 0; r < 30; r++) {
            s[r] = dot(a.rowArray(r), u) >= 0 ? 1 : -1;
        }
        double[][] vw = ConeDecomposition.split(a, s, u);
        assertTrue(Arrays.equals(u, vw[0]));
        assertEquals(0, Arrays.stream(vw[1]).map(Math::abs).sum());
    }

    /**
     * A gated fit on a 10-D regression: the decomposed ReLU network gives the gated predictions on the training data
     * (and on extra inputs given to it), its objective recomputed from the network's weights is the one reported, and
     * it is at least the gated objective (triangle inequality).
     */
    @Test
    void decomposedNetworkReproducesTheGatedOneWhereItWasAskedTo() {
        Dataset train = regression(80, 10, 1);
        Dataset held = regression(40, 10, 2);
        FitOptions o = FitOptions.defaults(0.5).withMethod(FitOptions.Method.GATED).withMaxPatterns(60).withTolerance(1e-9);
        FitResult r = Convex.fit(train, o);
        GatedNetwork g = r.gated();
        ConeDecomposition.Result dec = Convex.decompose(train, held.x(), o, r);
        assertTrue(dec.exact(), "max deviation " + dec.maxDeviation());
        assertEquals(0, dec.failed());
        for (Dataset d : new Dataset[] {train, held}) {
            Matrix fg = g.apply(d.x());
            Matrix fr = dec.network().apply(d.x());
            for (int i = 0; i < d.size(); i++) {
                assertEquals(fg.get(i, 0), fr.get(i, 0), 1e-9 * (1 + fg.maxAbs()));
            }
        }
        Mlp net = dec.network();
        Matrix f = net.apply(train.x());
        double obj = 0;
        for (int i = 0; i < train.size(); i++) {
            obj += 0.5 * Math.pow(f.get(i, 0) - train.y().get(i, 0), 2);
        }
        for (int j = 0; j < net.hiddenUnits(); j++) {
            double t = net.layer(0).b(j) * net.layer(0).b(j);
            for (int p = 0; p < 10; p++) {
                t += net.layer(0).w(j, p) * net.layer(0).w(j, p);
            }
            obj += 0.5 * Math.abs(net.layer(1).w(0, j)) * Math.sqrt(t);
        }
        assertEquals(obj, dec.objective(), 1e-9 * obj);
        assertTrue(dec.objective() >= r.objective() * (1 - 1e-9));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
