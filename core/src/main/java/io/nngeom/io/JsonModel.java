package io.nngeom.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * nngeom's JSON model format ({@code "format": "nngeom-mlp"}, version 1; specified in {@code docs/formats.md}):
 * the sizes, and per layer the activation, the weight matrix (out×in, as an array of rows) and the bias. Doubles
 * are written as shortest round-trip decimals, so reading a written model gives back the same network bit for bit.
 */
public final class JsonModel {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "nngeom-mlp";
    /** The format version written, and the newest one read. */
    public static final int VERSION = 1;

    private JsonModel() {
    }

    /** The JSON tree of a model. */
    public static ObjectNode toJson(Mlp mlp) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("architecture", mlp.architecture());
        ArrayNode sizes = root.putArray("sizes");
        for (int s : mlp.sizes()) {
            sizes.add(s);
        }
        ArrayNode layers = root.putArray("layers");
        for (Layer l : mlp.layers()) {
            ObjectNode ln = layers.addObject();
            ln.put("inputs", l.inputs());
            ln.put("outputs", l.outputs());
            ln.put("activation", l.activation().id());
            ArrayNode w = ln.putArray("weight");
            for (int i = 0; i < l.outputs(); i++) {
                ArrayNode row = w.addArray();
                for (int j = 0; j < l.inputs(); j++) {
                    row.add(l.w(i, j));
                }
            }
            ArrayNode b = ln.putArray("bias");
            for (int i = 0; i < l.outputs(); i++) {
                b.add(l.b(i));
            }
        }
        return root;
    }

    /** Writes a model file, atomically. */
    public static void write(Mlp mlp, Path file) {
        Json.write(file, toJson(mlp));
    }

    /** Reads a model file. */
    public static Mlp read(Path file) {
        return fromJson(Json.read(file), file.toString());
    }

    /** Parses a model from JSON bytes; {@code source} names them in error messages. */
    public static Mlp decode(byte[] bytes, String source) {
        return fromJson(Json.parse(bytes, source), source);
    }

    /** Builds a model from its JSON tree, checking every field. */
    public static Mlp fromJson(JsonNode root, String source) {
        if (!root.isObject()) {
            throw InputException.of(source, "expected a JSON object with \"format\": \"" + FORMAT + "\"");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual()) {
            throw InputException.of(source, "missing \"format\": \"" + FORMAT + "\" (not an nngeom JSON model)");
        }
        if (!FORMAT.equals(format.asText())) {
            throw InputException.of(source, "format '" + format.asText() + "' is not '" + FORMAT + "'");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw InputException.of(source, "missing or non-integer \"version\"");
        }
        if (version.asInt() < 1 || version.asInt() > VERSION) {
            throw InputException.of(source, "format version " + version.asInt() + " is not supported (this nngeom reads version "
                    + VERSION + ")");
        }
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isArray() || layersNode.isEmpty()) {
            throw InputException.of(source, "\"layers\" must be a non-empty array");
        }
        List<Layer> layers = new ArrayList<>();
        int index = 0;
        for (Iterator<JsonNode> it = layersNode.elements(); it.hasNext(); index++) {
            layers.add(layer(it.next(), source, "layers[" + index + "]"));
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
                throw InputException.of(source, "layers[" + l + "] takes " + layers.get(l).inputs()
                        + " inputs but layers[" + (l - 1) + "] gives " + layers.get(l - 1).outputs());
            }
        }
        Mlp mlp = new Mlp(layers);
        JsonNode sizes = root.get("sizes");
        if (sizes != null) {
            int[] s = mlp.sizes();
            boolean ok = sizes.isArray() && sizes.size() == s.length;
            for (int i = 0; ok && i < s.length; i++) {
                ok = sizes.get(i).isIntegralNumber() && sizes.get(i).asInt() == s[i];
            }
            if (!ok) {
                throw InputException.of(source, "\"sizes\" " + Json.toCompactString(sizes) + " disagree with the layers ("
                        + mlp.architecture() + ")");
            }
        }
        JsonNode arch = root.get("architecture");
        if (arch != null && !(arch.isTextual() && arch.asText().equals(mlp.architecture()))) {
            throw InputException.of(source, "\"architecture\" " + arch + " disagrees with the layers (" + mlp.architecture() + ")");
        }
        return mlp;
    }

    private static Layer layer(JsonNode n, String source, String where) {
        if (!n.isObject()) {
            throw InputException.of(source, where + " must be an object");
        }
        JsonNode act = n.get("activation");
        if (act == null || !act.isTextual()) {
            throw InputException.of(source, where + ".activation must be a name such as \"relu\"");
        }
        Activation activation;
        try {
            activation = Activation.parse(act.asText());
        } catch (IllegalArgumentException e) {
            throw InputException.of(source, where + ".activation: " + e.getMessage());
        }
        JsonNode w = n.get("weight");
        if (w == null || !w.isArray() || w.isEmpty()) {
            throw InputException.of(source, where + ".weight must be a non-empty array of rows");
        }
        int out = w.size();
        int in = -1;
        double[] wd = null;
        for (int i = 0; i < out; i++) {
            JsonNode row = w.get(i);
            if (!row.isArray() || row.isEmpty()) {
                throw InputException.of(source, where + ".weight[" + i + "] must be a non-empty array of numbers");
            }
            if (in < 0) {
                in = row.size();
                wd = new double[out * in];
            } else if (row.size() != in) {
                throw InputException.of(source, where + ".weight[" + i + "] has " + row.size() + " entries, row 0 has " + in);
            }
            for (int j = 0; j < in; j++) {
                wd[i * in + j] = number(row.get(j), source, where + ".weight[" + i + "][" + j + "]");
            }
        }
        JsonNode b = n.get("bias");
        if (b == null || !b.isArray()) {
            throw InputException.of(source, where + ".bias must be an array of numbers");
        }
        if (b.size() != out) {
            throw InputException.of(source, where + ".bias has " + b.size() + " entries, the weight has " + out + " rows");
        }
        double[] bd = new double[out];
        for (int i = 0; i < out; i++) {
            bd[i] = number(b.get(i), source, where + ".bias[" + i + "]");
        }
        check(n, "inputs", in, source, where);
        check(n, "outputs", out, source, where);
        return new Layer(new Matrix(out, in, wd), bd, activation);
    }

    private static void check(JsonNode n, String field, int actual, String source, String where) {
        JsonNode v = n.get(field);
        if (v != null && !(v.isIntegralNumber() && v.asLong() == actual)) {
            throw InputException.of(source, where + "." + field + " is " + v + " but the weight implies " + actual);
        }
    }

    private static double number(JsonNode v, String source, String where) {
        if (v == null || !v.isNumber()) {
            throw InputException.of(source, where + " is " + (v == null ? "missing" : Json.toCompactString(v)) + ", not a number");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw InputException.of(source, where + " = " + v.asText() + " is not a finite float64");
        }
        return d;
    }
}
