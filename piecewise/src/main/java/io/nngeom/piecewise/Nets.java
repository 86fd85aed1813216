package io.nngeom.piecewise;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;

import java.util.List;

/** Small builders of ordinary {@link Mlp}s from arrays. */
public final class Nets {
    private Nets() {
    }

    /**
     * One hidden ReLU layer: y = V σ(W x + b) + c.
     *
     * @param w m×n hidden weights (rows)
     * @param b m hidden biases
     * @param v D×m output weights (rows)
     * @param c D output biases
     */
    public static Mlp shallow(double[][] w, double[] b, double[][] v, double[] c) {
        return new Mlp(List.of(new Layer(Matrix.of(w), b, Activation.RELU), new Layer(Matrix.of(v), c, Activation.IDENTITY)));
    }

    /** Smallest M with a·x + M ≥ margin on the box: M = margin − min_box a·x. */
    public static double activeOffset(double[] a, Box box, double margin) {
        double m = 0;
        for (int j = 0; j < a.length; j++) {
            m += Math.min(a[j] * box.lo(j), a[j] * box.hi(j));
        }
        return margin - m;
    }

    /** Evaluates a one-output network at x. */
    public static double eval(Mlp net, double... x) {
        return net.apply(x)[0];
    }
}
