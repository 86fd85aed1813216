package io.nngeom.explain;

import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.util.Arrays;

/**
 * The exact 1-D partition of a segment a → b of input space into the linear regions of a ReLU network (the
 * one-dimensional case of the layer-by-layer splitting of {@code io.nngeom.regions.PlanarPartitioner}; Huang 2022,
 * §2 fact 3): on a piece of the segment where the activation pattern of layers 1..ℓ is fixed, every pre-activation
 * of layer ℓ + 1 is affine in t, so its sign changes at most once, at the root of a line, and the piece is cut
 * there. The values at a new cut are interpolated along the piece (exact in real arithmetic, since the piece's
 * map is affine), so each layer costs one matrix product per breakpoint.
 *
 * <p>A cut closer than {@link #MIN_PIECE} (in t ∈ [0, 1]) to an existing breakpoint is not made: a region crossed
 * over less than that is not counted, the 1-D counterpart of the regions' inscribed-radius rule (docs/conventions.md).
 */
public final class SegmentPartition {
    /** Pieces shorter than this (in t) are not separate regions. */
    public static final double MIN_PIECE = 1e-9;

    private SegmentPartition() {
    }

    /** Whether the partition applies: every hidden layer is ReLU or leaky ReLU (identity layers count as on). */
    public static boolean applies(Mlp net) {
        for (int l = 0; l < net.layerCount() - 1; l++) {
            Activation.Kind k = net.layer(l).activation().kind();
            if (k != Activation.Kind.RELU && k != Activation.Kind.LEAKY_RELU && k != Activation.Kind.IDENTITY) {
                return false;
            }
        }
        return true;
    }

    /**
     * Regions crossed by the segment from {@code a} to {@code b}, counting the patterns of layers 1..ℓ, for
     * ℓ = 1..L−1 (index ℓ − 1): element ℓ − 1 is the number of pieces after the cuts of hidden layer ℓ.
     */
    public static int[] regionsCrossed(Mlp net, double[] a, double[] b) {
        return cut(net, a, b).counts;
    }

    /** The breakpoints t (including 0 and 1) after all hidden layers: piece k is [t_k, t_{k+1}]. */
    public static double[] breakpoints(Mlp net, double[] a, double[] b) {
        return cut(net, a, b).t;
    }

    private record Cuts(double[] t, int[] counts) {
    }

    private static Cuts cut(Mlp net, double[] a, double[] b) {
        int hidden = net.layerCount() - 1;
        double[] t = {0, 1};
        double[][] act = {a.clone(), b.clone()};
        int[] counts = new int[hidden];
        for (int l = 0; l < hidden; l++) {
            Layer layer = net.layer(l);
            double[][] z = new double[t.length][];
            for (int k = 0; k < t.length; k++) {
                z[k] = affine(layer, act[k]);
            }
            int n = t.length;
            double[] nt = new double[4 * n];
            double[][] nz = new double[4 * n][];
            int m = 0;
            double[] roots = new double[layer.outputs()];
            for (int k = 0; k < n; k++) {
                nt = grow(nt, m + 1);
                nz = grow(nz, m + 1);
                nt[m] = t[k];
                nz[m++] = z[k];
                if (k == n - 1) {
                    break;
                }
                int r = layer.activation().kind() == Activation.Kind.IDENTITY ? 0 : roots(z[k], z[k + 1], roots);
                Arrays.sort(roots, 0, r);
                double last = t[k];
                for (int q = 0; q < r; q++) {
                    double tq = t[k] + roots[q] * (t[k + 1] - t[k]);
                    if (tq - last < MIN_PIECE || t[k + 1] - tq < MIN_PIECE) {
                        continue;
                    }
                    nt = grow(nt, m + 1);
                    nz = grow(nz, m + 1);
                    nt[m] = tq;
                    nz[m++] = lerp(z[k], z[k + 1], roots[q]);
                    last = tq;
                }
            }
            t = Arrays.copyOf(nt, m);
            act = new double[m][];
            for (int k = 0; k < m; k++) {
                act[k] = activate(layer.activation(), nz[k]);
            }
            counts[l] = m - 1;
        }
        return new Cuts(t, counts);
    }

    /** Fractions s ∈ (0, 1) where a unit's line through z0 (s = 0) and z1 (s = 1) changes sign strictly. */
    private static int roots(double[] z0, double[] z1, double[] out) {
        int r = 0;
        for (int j = 0; j < z0.length; j++) {
            if ((z0[j] > 0) != (z1[j] > 0) && z0[j] != z1[j]) {
                double s = z0[j] / (z0[j] - z1[j]);
                if (s > 0 && s < 1) {
                    out[r++] = s;
                }
            }
        }
        return r;
    }

    private static double[] lerp(double[] z0, double[] z1, double s) {
        double[] z = new double[z0.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = z0[j] + s * (z1[j] - z0[j]);
        }
        return z;
    }

    private static double[] affine(Layer layer, double[] x) {
        double[] w = layer.weight().data();
        double[] bias = layer.bias();
        int in = layer.inputs();
        double[] z = new double[layer.outputs()];
        for (int j = 0; j < z.length; j++) {
            double s = bias[j];
            int o = j * in;
            for (int i = 0; i < in; i++) {
                s += w[o + i] * x[i];
            }
            z[j] = s;
        }
        return z;
    }

    private static double[] activate(Activation f, double[] z) {
        double[] y = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            y[j] = f.apply(z[j]);
        }
        return y;
    }

    private static double[] grow(double[] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, 2 * a.length));
    }

    private static double[][] grow(double[][] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, 2 * a.length));
    }
}
