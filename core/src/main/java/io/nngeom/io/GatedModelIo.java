package io.nngeom.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.GatedNetwork;
import io.nngeom.run.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gated-ReLU model files ({@link GatedNetwork}; format {@code nngeom-gated}, version 1, specified in docs/formats.md),
 * by extension: {@code .json} (gates as an array of rows, weights as c arrays of m rows) and {@code .safetensors}
 * (tensors {@code gates} m×q and {@code weights} c×m×q, F64, plus {@code mean} and {@code scale} (d) when the model
 * standardises its inputs; metadata {@code format}, {@code format_version}, {@code bias}, {@code architecture}).
 * Writes are atomic; reads check every field and report one {@link InputException} line naming the file.
 */
public final class GatedModelIo {
    /** The {@code format} value of gated model files. */
    public static final String FORMAT = "nngeom-gated";
    /** The version written, and the newest one read. */
    public static final int VERSION = 1;

    private GatedModelIo() {
    }

    /** Whether a model file (.json or .safetensors) holds a gated network; false for anything else, never throws for content. */
    public static boolean isGated(Path file) {
        String ext = Files2.extension(file);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            if (ext.equals("json")) {
                JsonNode f = Json.read(file).get("format");
                return f != null && FORMAT.equals(f.asText());
            }
            if (ext.equals("safetensors")) {
                return FORMAT.equals(Safetensors.decodeContents(Files2.readAllBytes(file), file.toString()).metadata().get("format"));
            }
        } catch (InputException e) {
            return false;
        }
        return false;
    }

    /** Writes a gated model in the format its extension names (.json or .safetensors), atomically. */
    public static void write(GatedNetwork g, Path file) {
        if (!g.gates().allFinite() || !Arrays.stream(g.weights()).allMatch(Double::isFinite)) {
            throw InputException.of(file, "not written: the gated model has a non-finite gate or weight, which no reader accepts");
        }
        switch (kind(file)) {
            case "json" -> Json.write(file, toJson(g));
            default -> AtomicFiles.write(file, Safetensors.encode(toContents(g)));
        }
    }

    /** Reads a gated model file. */
    public static GatedNetwork read(Path file) {
        return switch (kind(file)) {
            case "json" -> fromJson(Json.read(file), file.toString());
            default -> fromContents(Safetensors.decodeContents(Files2.readAllBytes(file), file.toString()), file.toString());
        };
    }

    private static String kind(Path file) {
        String ext = Files2.extension(file);
        if (!ext.equals("json") && !ext.equals("safetensors")) {
            throw InputException.of(file, "unknown model file type" + (ext.isEmpty() ? "" : " '." + ext + "'") + " (expected .json or .safetensors)");
        }
        return ext;
    }

    /** The JSON tree of a gated model. */
    public static ObjectNode toJson(GatedNetwork g) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("architecture", g.architecture());
        root.put("inputs", g.inputDim());
        root.put("outputs", g.outputDim());
        root.put("bias", g.bias());
        Matrix gates = g.gates();
        ArrayNode gn = root.putArray("gates");
        for (int i = 0; i < gates.rows(); i++) {
            ArrayNode row = gn.addArray();
            for (double v : gates.rowArray(i)) {
                row.add(v);
            }
        }
        int m = gates.rows();
        int q = gates.cols();
        double[] w = g.weights();
        ArrayNode wn = root.putArray("weights");
        for (int k = 0; k < g.outputDim(); k++) {
            ArrayNode out = wn.addArray();
            for (int i = 0; i < m; i++) {
                ArrayNode row = out.addArray();
                for (int j = 0; j < q; j++) {
                    row.add(w[(k * m + i) * q + j]);
                }
            }
        }
        if (g.mean() != null) {
            ObjectNode s = root.putObject("standardize");
            ArrayNode mn = s.putArray("mean");
            Arrays.stream(g.mean()).forEach(mn::add);
            ArrayNode sn = s.putArray("scale");
            Arrays.stream(g.scale()).forEach(sn::add);
        }
        return root;
    }

    /** Builds a gated model from its JSON tree, checking every field. */
    public static GatedNetwork fromJson(JsonNode root, String source) {
        if (!root.isObject() || root.get("format") == null || !FORMAT.equals(root.get("format").asText())) {
            throw InputException.of(source, "missing \"format\": \"" + FORMAT + "\" (not an nngeom gated model)");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asInt() < 1 || version.asInt() > VERSION) {
            throw InputException.of(source, "\"version\" must be an integer from 1 to " + VERSION + ", got " + version);
        }
        JsonNode bias = root.get("bias");
        if (bias == null || !bias.isBoolean()) {
            throw InputException.of(source, "\"bias\" must be true or false");
        }
        double[][] gates = rows(root.get("gates"), source, "gates");
        int m = gates.length;
        int q = gates[0].length;
        JsonNode wn = root.get("weights");
        if (wn == null || !wn.isArray() || wn.isEmpty()) {
            throw InputException.of(source, "\"weights\" must be a non-empty array (one m x q array per output)");
        }
        int c = wn.size();
        double[] w = new double[c * m * q];
        for (int k = 0; k < c; k++) {
            double[][] uk = rows(wn.get(k), source, "weights[" + k + "]");
            if (uk.length != m || uk[0].length != q) {
                throw InputException.of(source, "weights[" + k + "] is " + uk.length + " x " + uk[0].length + ", the gates are " + m + " x " + q);
            }
            for (int i = 0; i < m; i++) {
                System.arraycopy(uk[i], 0, w, (k * m + i) * q, q);
            }
        }
        double[] mean = null;
        double[] scale = null;
        JsonNode st = root.get("standardize");
        if (st != null) {
            mean = vector(st.get("mean"), source, "standardize.mean");
            scale = vector(st.get("scale"), source, "standardize.scale");
        }
        GatedNetwork g = build(gates, w, c, bias.asBoolean(), mean, scale, source);
        checkInt(root, "inputs", g.inputDim(), source);
        checkInt(root, "outputs", g.outputDim(), source);
        return g;
    }

    private static void checkInt(JsonNode root, String field, int actual, String source) {
        JsonNode v = root.get(field);
        if (v != null && !(v.isIntegralNumber() && v.asInt() == actual)) {
            throw InputException.of(source, "\"" + field + "\" is " + v + " but the gates and weights imply " + actual);
        }
    }

    private static double[][] rows(JsonNode n, String source, String where) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw InputException.of(source, "\"" + where + "\" must be a non-empty array of rows");
        }
        double[][] out = new double[n.size()][];
        for (int i = 0; i < n.size(); i++) {
            out[i] = vector(n.get(i), source, where + "[" + i + "]");
            if (out[i].length != out[0].length) {
                throw InputException.of(source, where + "[" + i + "] has " + out[i].length + " entries, row 0 has " + out[0].length);
            }
        }
        return out;
    }

    private static double[] vector(JsonNode n, String source, String where) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw InputException.of(source, where + " must be a non-empty array of numbers");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = n.get(i);
            if (!e.isNumber() || !Double.isFinite(e.doubleValue())) {
                throw InputException.of(source, where + "[" + i + "] is " + Json.toCompactString(e) + ", not a finite number");
            }
            v[i] = e.doubleValue();
        }
        return v;
    }

    private static GatedNetwork build(double[][] gates, double[] w, int c, boolean bias, double[] mean, double[] scale, String source) {
        int m = gates.length;
        int q = gates[0].length;
        if (q < (bias ? 2 : 1)) {
            throw InputException.of(source, "gates have " + q + " columns; with a bias they need d + 1 >= 2");
        }
        int d = bias ? q - 1 : q;
        if (mean != null && (mean.length != d || scale.length != d)) {
            throw InputException.of(source, "standardisation has " + mean.length + " means and " + scale.length + " scales, the model takes " + d + " inputs");
        }
        if (scale != null && !Arrays.stream(scale).allMatch(s -> s > 0)) {
            throw InputException.of(source, "standardisation scales must be positive");
        }
        double[] flat = new double[m * q];
        for (int i = 0; i < m; i++) {
            System.arraycopy(gates[i], 0, flat, i * q, q);
        }
        return new GatedNetwork(new Matrix(m, q, flat), w, c, bias, mean, scale);
    }

    /** The safetensors contents of a gated model: F64 tensors gates (m, q), weights (c, m, q), [mean (d), scale (d)]. */
    public static Safetensors.Contents toContents(GatedNetwork g) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", String.valueOf(VERSION));
        meta.put("architecture", g.architecture());
        meta.put("bias", String.valueOf(g.bias()));
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
        Matrix gates = g.gates();
        t.put("gates", new Safetensors.Tensor("F64", new int[] {gates.rows(), gates.cols()}, gates.data()));
        t.put("weights", new Safetensors.Tensor("F64", new int[] {g.outputDim(), gates.rows(), gates.cols()}, g.weights()));
        if (g.mean() != null) {
            t.put("mean", new Safetensors.Tensor("F64", new int[] {g.inputDim()}, g.mean()));
            t.put("scale", new Safetensors.Tensor("F64", new int[] {g.inputDim()}, g.scale()));
        }
        return new Safetensors.Contents(t, meta);
    }

    /** Builds a gated model from safetensors contents, checking names, shapes and metadata. */
    public static GatedNetwork fromContents(Safetensors.Contents c, String source) {
        Map<String, String> meta = c.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw InputException.of(source, "metadata format is " + meta.get("format") + ", not " + FORMAT + " (not an nngeom gated model)");
        }
        if (!String.valueOf(VERSION).equals(meta.get("format_version"))) {
            throw InputException.of(source, "metadata format_version " + meta.get("format_version") + " is not supported (this nngeom reads " + VERSION + ")");
        }
        String b = meta.get("bias");
        if (!"true".equals(b) && !"false".equals(b)) {
            throw InputException.of(source, "metadata bias must be \"true\" or \"false\", got " + b);
        }
        for (String name : c.tensors().keySet()) {
            if (!name.equals("gates") && !name.equals("weights") && !name.equals("mean") && !name.equals("scale")) {
                throw InputException.of(source, "unexpected tensor '" + name + "' (a gated model holds gates, weights and optionally mean, scale)");
            }
        }
        Safetensors.Tensor g = tensor(c, "gates", 2, source);
        Safetensors.Tensor w = tensor(c, "weights", 3, source);
        int m = g.shape()[0];
        int q = g.shape()[1];
        if (w.shape()[1] != m || w.shape()[2] != q) {
            throw InputException.of(source, "weights have shape " + Arrays.toString(w.shape()) + ", expected (c, " + m + ", " + q + ") to match the gates");
        }
        double[][] gates = new double[m][q];
        for (int i = 0; i < m; i++) {
            System.arraycopy(g.data(), i * q, gates[i], 0, q);
        }
        boolean hasMean = c.tensors().containsKey("mean");
        if (hasMean != c.tensors().containsKey("scale")) {
            throw InputException.of(source, "standardisation needs both tensors mean and scale");
        }
        double[] mean = hasMean ? tensor(c, "mean", 1, source).data() : null;
        double[] scale = hasMean ? tensor(c, "scale", 1, source).data() : null;
        return build(gates, w.data(), w.shape()[0], "true".equals(b), mean, scale, source);
    }

    private static Safetensors.Tensor tensor(Safetensors.Contents c, String name, int rank, String source) {
        Safetensors.Tensor t = c.tensors().get(name);
        if (t == null) {
            throw InputException.of(source, "missing tensor '" + name + "'");
        }
        if (t.shape().length != rank || Arrays.stream(t.shape()).anyMatch(s -> s < 1)) {
            throw InputException.of(source, "tensor '" + name + "' has shape " + Arrays.toString(t.shape()) + ", expected " + rank + " positive dimensions");
        }
        return t;
    }
}
