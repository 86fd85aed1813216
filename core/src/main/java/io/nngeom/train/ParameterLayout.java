package io.nngeom.train;

import io.nngeom.net.Mlp;

/**
 * Where each layer's weights and bias sit in the flat parameter vector of {@link Mlp#parameters()}: layer l
 * occupies [weightOffset(l), end(l)), its weight (out×in row-major) first, then its bias at biasOffset(l).
 */
public final class ParameterLayout {
    private final int[] wOff;
    private final int[] bOff;
    private final int[] end;

    private ParameterLayout(int[] wOff, int[] bOff, int[] end) {
        this.wOff = wOff;
        this.bOff = bOff;
        this.end = end;
    }

    public static ParameterLayout of(Mlp net) {
        int n = net.layerCount();
        int[] w = new int[n];
        int[] b = new int[n];
        int[] e = new int[n];
        int o = 0;
        for (int l = 0; l < n; l++) {
            w[l] = o;
            o += net.layer(l).inputs() * net.layer(l).outputs();
            b[l] = o;
            o += net.layer(l).outputs();
            e[l] = o;
        }
        return new ParameterLayout(w, b, e);
    }

    public int layerCount() {
        return wOff.length;
    }

    public int weightOffset(int l) {
        return wOff[l];
    }

    public int biasOffset(int l) {
        return bOff[l];
    }

    /** One past the last parameter of layer l. */
    public int end(int l) {
        return end[l];
    }

    /** Total number of parameters. */
    public int size() {
        return end[end.length - 1];
    }
}
