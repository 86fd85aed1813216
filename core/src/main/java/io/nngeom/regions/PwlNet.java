package io.nngeom.regions;

import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;

/**
 * A piecewise-linear view of an {@link Mlp}: weights as flat arrays and, per hidden layer, the slope of the
 * activation on its off side (0 for ReLU, α for leaky ReLU, 1 for identity).
 */
final class PwlNet {
    final int inputs;
    final int layers; // weighted layers incl. output
    final int[] sizes;
    final double[][] w; // row-major out×in
    final double[][] wt; // the same weights transposed: row-major in×out (column i of W contiguous)
    final double[][] b;
    final double[] offSlope; // per hidden layer
    final boolean[] splits; // hidden layer creates regions
    final int hiddenUnits;
    final int[] unitOffset;

    private PwlNet(Mlp net) {
        inputs = net.inputDim();
        layers = net.layerCount();
        sizes = net.sizes();
        w = new double[layers][];
        wt = new double[layers][];
        b = new double[layers][];
        offSlope = new double[layers];
        splits = new boolean[layers];
        unitOffset = new int[layers];
        int u = 0;
        for (int l = 0; l < layers; l++) {
            Layer ly = net.layer(l);
            w[l] = ly.weight().data();
            wt[l] = transpose(w[l], ly.outputs(), ly.inputs());
            b[l] = ly.bias();
            if (l < layers - 1) {
                Activation a = ly.activation();
                switch (a.kind()) {
                    case RELU -> {
                        offSlope[l] = 0;
                        splits[l] = true;
                    }
                    case LEAKY_RELU -> {
                        offSlope[l] = a.alpha();
                        splits[l] = true;
                    }
                    case IDENTITY -> {
                        offSlope[l] = 1;
                        splits[l] = false;
                    }
                    default -> throw new IllegalArgumentException("hidden layer " + (l + 1) + " has activation "
                            + a.id() + ", which is not piecewise linear (need relu, leaky-relu or identity)");
                }
                unitOffset[l] = u;
                u += ly.outputs();
            }
        }
        hiddenUnits = u;
    }

    private static double[] transpose(double[] m, int rows, int cols) {
        double[] t = new double[m.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = m[i * cols + j];
            }
        }
        return t;
    }

    static PwlNet of(Mlp net) {
        return new PwlNet(net);
    }

    /** Activation pattern at x (identity-layer units count as on). */
    boolean[] pattern(double[] x) {
        boolean[] p = new boolean[hiddenUnits];
        double[] a = x;
        for (int l = 0; l < layers - 1; l++) {
            int out = sizes[l + 1];
            int in = sizes[l];
            double[] z = new double[out];
            for (int i = 0; i < out; i++) {
                double s = b[l][i];
                for (int j = 0; j < in; j++) {
                    s += w[l][i * in + j] * a[j];
                }
                boolean on = !splits[l] || s > 0;
                p[unitOffset[l] + i] = on;
                z[i] = on ? s : offSlope[l] * s;
            }
            a = z;
        }
        return p;
    }
}
