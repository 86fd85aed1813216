package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.io.ModelIo;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.solvers.CoordinateDescentLasso;
import io.nngeom.solvers.FistaLasso;
import io.nngeom.solvers.LassoOptions;
import io.nngeom.solvers.LassoProblem;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepNarrowTest {
    @TempDir
    Path dir;

    @Test
    void recoveredNetworkHasTheLassoObjectiveAlsoAfterWritingAndReading() {
        Dataset data = ConvexTest.oneD(9, 3);
        double[] y = data.y().colArray(0);
        for (int depth = 3; depth <= 4; depth++) {
            for (double beta : new double[] {0.02, 0.3}) {
                FitResult r = Convex.fit(data, FitOptions.defaults(beta).withDepth(depth).withTolerance(1e-12));
                assertEquals(Exactness.EXACT, r.exactness());
                assertEquals(depth, r.model().layerCount());
                DeepNarrow.check(r.model());
                assertEquals(r.objective(), r.nnObjective(), 1e-10 * r.objective());
                assertTrue(r.dualityGap() <= 1e-10);
                assertTrue(r.lowerBound() <= r.objective() && r.lowerBound() >= r.objective() * (1 - 1e-9));
                for (String ext : new String[] {".json", ".safetensors"}) {
                    Path f = dir.resolve("m" + depth + beta + ext);
                    ModelIo.write(r.model(), f);
                    Mlp back = ModelIo.read(f);
                    assertEquals(r.objective(), DeepNarrow.objective(back, data.x(), y, beta), 1e-10 * r.objective());
                }
            }
        }
    }

    @Test
    void coordinateDescentFistaAndTheFitAgreeOnTheDeepDictionary() {
        Dataset data = ConvexTest.oneD(7, 21);
        double[] y = data.y().colArray(0);
        for (int depth = 3; depth <= 4; depth++) {
            DeepDictionary dict = DeepDictionary.of(data.x(), depth);
            var problem = new LassoProblem(dict, y, 0.05, true);
            var opts = LassoOptions.defaults().withTolerance(1e-11).withMaxIterations(200_000);
            var cd = new CoordinateDescentLasso().solve(problem, opts);
            var fista = new FistaLasso().solve(problem, opts);
            assertEquals(cd.primal(), fista.primal(), 1e-8 * cd.primal(), "depth " + depth);
            FitResult fit = Convex.fit(data, FitOptions.defaults(0.05).withDepth(depth).withTolerance(1e-11));
            assertEquals(cd.primal(), fit.objective(), 1e-9 * cd.primal());
            // the fit's solver keeps a basic solution: linearly independent centred columns, at most n − 1 = 6 chains
            assertTrue(fit.nonzeros() <= 6, "nonzeros " + fit.nonzeros());
        }
    }

    @Test
    void deeperOptimaAreNoLargerAndDepthFourEqualsDepthThree() {
        // unit chains of depth L − 1 are depth-L chains (an extra identity layer on non-negative values), so P4 ≤ P3 ≤ P2;
        // every depth-3 or depth-4 unit chain is a capped ramp (slope ±1 on one interval), so on the samples P4 = P3
        Dataset data = ConvexTest.oneD(8, 11);
        for (double beta : new double[] {0.01, 0.2}) {
            double p2 = Convex.fit(data, FitOptions.defaults(beta).withTolerance(1e-13)).objective();
            double p3 = Convex.fit(data, FitOptions.defaults(beta).withDepth(3).withTolerance(1e-13)).objective();
            double p4 = Convex.fit(data, FitOptions.defaults(beta).withDepth(4).withTolerance(1e-13)).objective();
            assertTrue(p3 <= p2 * (1 + 1e-12));
            assertTrue(p3 < p2, "a capped ramp should help on sine data");
            assertEquals(p3, p4, 1e-9 * p3);
        }
    }

    @Test
    void chainsAsMlpComputeTheParallelSum() {
        SplittableRandom rng = new SplittableRandom(5);
        int depth = 4;
        int m = 3;
        double[][] w = new double[depth][m];
        double[][] b = new double[depth - 1][m];
        for (int l = 0; l < depth; l++) {
            for (int i = 0; i < m; i++) {
                w[l][i] = rng.nextGaussian();
                if (l < depth - 1) {
                    b[l][i] = rng.nextGaussian();
                }
            }
        }
        DeepNarrow.Chains c = new DeepNarrow.Chains(w, b, 0.7);
        Mlp net = c.toMlp();
        assertEquals("1-3-3-3-1", net.architecture());
        for (double t = -3; t <= 3; t += 0.37) {
            double f = 0.7;
            for (int i = 0; i < m; i++) {
                double h = t;
                for (int l = 0; l < depth - 1; l++) {
                    h = Math.max(w[l][i] * h + b[l][i], 0);
                }
                f += w[depth - 1][i] * h;
            }
            assertEquals(f, net.apply(new double[] {t})[0], 1e-14);
        }
        double pen = 0;
        for (double[] row : w) {
            for (double v : row) {
                pen += Math.pow(Math.abs(v), depth) / depth;
            }
        }
        assertEquals(pen, DeepNarrow.penalty(net), 1e-14);
    }

    @Test
    void trainingGradientMatchesFiniteDifferences() {
        Dataset data = ConvexTest.oneD(7, 2);
        double[] xs = data.x().colArray(0);
        double[] y = data.y().colArray(0);
        SplittableRandom rng = new SplittableRandom(9);
        for (int depth = 2; depth <= 4; depth++) {
            int m = 4;
            int np = depth * m + (depth - 1) * m + 1;
            double[] p = new double[np];
            for (int k = 0; k < np; k++) {
                p[k] = 0.3 + 0.7 * rng.nextDouble(); // positive weights and biases: every unit active, away from kinks
            }
            double[] g = new double[np];
            double[] h = new double[depth];
            double[] u = new double[depth];
            double beta = 0.3;
            DeepNarrow.gradient(p, xs, y, beta, depth, m, g, h, u);
            double[] g2 = new double[np];
            for (int k = 0; k < np; k++) {
                double e = 1e-6;
                double[] a = p.clone();
                double[] bb = p.clone();
                a[k] += e;
                bb[k] -= e;
                double fd = (DeepNarrow.gradient(a, xs, y, beta, depth, m, g2, h, u) - DeepNarrow.gradient(bb, xs, y, beta, depth, m, g2, h, u)) / (2 * e);
                assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "depth " + depth + " parameter " + k);
            }
            // the objective returned by gradient() is the objective of the network as an Mlp
            double[][] w = new double[depth][m];
            double[][] b = new double[depth - 1][m];
            for (int l = 0; l < depth; l++) {
                System.arraycopy(p, l * m, w[l], 0, m);
            }
            for (int l = 0; l < depth - 1; l++) {
                System.arraycopy(p, depth * m + l * m, b[l], 0, m);
            }
            Mlp net = new DeepNarrow.Chains(w, b, p[np - 1]).toMlp();
            assertEquals(DeepNarrow.objective(net, data.x(), y, beta), DeepNarrow.gradient(p, xs, y, beta, depth, m, g2, h, u), 1e-12);
        }
    }

    @Test
    void trainingIsDeterministicAndNeverBeatsTheLasso() {
        Dataset data = ConvexTest.oneD(6, 4);
        double[] y = data.y().colArray(0);
        double beta = 0.1;
        var o = new DeepNarrow.TrainOptions(3, 10, 1500, 0.01, 3, 77);
        DeepNarrow.Chains a = DeepNarrow.train(data.x(), y, beta, o);
        DeepNarrow.Chains b = DeepNarrow.train(data.x(), y, beta, o);
        assertEquals(a.toMlp(), b.toMlp());
        double p = Convex.fit(data, FitOptions.defaults(beta).withDepth(3).withTolerance(1e-12)).objective();
        double v = DeepNarrow.objective(a.toMlp(), data.x(), y, beta);
        assertTrue(v >= p - 1e-9, v + " < " + p);
    }

    @Test
    void certificatesBoundTheOptimumFromBelowAndCertifyTheRecoveredNetwork() {
        Dataset data = ConvexTest.oneD(8, 13);
        double[] y = data.y().colArray(0);
        double beta = 0.1;
        for (int depth = 3; depth <= 4; depth++) {
            FitResult opt = Convex.fit(data, FitOptions.defaults(beta).withDepth(depth).withTolerance(1e-12));
            Certificate c = Convex.certify(opt.model(), data, new CertifyOptions(beta, PenaltyNorm.L2));
            assertTrue(c.certified());
            assertEquals(1.0, c.dualRatio(), 1e-6);
            assertEquals(opt.objective(), c.lowerBound(), 1e-9 * opt.objective());
            // an under-trained network: its lower bound must still lie below the optimum, and its ratio above 1
            Mlp weak = DeepNarrow.train(data.x(), y, beta, new DeepNarrow.TrainOptions(depth, 2, 50, 0.01, 1, 3)).toMlp();
            Certificate w = Convex.certify(weak, data, new CertifyOptions(beta, PenaltyNorm.L2));
            assertTrue(w.dualRatio() > 1.5, "ratio " + w.dualRatio());
            assertTrue(w.lowerBound() <= opt.objective() * (1 + 1e-12), w.lowerBound() + " > " + opt.objective());
            assertTrue(w.gapPercent() > 1);
            assertEquals(DeepNarrow.objective(weak, data.x(), y, beta), w.nnObjective(), 0);
        }
        Mlp deep5 = new DeepNarrow.Chains(new double[5][2], new double[4][2], 0).toMlp();
        assertThrows(InputException.class, () -> Convex.certify(deep5, data, new CertifyOptions(beta, PenaltyNorm.L2)));
    }

    @Test
    void modelsOfOtherShapesAreRejected() {
        Mlp full = Mlp.random(new int[] {1, 3, 3, 1}, Activation.parse("relu"), new SplittableRandom(1));
        assertThrows(InputException.class, () -> DeepNarrow.check(full));
        Mlp twoD = Mlp.random(new int[] {2, 3, 1}, Activation.parse("relu"), new SplittableRandom(1));
        assertThrows(InputException.class, () -> DeepNarrow.check(twoD));
    }

    @Test
    void deepFitRejectsIncompatibleInput() {
        Dataset one = ConvexTest.oneD(6, 1);
        Dataset two = ConvexTest.twoD(6, 1);
        assertThrows(InputException.class, () -> Convex.fit(two, FitOptions.defaults(0.1).withDepth(3)));
        assertThrows(InputException.class, () -> Convex.fit(one, FitOptions.defaults(0.1).withDepth(3).withBias(false)));
        assertThrows(InputException.class, () -> Convex.fit(one, FitOptions.defaults(0.1).withDepth(4).withMethod(FitOptions.Method.EXACT)));
        assertThrows(InputException.class, () -> Convex.fit(one, FitOptions.defaults(0.1).withDepth(3).withNorm(PenaltyNorm.L1)));
        assertThrows(InputException.class, () -> FitOptions.defaults(0.1).withDepth(5));
        assertThrows(InputException.class, () -> FitOptions.defaults(0.1).withDepth(1));
        assertThrows(InputException.class, () -> Convex.fit(one, FitOptions.defaults(0.1).withDepth(3).withGates(Matrix.zeros(2, 3))));
    }
}
