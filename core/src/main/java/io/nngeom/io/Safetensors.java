package io.nngeom.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>Import accepts F64 and F32 tensors; names {@code PREFIX<i>.weight} / {@code PREFIX<i>.bias} with one
 * common prefix (such as {@code net.}) and any increasing indices i (the layers are taken in index order); a
 * missing bias (a {@code Linear(bias=False)}) counts as zero. Activations come from {@code activations}, else
 * from {@code activation} (output layer identity); a file without either (a plain PyTorch state dict) needs the
 * hidden activation to be given by the caller. Everything is validated: header JSON, key set, dtypes, shapes
 * chaining from layer to layer, data offsets covering the data section exactly, finite values.
 */
public final class Safetensors {
    /** {@code __metadata__ format} value of files written by nngeom. */
    public static final String FORMAT = "nngeom-mlp";
    /** {@code __metadata__ format_version} written. */
    public static final String FORMAT_VERSION = "1";
    /** Largest header accepted (the reference implementation's limit): 100 MB. */
    static final long MAX_HEADER = 100_000_000L;
    private static final Pattern KEY = Pattern.compile("(.*?)(\\d+)\\.(weight|bias)");

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
        if (bytes.length == 0) {
            throw InputException.of(source, "empty file, expected safetensors");
        }
        if (bytes.length < 8) {
            throw InputException.of(source, "not a safetensors file (shorter than the 8-byte header length)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
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
        String headerText = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        JsonNode header;
        try {
            header = Json.mapper().readTree(headerText);
        } catch (JsonProcessingException e) {
            throw InputException.of(source, "malformed safetensors header JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (header == null || !header.isObject()) {
            throw InputException.of(source, "malformed safetensors header: expected a JSON object");
        }
        int dataStart = (int) (8 + n);
        long dataLen = bytes.length - dataStart;
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        TreeMap<Long, long[]> ranges = new TreeMap<>();
        Map<Long, String> rangeNames = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (name.equals("__metadata__")) {
                if (!v.isObject()) {
                    throw InputException.of(source, "__metadata__ must be an object of strings");
                }
                for (Iterator<Map.Entry<String, JsonNode>> mi = v.fields(); mi.hasNext(); ) {
                    Map.Entry<String, JsonNode> me = mi.next();
                    if (!me.getValue().isTextual()) {
                        throw InputException.of(source, "__metadata__ value of '" + me.getKey() + "' must be a string");
                    }
                    meta.put(me.getKey(), me.getValue().asText());
                }
                continue;
            }
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
            int item;
            if (dtype.equals("F64")) {
                item = 8;
            } else if (dtype.equals("F32")) {
                item = 4;
            } else {
                throw InputException.of(source, where + ": dtype " + dtype + " is not supported (F64 or F32)");
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
            if (ranges.containsKey(begin) && end > begin) {
                throw InputException.of(source, where + " overlaps tensor '" + rangeNames.get(begin) + "'");
            }
            ranges.put(begin, new long[] {begin, end});
            rangeNames.put(begin, name);
            ByteBuffer tb = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin)).slice().order(ByteOrder.LITTLE_ENDIAN);
            double[] data = new double[(int) count];
            for (int i = 0; i < data.length; i++) {
                data[i] = item == 8 ? tb.getDouble() : tb.getFloat();
                if (!Double.isFinite(data[i])) {
                    throw InputException.of(source, where + ": element " + i + " is " + Npy.name(data[i]) + "; weights must be finite");
                }
            }
            tensors.put(name, new Tensor(dtype, shape, data));
        }
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
        return new Contents(tensors, meta);
    }

