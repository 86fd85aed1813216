package io.nngeom.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The safetensors format (Hugging Face; written and read here without a library), and the mapping of an
 * {@link Mlp} to PyTorch's {@code torch.nn.Sequential(Linear, Act, Linear, Act, ..., Linear)}.
 *
 * <p>File layout: an unsigned 64-bit little-endian header length N; N bytes of UTF-8 JSON (padded with spaces
 * to a multiple of 8); then the raw little-endian tensor data. The header maps each tensor name to
 * {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to the data section) and may hold
 * {@code "__metadata__"}, a map of strings to strings.
 *
 * <p>Mapping (see {@code docs/formats.md}): layer k of the Mlp is the Linear module at Sequential index 2k, so
 * its tensors are {@code "2k.weight"} (shape [out, in]) and {@code "2k.bias"} (shape [out]); written as F64.
 * {@code __metadata__} records {@code format = nngeom-mlp}, {@code format_version}, {@code architecture},
 * {@code activation} (the hidden layers' activation, when they share one) and {@code activations} (every
 * layer's activation, comma-separated, output layer last).
 *
 * <p>Import accepts F64, F32, F16, BF16 (widened exactly) and integer tensors ({@link TensorDtype}); the model
 * is built by {@link TorchModel}, which never guesses the forward order from names. The container is validated
 * completely: header JSON, dtypes, shapes, data offsets covering the data section exactly, finite values.
 */
public final class Safetensors {
    /** {@code __metadata__ format} value of files written by nngeom. */
    public static final String FORMAT = "nngeom-mlp";
    /** {@code __metadata__ format_version} written. */
    public static final String FORMAT_VERSION = "1";
    /** Largest header accepted (the reference implementation's limit): 100 MB. */
    static final long MAX_HEADER = 100_000_000L;

    /** One tensor of a safetensors file, widened to float64; {@code dtype} is the stored one (F64, F32). */
    public record Tensor(String dtype, int[] shape, double[] data) {
        public Tensor {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    /** The tensors (in header order) and the {@code __metadata__} of a file. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
        public Contents {
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    private Safetensors() {
    }

    /** Writes a model as F64 safetensors, atomically. */
    public static void write(Mlp mlp, Path file) {
        AtomicFiles.write(file, encode(mlp));
    }

    /**
     * Reads a model.
     *
     * @param hiddenIfMissing the hidden layers' activation for a file whose metadata names none (output layer
     *                        identity); null to make such a file an error
     */
    public static Mlp read(Path file, Activation hiddenIfMissing) {
        return decode(Files2.readAllBytes(file), file.toString(), hiddenIfMissing);
    }

    /** The safetensors bytes of a model (F64). */
    public static byte[] encode(Mlp mlp) {
        return encode(mlp, Map.of());
    }

    /** The safetensors bytes of a model (F64) with further {@code __metadata__} entries (after nngeom's own). */
    public static byte[] encode(Mlp mlp, Map<String, String> extra) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", FORMAT_VERSION);
        meta.put("architecture", mlp.architecture());
        Activation hidden = sharedHiddenActivation(mlp);
        if (hidden != null) {
            meta.put("activation", hidden.id());
        }
        StringBuilder acts = new StringBuilder();
        for (Layer l : mlp.layers()) {
            acts.append(acts.length() == 0 ? "" : ",").append(l.activation().id());
        }
        meta.put("activations", acts.toString());
        extra.forEach(meta::putIfAbsent);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int k = 0; k < mlp.layerCount(); k++) {
            Layer l = mlp.layer(k);
            tensors.put((2 * k) + ".weight", new Tensor("F64", new int[] {l.outputs(), l.inputs()}, l.weight().data()));
            tensors.put((2 * k) + ".bias", new Tensor("F64", new int[] {l.outputs()}, l.bias()));
        }
        return encode(new Contents(tensors, meta));
    }

    /** The safetensors bytes of arbitrary F64 / F32 tensors (in the given order) with metadata. */
    public static byte[] encode(Contents contents) {
        ObjectNode header = Json.object();
        if (!contents.metadata().isEmpty()) {
            ObjectNode m = header.putObject("__metadata__");
            contents.metadata().forEach(m::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : contents.tensors().entrySet()) {
            Tensor t = e.getValue();
            int item = itemSize(t.dtype());
            ObjectNode tn = header.putObject(e.getKey());
            tn.put("dtype", t.dtype());
            ArrayNode sh = tn.putArray("shape");
            for (int s : t.shape()) {
                sh.add(s);
            }
            long len = (long) t.data().length * item;
            ArrayNode off = tn.putArray("data_offsets");
            off.add(offset);
            off.add(offset + len);
            offset += len;
        }
        byte[] json = Json.toCompactString(header).getBytes(StandardCharsets.UTF_8);
        int pad = (8 - json.length % 8) % 8;
        int headerLen = json.length + pad;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + headerLen + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(headerLen).put(json);
        for (int i = 0; i < pad; i++) {
            buf.put((byte) ' ');
        }
        for (Tensor t : contents.tensors().values()) {
            for (double v : t.data()) {
                if (t.dtype().equals("F64")) {
                    buf.putDouble(v);
                } else {
                    buf.putFloat((float) v);
                }
            }
        }
        return buf.array();
    }

    private static int itemSize(String dtype) {
        return switch (dtype) {
            case "F64" -> 8;
            case "F32" -> 4;
            default -> throw new IllegalArgumentException("cannot write dtype " + dtype + " (F64 or F32)");
        };
    }

    private static Activation sharedHiddenActivation(Mlp mlp) {
        Activation a = null;
        for (int k = 0; k < mlp.layerCount() - 1; k++) {
            Activation b = mlp.layer(k).activation();
            if (a != null && !a.equals(b)) {
                return null;
            }
            a = b;
        }
        return a;
    }

    /** Parses and validates the container (header, dtypes, shapes, offsets, finite values); no model mapping. */
    public static Contents decodeContents(byte[] bytes, String source) {
        JsonNode header = readHeader(bytes, source);
        int dataStart = (int) (8 + ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
        long dataLen = bytes.length - dataStart;
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        TreeMap<Long, long[]> ranges = new TreeMap<>();
        Map<Long, String> rangeNames = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : header.properties()) {
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (name.equals("__metadata__")) {
                readMetadata(v, source, meta);
                continue;
            }
            Entry t = readEntry(name, v, dataLen, source);
            if (ranges.containsKey(t.begin()) && t.end() > t.begin()) {
                throw InputException.of(source, "tensor '" + name + "' overlaps tensor '" + rangeNames.get(t.begin()) + "'");
            }
            ranges.put(t.begin(), new long[] {t.begin(), t.end()});
            rangeNames.put(t.begin(), name);
            tensors.put(name, readData(name, t, bytes, dataStart, source));
        }
        checkTiling(ranges, rangeNames, dataLen, source);
        return new Contents(tensors, meta);
    }

    /** The 8-byte length and the JSON header object, validated. */
    private static JsonNode readHeader(byte[] bytes, String source) {
        if (bytes.length == 0) {
            throw InputException.of(source, "empty file, expected safetensors");
        }
        if (bytes.length < 8) {
            throw InputException.of(source, "not a safetensors file (shorter than the 8-byte header length)");
        }
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        if (n < 2 || n > MAX_HEADER) {
            throw InputException.of(source, "not a safetensors file (header length " + Long.toUnsignedString(n) + " is implausible)");
        }
        if (8 + n > bytes.length) {
            throw InputException.of(source, "truncated safetensors file: the header announces " + n + " bytes, the file has "
                    + (bytes.length - 8) + " after the length");
        }
        if (bytes[8] != '{') {
            throw InputException.of(source, "not a safetensors file (the header does not start with '{')");
        }
        String headerText;
        try {
            headerText = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 8, (int) n)).toString();
        } catch (CharacterCodingException e) {
            throw InputException.of(source, "malformed safetensors header: not valid UTF-8");
        }
        JsonNode header;
        try {
            header = Json.mapper().readTree(headerText);
        } catch (JsonProcessingException e) {
            throw InputException.of(source, "malformed safetensors header JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (header == null || !header.isObject()) {
            throw InputException.of(source, "malformed safetensors header: expected a JSON object");
        }
        return header;
    }

    /** The __metadata__ entry: an object of strings, copied into meta. */
    private static void readMetadata(JsonNode v, String source, Map<String, String> meta) {
        if (!v.isObject()) {
            throw InputException.of(source, "__metadata__ must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> me : v.properties()) {
            if (!me.getValue().isTextual()) {
                throw InputException.of(source, "__metadata__ value of '" + me.getKey() + "' must be a string");
            }
            meta.put(me.getKey(), me.getValue().asText());
        }
    }

    /** A tensor's header entry: dtype, shape, element count and its bytes [begin, end) in the data section. */
    private record Entry(String dtype, int[] shape, long count, long begin, long end) {
    }

    /** One tensor's header entry, validated against the data section's length. */
    private static Entry readEntry(String name, JsonNode v, long dataLen, String source) {
        String where = "tensor '" + name + "'";
        if (!v.isObject()) {
            throw InputException.of(source, where + ": header entry must be an object");
        }
        JsonNode dt = v.get("dtype");
        JsonNode sh = v.get("shape");
        JsonNode off = v.get("data_offsets");
        if (dt == null || !dt.isTextual() || sh == null || !sh.isArray() || off == null || !off.isArray()) {
            throw InputException.of(source, where + ": header entry needs \"dtype\", \"shape\" and \"data_offsets\"");
        }
        String dtype = dt.asText();
        int item = TensorDtype.size(dtype);
        if (item == 0) {
            throw InputException.of(source, where + ": dtype " + dtype + " is not supported (" + TensorDtype.NAMES + ")");
        }
        int[] shape = new int[sh.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = sh.get(i);
            if (!d.isIntegralNumber() || d.asLong() < 0 || d.asLong() > Integer.MAX_VALUE) {
                throw InputException.of(source, where + ": bad shape " + sh);
            }
            shape[i] = d.asInt();
            count *= shape[i];
            if (count > Integer.MAX_VALUE - 8) {
                throw InputException.of(source, where + ": shape " + sh + " is too large");
            }
        }
        if (off.size() != 2 || !off.get(0).isIntegralNumber() || !off.get(1).isIntegralNumber()) {
            throw InputException.of(source, where + ": data_offsets must be [begin, end]");
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw InputException.of(source, where + ": bad data_offsets " + off);
        }
        if (end > dataLen) {
            throw InputException.of(source, where + ": data_offsets " + off + " reach beyond the data section ("
                    + dataLen + " bytes; the file may be truncated)");
        }
        if (end - begin != count * item) {
            throw InputException.of(source, where + ": data_offsets " + off + " span " + (end - begin) + " bytes but shape "
                    + sh + " of " + dtype + " needs " + count * item);
        }
        return new Entry(dtype, shape, count, begin, end);
    }

    /** A tensor's values as float64; every value must be finite (and an I64 exact in float64). */
    private static Tensor readData(String name, Entry t, byte[] bytes, int dataStart, String source) {
        String where = "tensor '" + name + "'";
        String dtype = t.dtype();
        ByteBuffer tb = ByteBuffer.wrap(bytes, dataStart + (int) t.begin(), (int) (t.end() - t.begin())).slice().order(ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[(int) t.count()];
        for (int i = 0; i < data.length; i++) {
            data[i] = TensorDtype.get(tb, dtype);
            if (!Double.isFinite(data[i])) {
                throw InputException.of(source, where + ": element " + i + " is " + (dtype.equals("I64")
                        ? "an integer beyond ±2^53 (not exact in float64)" : Npy.name(data[i]) + "; weights must be finite"));
            }
        }
        return new Tensor(dtype, t.shape(), data);
    }

    /** The tensors' data must tile the data section: no overlap, no gap, nothing after the last tensor. */
    private static void checkTiling(TreeMap<Long, long[]> ranges, Map<Long, String> rangeNames, long dataLen, String source) {
        long expected = 0;
        for (long[] r : ranges.values()) {
            if (r[0] == r[1]) {
                continue;
            }
            if (r[0] < expected) {
                throw InputException.of(source, "tensor '" + rangeNames.get(r[0]) + "' overlaps another tensor's data");
            }
            if (r[0] > expected) {
                throw InputException.of(source, "the data section has a gap of " + (r[0] - expected) + " bytes at offset " + expected);
            }
            expected = r[1];
        }
        if (expected != dataLen) {
            throw InputException.of(source, (dataLen - expected) + " bytes after the last tensor's data");
        }
    }

    /** Parses a model (see {@link TorchModel} for the accepted files). */
    public static Mlp decode(byte[] bytes, String source, Activation hiddenIfMissing) {
        return TorchModel.decode(decodeContents(bytes, source), source, hiddenIfMissing);
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
