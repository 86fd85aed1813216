package io.nngeom.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nngeom.io.Safetensors.Contents;
import io.nngeom.io.Safetensors.Tensor;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The forward pass recorded by the Python exporter ({@code python/nngeom/export.py}) in the metadata entry
 * {@code nngeom_graph}: a JSON object {@code {"version": 1, "ops": [...]}} whose operations, in forward order, are
 *
 * <ul>
 *   <li>{@code {"op": "linear", "weight": NAME, "bias": NAME or null}} — y = W x + b;</li>
 *   <li>{@code {"op": "batchnorm", "weight", "bias" (names or null), "mean", "var" (names), "eps": number}} —
 *       BatchNorm1d in eval mode, y = (x − mean)/√(var + eps)·γ + β, folded exactly into the adjacent Linear
 *       (the one before it if nothing lies between them, else the one after; alone, a diagonal layer);</li>
 *   <li>{@code relu}, {@code leaky_relu} (with {@code "slope"}), {@code tanh}, {@code sigmoid} — activations;</li>
 *   <li>{@code identity}, {@code flatten}, {@code dropout} — no-ops at inference.</li>
 * </ul>
 *
 * Every tensor of the file must be used by the graph. Consecutive Linears without an activation between them stay
 * two layers (the first with the identity activation), so the model is exactly the traced one.
 */
final class TorchGraph {
    /** The metadata key. */
    static final String KEY = "nngeom_graph";
    /** The graph version this reader understands. */
    static final int VERSION = 1;
    /** Longest graph read (a guard against hostile files; real MLPs have a few dozen operations). */
    private static final int MAX_OPS = 100_000;

    private TorchGraph() {
    }

    /** An affine map y = W x + b while it is being assembled. */
    private record Affine(Matrix w, double[] b) {
    }

    static Mlp decode(Contents c, String source) {
        JsonNode ops = ops(c.metadata().get(KEY), source);
        Set<String> used = new HashSet<>();
        List<Layer> layers = new ArrayList<>();
        List<Affine> block = new ArrayList<>();
        double[] pendingScale = null;
        double[] pendingShift = null;
        for (int i = 0; i < ops.size(); i++) {
            JsonNode op = ops.get(i);
            String where = KEY + " op " + i;
            String kind = op.path("op").asText("");
            switch (kind) {
                case "linear" -> {
                    Layer l = TorchModel.linear(tensor(c, op, "weight", true, where, source, used),
                            tensor(c, op, "bias", false, where, source, used), name(op, "weight"), name(op, "bias"), source);
                    Affine a = new Affine(l.weight(), l.bias());
                    if (pendingScale != null) {
                        a = foldBefore(a, pendingScale, pendingShift, where, source);
                        pendingScale = null;
                        pendingShift = null;
                    }
                    block.add(a);
                }
                case "batchnorm" -> {
                    double[][] ss = batchNorm(c, op, where, source, used);
                    if (!block.isEmpty() && pendingScale == null) {
                        Affine last = block.remove(block.size() - 1);
                        block.add(foldAfter(last, ss[0], ss[1], where, source));
                    } else if (pendingScale == null) {
                        pendingScale = ss[0];
                        pendingShift = ss[1];
                    } else {
                        block.add(new Affine(Matrix.diag(pendingScale), pendingShift));
                        pendingScale = ss[0];
                        pendingShift = ss[1];
                    }
                }
                case "identity", "flatten", "dropout" -> { }
                case "relu", "leaky_relu", "tanh", "sigmoid" -> {
                    if (pendingScale != null) {
                        block.add(new Affine(Matrix.diag(pendingScale), pendingShift));
                        pendingScale = null;
                        pendingShift = null;
                    }
                    if (block.isEmpty()) {
                        throw InputException.of(source, where + ": activation '" + kind + "' with no layer before it; "
                                + "a model must start with a Linear (or BatchNorm1d) layer");
                    }
                    close(block, activation(op, kind, where, source), layers);
                }
                default -> throw InputException.of(source, where + ": operation '" + kind + "' is not supported "
                        + "(linear, batchnorm, relu, leaky_relu, tanh, sigmoid, identity, flatten, dropout)");
            }
        }
        if (pendingScale != null) {
            block.add(new Affine(Matrix.diag(pendingScale), pendingShift));
        }
        if (!block.isEmpty()) {
            close(block, Activation.IDENTITY, layers);
        }
        if (layers.isEmpty()) {
            throw InputException.of(source, KEY + " has no linear layer");
        }
        for (String t : c.tensors().keySet()) {
            if (!used.contains(t)) {
                throw InputException.of(source, "tensor '" + t + "' is not used by the " + KEY + " metadata");
            }
        }
        return chained(layers, source);
    }

    private static JsonNode ops(String text, String source) {
        JsonNode g;
        try {
            g = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw InputException.of(source, "__metadata__ " + KEY + " is not valid JSON");
        }
        if (g == null || !g.isObject() || !g.path("version").isInt() || !g.path("ops").isArray()) {
            throw InputException.of(source, "__metadata__ " + KEY + " must be {\"version\": " + VERSION + ", \"ops\": [...]}");
        }
        if (g.get("version").asInt() != VERSION) {
            throw InputException.of(source, "__metadata__ " + KEY + " version " + g.get("version").asInt()
                    + " is not supported (this nngeom reads version " + VERSION + ")");
        }
        if (g.get("ops").size() > MAX_OPS) {
            throw InputException.of(source, "__metadata__ " + KEY + " has more than " + MAX_OPS + " operations");
        }
        return g.get("ops");
    }

