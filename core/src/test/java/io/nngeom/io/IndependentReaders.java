package io.nngeom.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.nngeom.net.Mlp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Second, deliberately simple readers for the fuzz test: written separately from the production readers (splitting
 * lines instead of a CSV parser, regular expressions instead of a header parser, ZipInputStream instead of ZipFile,
 * a JSON tree walk instead of the safetensors decoder). They return null when a file is outside what they handle
 * ("cannot tell"), and fail with an AssertionError when they find the file broken although nngeom read it.
 */
final class IndependentReaders {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private IndependentReaders() {
    }

    /** Column names and values of a CSV without quotes; null if it has quotes. */
    static Object[] csv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("read, but the file is not UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('"') >= 0) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r\n|\n|\r", -1)) {
            if (!l.replace(",", "").isBlank() || l.contains(",")) {
                if (!l.isBlank()) {
                    lines.add(l);
                }
            }
        }
        String[] header = cells(lines.get(0));
        int skip = header.length > 1 && header[0].isEmpty() ? 1 : 0;
        double[][] rows = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] c = cells(lines.get(i));
            if (c.length != header.length) {
                throw new AssertionError("read, but row " + i + " has " + c.length + " cells, the header " + header.length);
            }
            rows[i - 1] = new double[c.length - skip];
            for (int j = skip; j < c.length; j++) {
                if (!NUMBER.matcher(c[j]).matches() || !Double.isFinite(Double.parseDouble(c[j]))) {
                    throw new AssertionError("read, but cell '" + c[j] + "' of row " + i + " is not a finite number");
                }
                rows[i - 1][j - skip] = Double.parseDouble(c[j]);
            }
        }
        return new Object[] {Arrays.asList(header).subList(skip, header.length), rows};
    }

    private static String[] cells(String line) {
        String[] c = line.split(",", -1);
        for (int i = 0; i < c.length; i++) {
            c[i] = c[i].trim();
        }
        return c;
    }

    static boolean sameTable(Csv.Table t, Object[] want) {
        if (want == null) {
            return false;
        }
        if (!t.header().equals(want[0])) {
            throw new AssertionError("header " + t.header() + ", the independent reader finds " + want[0]);
        }
        double[][] rows = (double[][]) want[1];
        if (!Arrays.deepEquals(t.values().toArray(), rows)) {
            throw new AssertionError("values differ from the independent reader's");
        }
        return true;
    }

    /** Shape and values (row-major) of an .npy file; null if its header is outside the simple pattern. */
    static NpyArray npy(byte[] b) {
        if (b.length < 10 || b[0] != (byte) 0x93 || b[1] != 'N' || b[6] < 1 || b[6] > 3) {
            throw new AssertionError("read, but the magic or version is wrong");
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int start = b[6] == 1 ? 10 : 12;
        long len = b[6] == 1 ? bb.getShort(8) & 0xffff : bb.getInt(8) & 0xffffffffL;
        String h = new String(b, start, (int) Math.min(len, b.length - start), StandardCharsets.ISO_8859_1);
        Matcher d = Pattern.compile("'descr':\\s*'([<>|])([fiub])(\\d)'").matcher(h);
        Matcher f = Pattern.compile("'fortran_order':\\s*(True|False)").matcher(h);
        Matcher s = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)?\\)").matcher(h);
        if (!d.find() || !f.find() || !s.find() || h.indexOf('{') != 0) {
            return null;
        }
        int rows = Integer.parseInt(s.group(1));
        int cols = s.group(2) == null ? 1 : Integer.parseInt(s.group(2));
        int size = Integer.parseInt(d.group(3));
        bb.order(d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).position((int) (start + len));
        if (b.length - start - len != (long) rows * cols * size) {
            throw new AssertionError("read, but the data are " + (b.length - start - len) + " bytes for " + rows + " x " + cols);
        }
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            double x = switch (d.group(2) + size) {
                case "f8" -> bb.getDouble();
                case "f4" -> bb.getFloat();
                case "i8" -> bb.getLong();
                case "i4" -> bb.getInt();
                case "u1", "b1" -> bb.get() & 0xff;
                default -> Double.NaN;
            };
            int i = f.group(1).equals("True") ? k % rows : k / cols;
            int j = f.group(1).equals("True") ? k / rows : k % cols;
            v[i * cols + j] = d.group(2).equals("b") ? (x != 0 ? 1 : 0) : x;
        }
        int[] shape = s.group(2) == null ? new int[] {rows} : new int[] {rows, cols};
        return Arrays.stream(v).allMatch(Double::isFinite) ? new NpyArray("<f8", shape, v) : null;
    }

    static boolean sameArray(NpyArray got, NpyArray want) {
        if (want == null) {
            return false;
        }
        if (!Arrays.equals(got.shape(), want.shape()) || !Arrays.equals(got.data(), want.data())) {
            throw new AssertionError("array " + Arrays.toString(got.shape()) + " differs from the independent reader's "
                    + Arrays.toString(want.shape()));
        }
        return true;
    }

    /** The arrays of an .npz read with ZipInputStream (which checks sizes and CRCs itself); null if one is unclear. */
    static Map<String, NpyArray> npz(byte[] b) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(b))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                NpyArray a = npy(z.readNBytes(10_000_000));
                if (a == null) {
                    return null;
                }
                out.put(e.getName().replaceAll("\\.npy$", ""), a);
            }
        } catch (ZipException e) {
            throw new AssertionError("read, but a streaming zip reader refuses it: " + e.getMessage());
        }
        return out;
    }

    /** Weights and biases of layers 0.., 2k.weight / 2k.bias as raw F64 at their offsets; null if not that layout. */
    static List<double[]> safetensorsWeights(byte[] b) throws IOException {
        long n = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        JsonNode h = FormatFuzz.tree(Arrays.copyOfRange(b, 8, (int) (8 + n)));
        List<double[]> out = new ArrayList<>();
        for (int k = 0; h.has(2 * k + ".weight"); k++) {
            for (String part : new String[] {".weight", ".bias"}) {
                JsonNode t = h.get(2 * k + part);
                if (t == null || !t.path("dtype").asText().equals("F64")) {
                    return null;
                }
                long begin = t.get("data_offsets").get(0).asLong();
                long end = t.get("data_offsets").get(1).asLong();
                ByteBuffer bb = ByteBuffer.wrap(b, (int) (8 + n + begin), (int) (end - begin)).slice().order(ByteOrder.LITTLE_ENDIAN);
                double[] v = new double[(int) ((end - begin) / 8)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = bb.getDouble();
                }
                out.add(v);
            }
        }
        return out.size() == h.size() - (h.has("__metadata__") ? 1 : 0) ? out : null;
    }

    /** Weights and biases of a JSON model by a tree walk; null if not the plain layout. */
    static List<double[]> jsonWeights(byte[] b) throws IOException {
        JsonNode layers = FormatFuzz.tree(b).path("layers");
        List<double[]> out = new ArrayList<>();
        for (JsonNode l : layers) {
            List<Double> w = new ArrayList<>();
            l.path("weight").forEach(row -> row.forEach(x -> w.add(x.asDouble())));
            out.add(w.stream().mapToDouble(Double::doubleValue).toArray());
            List<Double> bias = new ArrayList<>();
            l.path("bias").forEach(x -> bias.add(x.asDouble()));
            out.add(bias.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /**
     * For an exporter-style file: the graph evaluated op by op (BatchNorm not folded) on fixed inputs, from tensors
     * decoded here as raw F32, must give the model's outputs within 1e-12 (relative); null-equivalent (false) if
     * the header or graph is outside the seed's layout.
     */
    static boolean sameOutputs(Mlp m, byte[] b) throws IOException {
        long n = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        JsonNode h = FormatFuzz.tree(Arrays.copyOfRange(b, 8, (int) (8 + n)));
        Map<String, double[]> t = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : h.properties()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            if (!e.getValue().path("dtype").asText().equals("F32")) {
                return false;
            }
            long begin = e.getValue().get("data_offsets").get(0).asLong();
            long end = e.getValue().get("data_offsets").get(1).asLong();
            ByteBuffer bb = ByteBuffer.wrap(b, (int) (8 + n + begin), (int) (end - begin)).slice().order(ByteOrder.LITTLE_ENDIAN);
            double[] v = new double[(int) ((end - begin) / 4)];
            for (int i = 0; i < v.length; i++) {
                v[i] = bb.getFloat();
            }
            t.put(e.getKey(), v);
        }
        JsonNode ops = FormatFuzz.tree(h.path("__metadata__").path(TorchGraph.KEY).asText().getBytes(StandardCharsets.UTF_8)).path("ops");
        for (double[] x : new double[][] {{0.3, -1.2, 2.0}, {-0.7, 0.1, -0.4}, {5, -5, 0.5}}) {
            double[] y = x.clone();
            for (JsonNode op : ops) {
                y = apply(op, y, t);
                if (y == null) {
                    return false;
                }
            }
            double[] got = m.apply(x);
            for (int i = 0; i < y.length; i++) {
                if (got.length != y.length || Math.abs(got[i] - y[i]) > 1e-12 * Math.max(1, Math.abs(y[i]))) {
                    throw new AssertionError("output " + Arrays.toString(got) + ", the op-by-op evaluation gives " + Arrays.toString(y));
                }
            }
        }
        return true;
    }

    private static double[] apply(JsonNode op, double[] x, Map<String, double[]> t) {
        double[] y = new double[x.length];
        switch (op.path("op").asText()) {
            case "batchnorm" -> {
                double[] g = t.get(op.path("weight").asText());
                double[] be = t.get(op.path("bias").asText());
                double[] mu = t.get(op.path("mean").asText());
                double[] var = t.get(op.path("var").asText());
                for (int i = 0; i < x.length; i++) {
                    y[i] = (x[i] - mu[i]) / Math.sqrt(var[i] + op.path("eps").asDouble()) * g[i] + be[i];
                }
            }
            case "linear" -> {
                double[] w = t.get(op.path("weight").asText());
                double[] bias = op.path("bias").isNull() ? null : t.get(op.path("bias").asText());
                y = new double[w.length / x.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = bias == null ? 0 : bias[i];
                    for (int j = 0; j < x.length; j++) {
                        y[i] += w[i * x.length + j] * x[j];
                    }
                }
            }
            case "leaky_relu" -> {
                for (int i = 0; i < x.length; i++) {
                    y[i] = x[i] > 0 ? x[i] : op.path("slope").asDouble() * x[i];
                }
            }
            case "sigmoid" -> {
                for (int i = 0; i < x.length; i++) {
                    y[i] = 1 / (1 + Math.exp(-x[i]));
                }
            }
            default -> {
                return null;
            }
        }
        return y;
    }

    static boolean sameModel(Mlp m, List<double[]> want) {
        if (want == null) {
            return false;
        }
        if (want.size() != 2 * m.layerCount()) {
            throw new AssertionError(m.layerCount() + " layers, the independent reader finds " + want.size() / 2);
        }
        for (int k = 0; k < m.layerCount(); k++) {
            if (!Arrays.equals(m.layer(k).weight().data(), want.get(2 * k)) || !Arrays.equals(m.layer(k).bias(), want.get(2 * k + 1))) {
                throw new AssertionError("layer " + k + " differs from the independent reader's");
            }
        }
        return true;
    }
}
