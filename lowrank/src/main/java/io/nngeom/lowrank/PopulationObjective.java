package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.train.DiffFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The population (expected) loss of a network with one-hot input x ∈ {0..n_x−1} under a finite joint law,
 * R = Σ_{x,y} P(x,y) ℓ(y, net(e_x)), with its exact gradient by backpropagation over the network's flat
 * parameters (PyTorch order, as {@link Mlp#parameters()}). This is the "infinite data" training objective of
 * digest §4.2; with the empirical law P̂ it equals the mean loss over the samples.
 *
 * <p>Softmax: ℓ = −log softmax(z)_y, the output layer must be affine; ∂R/∂z(x) = p_x(x) softmax(z(x)) − P(x,·).
 * Squared loss: ℓ = ‖e(y) − a(x)‖² with a the output layer's activation; ∂R/∂a(x) = 2(p_x a(x) − Σ_y P(x,y)e(y)).
 * Parameters with {@code trainable[i] == false} get a zero gradient (frozen weights).
 */
public final class PopulationObjective implements DiffFunction {
    private final Mlp template;
    private final Matrix p;
    private final double[] px;
    private final LossKind loss;
    private final Matrix condSum; // n_x × d: Σ_y P(x,y) e(y)  (MSE only)
    private final double constant; // Σ P ‖e(y)‖² (MSE only)
    private final boolean[] trainable;

    /**
     * @param template the architecture (sizes and activations); its parameters are ignored
     * @param embedding d × n_y embedding for the squared loss (null for the one-hot embedding); unused for softmax
     * @param trainable per-parameter mask, or null for all trainable
     */
    public PopulationObjective(Mlp template, JointDistribution law, LossKind loss, Matrix embedding, boolean[] trainable) {
        if (template.inputDim() != law.nx()) {
            throw new IllegalArgumentException("network input " + template.inputDim() + " != n_x " + law.nx());
        }
        this.template = template;
        this.p = law.p();
        this.px = law.px();
        this.loss = loss;
        if (loss == LossKind.SOFTMAX) {
            if (template.outputDim() != law.ny()) {
                throw new IllegalArgumentException("softmax output " + template.outputDim() + " != n_y " + law.ny());
            }
            if (template.layer(template.layerCount() - 1).activation().kind() != Activation.Kind.IDENTITY) {
                throw new IllegalArgumentException("softmax regression needs an affine output layer");
            }
            condSum = null;
            constant = 0;
        } else {
            Matrix e = embedding == null ? Matrix.identity(law.ny()) : embedding;
            if (e.cols() != law.ny() || e.rows() != template.outputDim()) {
                throw new IllegalArgumentException("embedding " + e.rows() + "x" + e.cols() + " does not fit output "
                        + template.outputDim() + " and n_y " + law.ny());
            }
            condSum = Linalg.multTransB(p.transpose(), e); // (n_x × n_y)(n_y × d) = n_x × d
            double c = 0;
            for (int y = 0; y < law.ny(); y++) {
                double sq = 0;
                for (int i = 0; i < e.rows(); i++) {
                    sq += e.get(i, y) * e.get(i, y);
                }
                for (int x = 0; x < law.nx(); x++) {
                    c += p.get(y, x) * sq;
                }
            }
            constant = c;
        }
        if (trainable != null && trainable.length != template.parameterCount()) {
            throw new IllegalArgumentException("mask length " + trainable.length + " != " + template.parameterCount());
        }
        this.trainable = trainable == null ? null : trainable.clone();
    }

    private PopulationObjective(PopulationObjective o, boolean[] trainable) {
        this.template = o.template;
        this.p = o.p;
        this.px = o.px;
        this.loss = o.loss;
        this.condSum = o.condSum;
        this.constant = o.constant;
        if (trainable != null && trainable.length != template.parameterCount()) {
            throw new IllegalArgumentException("mask length " + trainable.length + " != " + template.parameterCount());
        }
        this.trainable = trainable == null ? null : trainable.clone();
    }

    /** The same objective with a different per-parameter trainable mask (null: all trainable). */
    public PopulationObjective withTrainable(boolean[] mask) {
        return new PopulationObjective(this, mask);
    }

    public LossKind loss() {
        return loss;
    }

    @Override
    public int dimension() {
        return template.parameterCount();
    }

    public Mlp template() {
        return template;
    }

    /** The loss at the network's parameters. */
    public double value(Mlp net) {
        return valueAndGradient(net.parameters(), null);
    }

    /** The loss at flat parameters x; writes the gradient into grad when non-null. */
    @Override
    public double valueAndGradient(double[] x, double[] grad) {
        Mlp net = template.withParameters(x);
        int nl = net.layerCount();
        List<Matrix> pre = new ArrayList<>();
        List<Matrix> act = new ArrayList<>();
        forward(net, pre, act);
        Matrix out = act.get(nl);
        Matrix dz = Matrix.zeros(px.length, out.cols());
        double value = loss == LossKind.SOFTMAX ? softmaxLoss(out, dz) : squaredLoss(net.layer(nl - 1), pre.get(nl - 1), out, dz);
        if (grad == null) {
            return value;
        }
        backward(net, pre, act, dz, grad);
        if (trainable != null) {
            for (int i = 0; i < grad.length; i++) {
                if (!trainable[i]) {
                    grad[i] = 0;
                }
            }
        }
        return value;
    }

    /** The forward pass on the one-hot inputs (the identity matrix): pre-activations and activations of every layer. */
    private void forward(Mlp net, List<Matrix> pre, List<Matrix> act) {
        Matrix a = Matrix.identity(px.length);
        act.add(a);
        for (int l = 0; l < net.layerCount(); l++) {
            Layer layer = net.layer(l);
            Matrix z = layer.preActivation(a);
            pre.add(z);
            Matrix na = z.copy();
            double[] d = na.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = layer.activation().apply(d[i]);
            }
            act.add(na);
            a = na;
        }
    }

    /** The softmax cross-entropy of the outputs under P; its gradient in the output pre-activations into dz. */
    private double softmaxLoss(Matrix out, Matrix dz) {
        int m = out.cols();
        double value = 0;
        double[] row = new double[m];
        for (int xi = 0; xi < px.length; xi++) {
            for (int y = 0; y < m; y++) {
                row[y] = out.get(xi, y);
            }
            double lse = Ops.logSumExp(row);
            value += px[xi] * lse;
            for (int y = 0; y < m; y++) {
                value -= p.get(y, xi) * row[y];
                dz.set(xi, y, px[xi] * Math.exp(row[y] - lse) - p.get(y, xi));
            }
        }
        return value;
    }

    /** The squared error E‖e(Y) − ŷ(X)‖²; its gradient in the last layer's pre-activations zl into dz. */
    private double squaredLoss(Layer last, Matrix zl, Matrix out, Matrix dz) {
        double value = constant;
        for (int xi = 0; xi < px.length; xi++) {
            for (int i = 0; i < out.cols(); i++) {
                double ai = out.get(xi, i);
                value += px[xi] * ai * ai - 2 * ai * condSum.get(xi, i);
                double da = 2 * (px[xi] * ai - condSum.get(xi, i));
                dz.set(xi, i, da * last.activation().derivative(zl.get(xi, i)));
            }
        }
        return value;
    }

    /** Backpropagates dz (the last layer's pre-activation gradient) into grad, parameters in PyTorch order. */
    private void backward(Mlp net, List<Matrix> pre, List<Matrix> act, Matrix dz, double[] grad) {
        int nl = net.layerCount();
        int[] offset = new int[nl];
        int off = 0;
        for (int l = 0; l < nl; l++) {
            offset[l] = off;
            off += net.layer(l).parameterCount();
        }
        for (int l = nl - 1; l >= 0; l--) {
            Layer layer = net.layer(l);
            Matrix in = act.get(l);
            Matrix dw = Linalg.multTransA(dz, in); // out × in
            int o = offset[l];
            System.arraycopy(dw.data(), 0, grad, o, dw.data().length);
            o += dw.data().length;
            for (int j = 0; j < layer.outputs(); j++) {
                double s = 0;
                for (int xi = 0; xi < px.length; xi++) {
                    s += dz.get(xi, j);
                }
                grad[o + j] = s;
            }
            if (l > 0) {
                Matrix da = Linalg.mult(dz, layer.weight()); // n_x × in
                Layer below = net.layer(l - 1);
                Matrix zb = pre.get(l - 1);
                for (int xi = 0; xi < px.length; xi++) {
                    for (int j = 0; j < da.cols(); j++) {
                        da.set(xi, j, da.get(xi, j) * below.activation().derivative(zb.get(xi, j)));
                    }
                }
                dz = da;
            }
        }
    }

    /** The loss kind of the output layer. */
    public enum LossKind {
        /** Softmax cross-entropy (maximum-likelihood classification); generalized entropy H(Y). */
        SOFTMAX,
        /** Squared error ‖e(y) − ŷ‖² (MMSE estimation); generalized entropy tr Cov(e(Y)). */
        MSE;

        /** Parses "softmax" or "mse". */
        public static LossKind parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "softmax", "ce", "cross-entropy" -> SOFTMAX;
                case "mse", "squared" -> MSE;
                default -> throw new IllegalArgumentException("unknown loss '" + s + "' (expected softmax or mse)");
            };
        }
    }
}