    private static void close(List<Affine> block, Activation act, List<Layer> layers) {
        for (int k = 0; k < block.size(); k++) {
            Affine a = block.get(k);
            layers.add(new Layer(a.w(), a.b(), k == block.size() - 1 ? act : Activation.IDENTITY));
        }
        block.clear();
    }

    private static Mlp chained(List<Layer> layers, String source) {
        for (int k = 1; k < layers.size(); k++) {
            if (layers.get(k).inputs() != layers.get(k - 1).outputs()) {
                throw InputException.of(source, KEY + ": layer " + k + " takes " + layers.get(k).inputs()
                        + " inputs but layer " + (k - 1) + " gives " + layers.get(k - 1).outputs() + " outputs");
            }
        }
        return new Mlp(layers);
    }

    /** BatchNorm after a Linear: diag(s)(W x + b) + t. */
    private static Affine foldAfter(Affine a, double[] s, double[] t, String where, String source) {
        Matrix w = a.w();
        if (s.length != w.rows()) {
            throw InputException.of(source, where + ": BatchNorm1d over " + s.length + " features follows a layer with "
                    + w.rows() + " outputs");
        }
        double[] out = new double[w.rows() * w.cols()];
        double[] b = new double[w.rows()];
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                out[i * w.cols() + j] = s[i] * w.get(i, j);
            }
            b[i] = s[i] * a.b()[i] + t[i];
        }
        return new Affine(new Matrix(w.rows(), w.cols(), out), b);
    }

    /** BatchNorm before a Linear: W (diag(s) x + t) + b. */
    private static Affine foldBefore(Affine a, double[] s, double[] t, String where, String source) {
        Matrix w = a.w();
        if (s.length != w.cols()) {
            throw InputException.of(source, where + ": a layer with " + w.cols() + " inputs follows BatchNorm1d over "
                    + s.length + " features");
        }
        double[] out = new double[w.rows() * w.cols()];
        double[] b = a.b().clone();
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                out[i * w.cols() + j] = w.get(i, j) * s[j];
                b[i] += w.get(i, j) * t[j];
            }
        }
        return new Affine(new Matrix(w.rows(), w.cols(), out), b);
    }

    /** Scale s = γ/√(var + eps) and shift t = β − s·mean of an eval-mode BatchNorm1d. */
    private static double[][] batchNorm(Contents c, JsonNode op, String where, String source, Set<String> used) {
        double[] mean = vector(tensor(c, op, "mean", true, where, source, used), where + " mean", source);
        double[] var = vector(tensor(c, op, "var", true, where, source, used), where + " var", source);
        Tensor g = tensor(c, op, "weight", false, where, source, used);
        Tensor bt = tensor(c, op, "bias", false, where, source, used);
        double[] gamma = g == null ? null : vector(g, where + " weight", source);
        double[] beta = bt == null ? null : vector(bt, where + " bias", source);
        JsonNode eps = op.path("eps");
        int n = mean.length;
        if (var.length != n || (gamma != null && gamma.length != n) || (beta != null && beta.length != n)) {
            throw InputException.of(source, where + ": BatchNorm1d tensors have different lengths");
        }
        if (!eps.isNumber() || !(eps.asDouble() >= 0) || !Double.isFinite(eps.asDouble())) {
            throw InputException.of(source, where + ": BatchNorm1d needs a finite \"eps\" >= 0");
        }
        double[] s = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double d = var[i] + eps.asDouble();
            if (!(d > 0)) {
                throw InputException.of(source, where + ": BatchNorm1d variance + eps is " + d + " for feature " + i + " (must be > 0)");
            }
            s[i] = (gamma == null ? 1 : gamma[i]) / Math.sqrt(d);
            t[i] = (beta == null ? 0 : beta[i]) - s[i] * mean[i];
        }
        return new double[][] {s, t};
    }

    private static double[] vector(Tensor t, String what, String source) {
        if (t.shape().length != 1) {
            throw InputException.of(source, what + " must be 1-D");
        }
        return t.data();
    }

    private static String name(JsonNode op, String field) {
        return op.path(field).asText("");
    }

    private static Tensor tensor(Contents c, JsonNode op, String field, boolean required, String where, String source, Set<String> used) {
        JsonNode n = op.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw InputException.of(source, where + ": \"" + field + "\" is missing");
            }
            return null;
        }
        Tensor t = c.tensors().get(n.asText());
        if (!n.isTextual() || t == null) {
            throw InputException.of(source, where + ": \"" + field + "\" names no tensor of the file (" + n + ")");
        }
        used.add(n.asText());
        return t;
    }

    private static Activation activation(JsonNode op, String kind, String where, String source) {
        if (!kind.equals("leaky_relu")) {
            return Activation.parse(kind);
        }
        JsonNode slope = op.path("slope");
        if (!slope.isNumber() || !(slope.asDouble() >= 0 && slope.asDouble() < 1)) {
            throw InputException.of(source, where + ": leaky_relu needs a \"slope\" in [0, 1), got " + slope);
        }
        return Activation.leakyRelu(slope.asDouble());
    }
}
