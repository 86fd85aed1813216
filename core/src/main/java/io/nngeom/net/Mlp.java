package io.nngeom.net;

import io.nngeom.linalg.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron of dense layers: f(x) = σ_L(W_L ⋯ σ_1(W_1 x + b_1) ⋯ + b_L). Immutable value.
 *
 * <p>Conventions: layer l maps R^{n_{l-1}} → R^{n_l}, weights are out×in; the last layer is the output layer
 * and normally has the identity activation (an output head such as softmax belongs to the loss, not to the
 * network). "Hidden layers" are all layers but the last. The flat parameter vector lists, layer after layer,
 * W row-major then b: the order of PyTorch's {@code nn.Sequential.parameters()}.
 */
public final class Mlp {
    private final List<Layer> layers;

    public Mlp(List<Layer> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("an Mlp needs at least one layer");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
                throw new IllegalArgumentException("layer " + l + " takes " + layers.get(l).inputs()
                        + " inputs but layer " + (l - 1) + " gives " + layers.get(l - 1).outputs());
            }
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * A network with the given sizes (n_0, n_1, ..., n_L), activation {@code hidden} on the hidden layers and
     * identity on the output, initialised as PyTorch's {@code nn.Linear}: W and b uniform on
     * [−1/√n_in, 1/√n_in].
     */
    public static Mlp random(int[] sizes, Activation hidden, SplittableRandom rng) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an architecture needs at least input and output sizes");
        }
        List<Layer> ls = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            if (in <= 0 || out <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + in + " and " + out);
            }
            double bound = 1.0 / Math.sqrt(in);
            double[] w = new double[out * in];
            for (int k = 0; k < w.length; k++) {
                w[k] = (2 * rng.nextDouble() - 1) * bound;
            }
            double[] b = new double[out];
            for (int k = 0; k < out; k++) {
                b[k] = (2 * rng.nextDouble() - 1) * bound;
            }
            ls.add(new Layer(new Matrix(out, in, w), b, l == sizes.length - 1 ? Activation.IDENTITY : hidden));
        }
        return new Mlp(ls);
    }

    /**
     * Parses an architecture string such as {@code 2-64-64-1} into sizes.
     *
     * @throws IllegalArgumentException naming the string when it is malformed or has a non-positive size
     */
    public static int[] parseArchitecture(String arch) {
        String[] parts = arch == null ? new String[0] : arch.trim().split("-");
        if (parts.length < 2) {
            throw new IllegalArgumentException("architecture '" + arch + "' needs at least two sizes, like 2-64-1");
        }
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("architecture '" + arch + "': '" + parts[i] + "' is not a whole number");
            }
            if (sizes[i] <= 0) {
                throw new IllegalArgumentException("architecture '" + arch + "': sizes must be positive, got " + sizes[i]);
            }
        }
        return sizes;
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer layer(int l) {
        return layers.get(l);
    }

    /** Number of layers with weights (hidden layers + output layer). */
    public int layerCount() {
        return layers.size();
    }

    /** Number of hidden layers (all but the last). */
    public int hiddenLayerCount() {
        return layers.size() - 1;
    }

    public int inputDim() {
        return layers.get(0).inputs();
    }

    public int outputDim() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** (n_0, n_1, ..., n_L). */
    public int[] sizes() {
        int[] s = new int[layers.size() + 1];
        s[0] = inputDim();
        for (int l = 0; l < layers.size(); l++) {
            s[l + 1] = layers.get(l).outputs();
        }
        return s;
    }

    /** Architecture string, for example {@code 2-64-64-1}. */
    public String architecture() {
        StringBuilder sb = new StringBuilder();
        for (int s : sizes()) {
            sb.append(sb.length() == 0 ? "" : "-").append(s);
        }
        return sb.toString();
    }

    /** Total number of hidden units. */
    public int hiddenUnits() {
        int u = 0;
        for (int l = 0; l < layers.size() - 1; l++) {
            u += layers.get(l).outputs();
        }
        return u;
    }

    public int parameterCount() {
        int c = 0;
        for (Layer l : layers) {
            c += l.parameterCount();
        }
        return c;
    }

    /** Flat parameter vector (layer by layer: W row-major, then b). */
    public double[] parameters() {
        double[] p = new double[parameterCount()];
        int o = 0;
        for (Layer l : layers) {
            double[] w = l.weightView().data();
            System.arraycopy(w, 0, p, o, w.length);
            o += w.length;
            double[] b = l.biasView();
            System.arraycopy(b, 0, p, o, b.length);
            o += b.length;
        }
        return p;
    }

    /** The same architecture with parameters taken from a flat vector (same order as {@link #parameters()}). */
    public Mlp withParameters(double[] p) {
        if (p.length != parameterCount()) {
            throw new IllegalArgumentException("parameter vector has " + p.length + " entries, network has " + parameterCount());
        }
        List<Layer> ls = new ArrayList<>(layers.size());
        int o = 0;
        for (Layer l : layers) {
            int nw = l.outputs() * l.inputs();
            double[] w = new double[nw];
            System.arraycopy(p, o, w, 0, nw);
            o += nw;
            double[] b = new double[l.outputs()];
            System.arraycopy(p, o, b, 0, b.length);
            o += b.length;
            ls.add(new Layer(new Matrix(l.outputs(), l.inputs(), w), b, l.activation()));
        }
        return new Mlp(ls);
    }

    /** The same network with layer l replaced. */
    public Mlp withLayer(int l, Layer layer) {
        List<Layer> ls = new ArrayList<>(layers);
        ls.set(l, layer);
        return new Mlp(ls);
    }

    /** Output for one input. */
    public double[] apply(double[] x) {
        if (x.length != inputDim()) {
            throw new IllegalArgumentException("input has " + x.length + " entries, network expects " + inputDim());
        }
        double[] a = x;
        for (Layer l : layers) {
            double[] z = l.preActivation(a);
            Activation act = l.activation();
            for (int i = 0; i < z.length; i++) {
                z[i] = act.apply(z[i]);
            }
            a = z;
        }
        return a;
    }

    /** Outputs for a batch (rows are examples): n×outputDim. */
    public Matrix apply(Matrix x) {
        Matrix a = x;
        for (Layer l : layers) {
            Matrix z = l.preActivation(a);
            applyInPlace(l.activation(), z);
            a = z;
        }
        return a;
    }

    /** Forward pass that keeps every layer's pre-activations and activations. */
    public ForwardTrace trace(Matrix x) {
        List<Matrix> zs = new ArrayList<>();
        List<Matrix> as = new ArrayList<>();
        as.add(x);
        Matrix a = x;
        for (Layer l : layers) {
            Matrix z = l.preActivation(a);
            zs.add(z);
            Matrix next = z.copy();
            applyInPlace(l.activation(), next);
            as.add(next);
            a = next;
        }
        return new ForwardTrace(Collections.unmodifiableList(zs), Collections.unmodifiableList(as));
    }

    private static void applyInPlace(Activation act, Matrix z) {
        if (act.kind() == Activation.Kind.IDENTITY) {
            return;
        }
        double[] d = z.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = act.apply(d[k]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mlp m && m.layers.equals(layers);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }

    @Override
    public String toString() {
        return "Mlp[" + architecture() + ", " + layers.get(0).activation() + "]";
    }
}
