package io.nngeom.piecewise;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * C7 (digest §3; Telgarsky 2016): the sawtooth f_k = T∘…∘T with T(x) = 2σ(x) − 4σ(x − ½) on [0, 1] has 2^k
 * linear pieces. Deep: k hidden layers of 2 units (2k units). Shallow: one unit per piece, 2^k units (C1,
 * bounded variant; the minimal k-unit test fails since the jumps are ±2^{k+1} and −s₀ = −2^k).
 */
public final class Sawtooth {
    private Sawtooth() {
    }

    /** The deep sawtooth: k hidden layers σ(x), σ(x − ½) of the previous T. */
    public static Construction deep(int k) {
        if (k < 1 || k > 30) {
            throw new IllegalArgumentException("sawtooth depth k must lie in 1..30, got " + k);
        }
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer(Matrix.of(new double[] {1}, new double[] {1}), new double[] {0, -0.5}, Activation.RELU));
        for (int l = 1; l < k; l++) {
            // input of T is 2 h1 − 4 h2
            layers.add(new Layer(Matrix.of(new double[] {2, -4}, new double[] {2, -4}), new double[] {0, -0.5}, Activation.RELU));
        }
        layers.add(new Layer(Matrix.of(new double[] {2, -4}), new double[] {0}, Activation.IDENTITY));
        return new Construction("C7-deep", new Mlp(layers), Map.of("k", k, "pieces", 1L << k));
    }

    /** f_k as a 1-D spec: breakpoints j/2^k, slopes ±2^k alternating, f(2^{−k}) = 1. */
    public static Pwl1d spec(int k) {
        int p = 1 << k;
        double[] t = new double[p - 1];
        double[] s = new double[p];
        for (int j = 1; j < p; j++) {
            t[j - 1] = (double) j / p;
        }
        for (int j = 0; j < p; j++) {
            s[j] = (j % 2 == 0 ? 1 : -1) * (double) p;
        }
        return new Pwl1d(t, s, 1.0);
    }

    /** The shallow sawtooth on [0, 1]: C1 bounded variant from the left end 0, 2^k units. */
    public static Construction shallow(int k) {
        Construction c = OneDimensional.buildBounded(spec(k), 0.0);
        return new Construction("C7-shallow", c.net(), Map.of("k", k, "pieces", 1L << k));
    }

    /**
     * Exact number of linear pieces of a 1-D net on [0, 1] whose breakpoints are dyadic with denominator
     * 2^{level}: slopes on the grid 2^{−(level+1)}ℤ (exact in floating point for the sawtooth), counted changes + 1.
     */
    public static int countPieces(Mlp net, int level) {
        int g = 1 << (level + 1);
        double prevSlope = Double.NaN;
        int pieces = 0;
        double prev = net.apply(new double[] {0})[0];
        for (int i = 1; i <= g; i++) {
            double x = (double) i / g;
            double y = net.apply(new double[] {x})[0];
            double s = (y - prev) * g;
            if (i == 1 || s != prevSlope) {
                pieces++;
            }
            prevSlope = s;
            prev = y;
        }
        return pieces;
    }
}
