package io.nngeom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackpropTest {
    /** The criterion of the issue: relative error of backprop against central differences. */
    static final double REL_TOL = 1e-6;

    static final List<int[]> SHAPES = List.of(new int[] {3, 5, 2}, new int[] {2, 7, 6, 3}, new int[] {4, 3, 3, 3, 2},
            new int[] {1, 9, 2});

    static Stream<Arguments> cases() {
        List<Activation> acts = List.of(Activation.RELU, Activation.leakyRelu(0.1), Activation.TANH, Activation.SIGMOID,
                Activation.IDENTITY, Activation.SOFTPLUS);
        Stream.Builder<Arguments> b = Stream.builder();
        for (Activation a : acts) {
            for (Loss l : Loss.values()) {
                b.add(Arguments.of(a, l));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Activation act, Loss loss) {
        int s = 0;
        for (int[] sizes : SHAPES) {
            GradientCheck.Case c = GradientCheck.randomCase(sizes, act, loss, 12,
                    Seeds.child(Seeds.child(77, act.id() + loss.id()), s++));
            assertThat(c.x().rows()).isGreaterThan(3);
            GradientCheck.Result r = GradientCheck.check(c);
            assertThat(r.kinkSafe()).as("no pattern change during differencing").isTrue();
            assertThat(r.gradNorm()).isGreaterThan(1e-3);
            assertThat(r.relativeError()).as("%s %s %s", act, loss, Arrays.toString(sizes))
                    .isLessThanOrEqualTo(REL_TOL);
        }
    }

    @Test
    void weightedGradientMatchesCentralDifferences() {
        GradientCheck.Case c = GradientCheck.randomCase(new int[] {2, 6, 2}, Activation.TANH, Loss.MSE, 10, 5);
        double[] w = new double[c.x().rows()];
        SplittableRandom rng = Seeds.rng(3);
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble();
        }
        GradientCheck.Result r = GradientCheck.check(c.net(), c.x(), c.y(), Loss.MSE, w, 1e-6);
        assertThat(r.relativeError()).isLessThanOrEqualTo(REL_TOL);
    }

    @Test
    void forwardAgreesWithMlpApply() {
        SplittableRandom rng = Seeds.rng(11);
        Mlp net = Mlp.random(new int[] {3, 16, 9, 2}, Activation.SOFTPLUS, rng);
        Matrix x = randomMatrix(40, 3, rng);
        Matrix y = randomMatrix(40, 2, rng);
        Backprop bp = new Backprop(net, Loss.MSE);
        double e = bp.lossAndGradient(net, x, y, null);
        assertThat(e).isCloseTo(Loss.MSE.value(net.apply(x), y), within(1e-13));
    }

    @ParameterizedTest(name = "n = {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1000, 5000})
    void twoThreadSplitAndBlocksAreDeterministicAndMatchSerialSum(int n) {
        SplittableRandom rng = Seeds.rng(12);
        Mlp net = Mlp.random(new int[] {2, 32, 32, 1}, Activation.RELU, rng);
        Matrix x = randomMatrix(n, 2, rng);
        Matrix y = randomMatrix(n, 1, rng);
        Backprop bp = new Backprop(net, Loss.MSE);
        double[] theta = net.parameters();
        double[] g1 = new double[theta.length];
        double[] g2 = new double[theta.length];
        double e1 = bp.evaluate(theta, x, y, null, n, null, 1.0 / n, g1);
        for (int rep = 0; rep < 5; rep++) {
            double e2 = bp.evaluate(theta, x, y, null, n, null, 1.0 / n, g2);
            assertThat(e2).isEqualTo(e1);
            assertThat(g2).containsExactly(g1);
        }
        // sum of the two halves evaluated separately (each below the threshold: one chunk)
        int[] lo = IntStream.range(0, 100).toArray();
        double[] acc = new double[theta.length];
        double eAcc = 0;
        double[] part = new double[theta.length];
        for (int s = 0; s < n; s += 100) {
            int[] rows = lo.clone();
            for (int i = 0; i < rows.length; i++) {
                rows[i] += s;
            }
            eAcc += bp.evaluate(theta, x, y, rows, rows.length, null, 1.0 / n, part);
            for (int k = 0; k < acc.length; k++) {
                acc[k] += part[k];
            }
        }
        assertThat(e1).isCloseTo(eAcc, within(1e-12));
        for (int k = 0; k < acc.length; k++) {
            assertThat(g1[k]).isCloseTo(acc[k], within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wideActivations")
    void gradientOfWideLayersMatchesCentralDifferences(Activation act) {
        // the second and third layers take the example-major weight-gradient kernel
        int[] sizes = {3, Backprop.WIDE_MIN_INPUTS + 4, Backprop.WIDE_MIN_INPUTS + 1, Backprop.WIDE_MIN_OUTPUTS + 1};
        GradientCheck.Case c = GradientCheck.randomCase(sizes, act, Loss.MSE, 12, Seeds.child(78, act.id()));
        GradientCheck.Result r = GradientCheck.check(c);
        assertThat(r.kinkSafe()).as("no pattern change during differencing").isTrue();
        assertThat(r.gradNorm()).isGreaterThan(1e-3);
        assertThat(r.relativeError()).isLessThanOrEqualTo(REL_TOL);
    }

    static Stream<Activation> wideActivations() {
        return Stream.of(Activation.TANH, Activation.SOFTPLUS, Activation.leakyRelu(0.1));
    }

    /** Relative agreement of the two weight-gradient kernels (same sums, different order): a few ulps of the terms. */
    static final double KERNEL_TOL = 1e-12;

    @ParameterizedTest(name = "in = {0}, out = {1}, n = {2}")
    @org.junit.jupiter.params.provider.CsvSource({"16, 1, 1", "17, 3, 130", "64, 64, 2048", "20, 7, 67"})
    void wideWeightGradientKernelMatchesTiledKernel(int in, int out, int n) {
        SplittableRandom rng = Seeds.rng(13 + in + out + n);
        double[][] d = new double[out][n];
        double[][] a = new double[in][n];
        double scale = 0;
        for (double[] row : d) {
            for (int r = 0; r < n; r++) {
                row[r] = Seeds.gaussian(rng);
            }
        }
        for (double[] row : a) {
            for (int r = 0; r < n; r++) {
                row[r] = Math.max(0, Seeds.gaussian(rng));
            }
        }
        int go = 3;
        int bo = go + out * in + 2;
        double[] g1 = new double[bo + out + 1];
        double[] g2 = new double[g1.length];
        for (int k = 0; k < g1.length; k++) {
            g1[k] = Seeds.gaussian(rng);
            g2[k] = g1[k];
        }
        Kernels.weightGradient(d, a, n, in, out, g1, go, bo);
        Kernels.weightGradientWide(d, a, n, in, out, g2, go, bo, new double[Kernels.WIDE_TILE][in + 1],
                new double[out][in + 1]);
        for (int k = 0; k < g1.length; k++) {
            scale = Math.max(scale, Math.abs(g1[k]));
        }
        for (int k = 0; k < g1.length; k++) {
            assertThat(g2[k]).as("entry %d", k).isCloseTo(g1[k], within(KERNEL_TOL * scale));
        }
    }

    @Test
    void branchFreeReluDerivativeMatchesActivationDerivative() {
        double[] z = {1.0, -1.0, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e300, -1e-300, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        double[] d = new double[z.length];
        Arrays.fill(d, -2.5);
        Kernels.scaleByDerivative(Activation.RELU, z, d, 0, z.length);
        for (int k = 0; k < z.length; k++) {
            assertThat(d[k]).as("z = %s", z[k]).isEqualTo(-2.5 * Activation.RELU.derivative(z[k]));
        }
    }

    static Matrix randomMatrix(int r, int c, SplittableRandom rng) {
        double[] d = new double[r * c];
        for (int k = 0; k < d.length; k++) {
            d[k] = Seeds.gaussian(rng);
        }
        return new Matrix(r, c, d);
    }
}