    /** Parses a model (see the class comment for the accepted files). */
    public static Mlp decode(byte[] bytes, String source, Activation hiddenIfMissing) {
        Contents c = decodeContents(bytes, source);
        Map<String, Tensor> tensors = c.tensors();
        if (tensors.isEmpty()) {
            throw InputException.of(source, "the file holds no tensors");
        }
        String prefix = null;
        TreeMap<Long, Tensor[]> byIndex = new TreeMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches()) {
                throw InputException.of(source, "tensor '" + e.getKey() + "' is not a Linear layer's weight or bias "
                        + "(expected names like 0.weight, 0.bias, 2.weight, ...)");
            }
            if (prefix == null) {
                prefix = m.group(1);
            } else if (!prefix.equals(m.group(1))) {
                throw InputException.of(source, "tensor names have different prefixes ('" + prefix + "' and '" + m.group(1) + "')");
            }
            long idx;
            try {
                idx = Long.parseLong(m.group(2));
            } catch (NumberFormatException ex) {
                throw InputException.of(source, "tensor '" + e.getKey() + "': index too large");
            }
            Tensor[] pair = byIndex.computeIfAbsent(idx, k -> new Tensor[2]);
            pair[m.group(3).equals("weight") ? 0 : 1] = e.getValue();
        }
        List<Layer> pending = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<Long, Tensor[]> e : byIndex.entrySet()) {
            String w = prefix + e.getKey() + ".weight";
            Tensor wt = e.getValue()[0];
            Tensor bt = e.getValue()[1];
            if (wt == null) {
                throw InputException.of(source, "tensor '" + prefix + e.getKey() + ".bias' has no matching '" + w + "'");
            }
            int[] ws = wt.shape();
            if (ws.length != 2 || ws[0] == 0 || ws[1] == 0) {
                throw InputException.of(source, "tensor '" + w + "' has shape " + Arrays.toString(ws) + "; a Linear weight is [out, in] with positive sizes");
            }
            double[] b = new double[ws[0]];
            if (bt != null) {
                int[] bs = bt.shape();
                if (bs.length != 1 || bs[0] != ws[0]) {
                    throw InputException.of(source, "tensor '" + prefix + e.getKey() + ".bias' has shape " + Arrays.toString(bs)
                            + ", expected [" + ws[0] + "] to match '" + w + "' " + Arrays.toString(ws));
                }
                b = bt.data();
            }
            if (!pending.isEmpty() && pending.get(pending.size() - 1).outputs() != ws[1]) {
                throw InputException.of(source, "tensor '" + w + "' takes " + ws[1] + " inputs but '" + names.get(names.size() - 1)
                        + "' gives " + pending.get(pending.size() - 1).outputs() + " outputs");
            }
            pending.add(new Layer(new Matrix(ws[0], ws[1], wt.data()), b, Activation.IDENTITY));
            names.add(w);
        }
        List<Activation> acts = activations(c.metadata(), pending.size(), source, hiddenIfMissing);
        List<Layer> layers = new ArrayList<>();
        for (int k = 0; k < pending.size(); k++) {
            layers.add(pending.get(k).withActivation(acts.get(k)));
        }
        Mlp mlp = new Mlp(layers);
        String arch = c.metadata().get("architecture");
        if (arch != null && !arch.equals(mlp.architecture())) {
            throw InputException.of(source, "__metadata__ architecture " + arch + " disagrees with the tensors (" + mlp.architecture() + ")");
        }
        return mlp;
    }

    private static List<Activation> activations(Map<String, String> meta, int layers, String source, Activation fallback) {
        List<Activation> acts = new ArrayList<>();
        String all = meta.get("activations");
        if (all != null) {
            String[] parts = all.split(",");
            if (parts.length != layers) {
                throw InputException.of(source, "__metadata__ activations '" + all + "' name " + parts.length
                        + " activations for " + layers + " layers");
            }
            for (String p : parts) {
                acts.add(parse(p, source, "activations"));
            }
            String one = meta.get("activation");
            if (one != null && layers > 1 && !parse(one, source, "activation").equals(acts.get(0))) {
                throw InputException.of(source, "__metadata__ activation '" + one + "' disagrees with activations '" + all + "'");
            }
            return acts;
        }
        String one = meta.get("activation");
        Activation hidden;
        if (one != null) {
            hidden = parse(one, source, "activation");
        } else if (fallback != null) {
            hidden = fallback;
        } else {
            throw InputException.of(source, "no activation in the __metadata__ header (a plain PyTorch state dict); "
                    + "give the hidden activation explicitly, e.g. --activation relu");
        }
        Activation output = Activation.IDENTITY;
        String out = meta.get("output_activation");
        if (out != null) {
            output = parse(out, source, "output_activation");
        }
        for (int k = 0; k < layers - 1; k++) {
            acts.add(hidden);
        }
        acts.add(output);
        return acts;
    }

    private static Activation parse(String name, String source, String field) {
        try {
            return Activation.parse(name);
        } catch (IllegalArgumentException e) {
            throw InputException.of(source, "__metadata__ " + field + ": " + e.getMessage());
        }
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
