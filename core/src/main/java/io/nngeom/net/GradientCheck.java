package io.nngeom.net;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks the hand-written backward pass ({@link Backprop}) against central finite differences
 * (E(θ + h e_k) − E(θ − h e_k)) / (2h) for every parameter k.
 *
 * <p>ReLU and leaky-ReLU kinks: a finite difference across a kink measures a one-sided mixture, not σ'. The
 * check therefore (1) uses only examples whose every piecewise-linear hidden pre-activation satisfies
 * |z| ≥ {@link #KINK_MARGIN} ({@link #awayFromKinks}), and (2) measures the largest change of any such
 * pre-activation over all perturbed evaluations ({@link Result#maxShift()}); the check is valid when
 * maxShift &lt; kinkMargin, i.e. no activation pattern changes during differencing.
 */
public final class GradientCheck {
    /** Minimal distance of every kinked pre-activation from 0 in the checked examples. */
    public static final double KINK_MARGIN = 1e-3;
    /** Default finite-difference step. */
    public static final double DEFAULT_STEP = 1e-6;

    private GradientCheck() {
    }

    /**
     * @param relativeError ‖g − g_fd‖₂ / max(‖g‖₂, ‖g_fd‖₂)
     * @param maxAbsError max_k |g_k − g_fd,k|
     * @param gradNorm ‖g‖₂
     * @param kinkMargin min |z| over piecewise-linear hidden units and examples (+∞ if none)
     * @param maxShift max |Δz| of those pre-activations over all perturbed evaluations (0 if none)
     * @param parameters number of parameters checked
     */
    public record Result(double relativeError, double maxAbsError, double gradNorm, double kinkMargin, double maxShift,
                         int parameters) {
        /** True when no activation pattern can have changed during differencing. */
        public boolean kinkSafe() {
            return maxShift < kinkMargin;
        }
    }

    /** A random test case: network, inputs, targets. */
    public record Case(Mlp net, Matrix x, Matrix y, Loss loss) {
    }

    /**
     * A random network of the given sizes and hidden activation (PyTorch initialisation), n standard Gaussian
     * inputs of which those within {@link #KINK_MARGIN} of a kink are dropped, and targets: Gaussian for the
     * squared losses, one-hot of uniform labels for cross-entropy.
     */
    public static Case randomCase(int[] sizes, Activation act, Loss loss, int n, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        Mlp net = Mlp.random(sizes, act, rng);
        int d = sizes[0];
        int c = sizes[sizes.length - 1];
        double[] xs = new double[n * d];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = Seeds.gaussian(rng);
        }
        Matrix x = awayFromKinks(net, new Matrix(n, d, xs), KINK_MARGIN);
        int m = x.rows();
        Matrix y = Matrix.zeros(m, c);
        for (int i = 0; i < m; i++) {
            if (loss == Loss.SOFTMAX_CE) {
                y.set(i, rng.nextInt(c), 1.0);
            } else {
                for (int k = 0; k < c; k++) {
                    y.set(i, k, Seeds.gaussian(rng));
                }
            }
        }
        return new Case(net, x, y, loss);
    }

    /** The rows of x whose piecewise-linear hidden pre-activations all have |z| ≥ margin. */
    public static Matrix awayFromKinks(Mlp net, Matrix x, double margin) {
        ForwardTrace t = net.trace(x);
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < x.rows(); r++) {
            if (rowMargin(net, t, r) >= margin) {
                keep.add(r);
            }
        }
        return x.selectRows(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    private static boolean kinked(Activation a) {
        return a.kind() == Activation.Kind.RELU || a.kind() == Activation.Kind.LEAKY_RELU;
    }

    private static double rowMargin(Mlp net, ForwardTrace t, int r) {
        double m = Double.POSITIVE_INFINITY;
        for (int l = 0; l < net.layerCount(); l++) {
            if (!kinked(net.layer(l).activation())) {
                continue;
            }
            Matrix z = t.preActivations().get(l);
            for (int i = 0; i < z.cols(); i++) {
                m = Math.min(m, Math.abs(z.get(r, i)));
            }
        }
        return m;
    }

    /** Runs the check on a case with default weights and step {@link #DEFAULT_STEP}. */
    public static Result check(Case c) {
        return check(c.net(), c.x(), c.y(), c.loss(), null, DEFAULT_STEP);
    }

    /**
     * Compares the backprop gradient of E = Σ_r w_r ℓ(f(x_r), y_r) (w: weights, or the loss's default when null)
     * with central differences of step h.
     */
    public static Result check(Mlp net, Matrix x, Matrix y, Loss loss, double[] weights, double h) {
        Backprop bp = new Backprop(net, loss);
        int n = x.rows();
        double scale = weights == null ? loss.defaultWeight(n) : 1.0;
        double[] theta = net.parameters();
        double[] g = new double[theta.length];
        bp.evaluate(theta, x, y, null, n, weights, scale, g);
        ForwardTrace base = net.trace(x);
        double margin = Double.POSITIVE_INFINITY;
        for (int r = 0; r < n; r++) {
            margin = Math.min(margin, rowMargin(net, base, r));
        }
        double maxShift = 0;
        double diff2 = 0;
        double g2 = 0;
        double fd2 = 0;
        double maxAbs = 0;
        for (int k = 0; k < theta.length; k++) {
            double t0 = theta[k];
            theta[k] = t0 + h;
            double fp = bp.evaluate(theta, x, y, null, n, weights, scale, null);
            maxShift = Math.max(maxShift, shift(net, theta, x, base));
            theta[k] = t0 - h;
            double fm = bp.evaluate(theta, x, y, null, n, weights, scale, null);
            maxShift = Math.max(maxShift, shift(net, theta, x, base));
            theta[k] = t0;
            double fd = (fp - fm) / (2 * h);
            double e = g[k] - fd;
            diff2 += e * e;
            g2 += g[k] * g[k];
            fd2 += fd * fd;
            maxAbs = Math.max(maxAbs, Math.abs(e));
        }
        double denom = Math.max(Math.sqrt(g2), Math.sqrt(fd2));
        double rel = denom == 0 ? Math.sqrt(diff2) : Math.sqrt(diff2) / denom;
        return new Result(rel, maxAbs, Math.sqrt(g2), margin, maxShift, theta.length);
    }

    private static double shift(Mlp net, double[] theta, Matrix x, ForwardTrace base) {
        boolean any = false;
        for (Layer l : net.layers()) {
            any |= kinked(l.activation());
        }
        if (!any) {
            return 0;
        }
        ForwardTrace t = net.withParameters(theta).trace(x);
        double s = 0;
        for (int l = 0; l < net.layerCount(); l++) {
            if (!kinked(net.layer(l).activation())) {
                continue;
            }
            double[] a = t.preActivations().get(l).data();
            double[] b = base.preActivations().get(l).data();
            for (int k = 0; k < a.length; k++) {
                s = Math.max(s, Math.abs(a[k] - b[k]));
            }
        }
        return s;
    }
}
