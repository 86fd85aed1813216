package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelIoTest {
    @TempDir
    Path dir;

    /** A network with awkward doubles and a different activation per layer. */
    static Mlp awkward() {
        Mlp m = Mlp.random(new int[] {3, 6, 5, 4, 2}, Activation.RELU, new SplittableRandom(11));
        m = m.withLayer(1, m.layer(1).withActivation(Activation.leakyRelu(0.2)));
        m = m.withLayer(2, m.layer(2).withActivation(Activation.TANH));
        double[] p = m.parameters();
        p[0] = 1e-310;
        p[1] = -0.0;
        p[2] = Double.MAX_VALUE;
        p[3] = 2.82879384806159E17;
        p[4] = 0.1;
        return m.withParameters(p);
    }

    private static void assertIdentical(Mlp a, Mlp b) {
        assertThat(b).isEqualTo(a);
        double[] pa = a.parameters();
        double[] pb = b.parameters();
        for (int i = 0; i < pa.length; i++) {
            assertThat(Double.doubleToRawLongBits(pb[i])).as("parameter %d", i).isEqualTo(Double.doubleToRawLongBits(pa[i]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "safetensors", "JSON", "SafeTensors"})
    void roundTripsBitForBit(String ext) {
        Mlp m = awkward();
        Path f = dir.resolve("sub/model." + ext);
        ModelIo.write(m, f);
        assertIdentical(m, ModelIo.read(f));
    }

    @Test
    void jsonFormatIsTheDocumentedOne() throws IOException {
        Mlp m = new Mlp(List.of(new Layer(Matrix.of(new double[] {1, -0.5}), new double[] {0.25}, Activation.IDENTITY)));
        Path f = dir.resolve("m.json");
        ModelIo.write(m, f);
        assertThat(Files.readString(f)).isEqualTo("""
                {
                  "format" : "nngeom-mlp",
                  "version" : 1,
                  "architecture" : "2-1",
                  "sizes" : [ 2, 1 ],
                  "layers" : [ {
                    "inputs" : 2,
                    "outputs" : 1,
                    "activation" : "identity",
                    "weight" : [ [ 1.0, -0.5 ] ],
                    "bias" : [ 0.25 ]
                  } ]
                }
                """);
    }

    @Test
    void unknownExtensionNamesTheAcceptedOnes() {
        Path f = dir.resolve("model.pt");
        assertThat(InputErrors.problem(f, () -> ModelIo.write(awkward(), f)))
                .isEqualTo("unknown model file type '.pt' (expected .json or .safetensors)");
        assertThat(InputErrors.problem(f, () -> ModelIo.read(f))).isEqualTo("a torch.save file cannot be read directly (it is a "
                + "Python pickle); convert it with python -m nngeom.export " + f + " OUT.safetensors (pip install ./python; see docs/formats.md)");
        Path none = dir.resolve("model");
        assertThat(InputErrors.problem(none, () -> ModelIo.read(none))).isEqualTo("unknown model file type (expected .json or .safetensors)");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aFailedModelWriteLeavesNothing() throws IOException {
        Path d = Files.createDirectory(dir.resolve("m.json"));
        assertThat(InputErrors.problem(d, () -> ModelIo.write(awkward(), d))).isEqualTo("cannot write: is a directory");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(d);
        }
    }

    private Path json(String text) throws IOException {
        return Files.writeString(dir.resolve("m.json"), text);
    }

    private static final String LAYER = "{\"activation\": \"relu\", \"weight\": [[1, 2], [3, 4]], \"bias\": [0, 1]}";
    private static final String OUT = "{\"activation\": \"identity\", \"weight\": [[1, 2]], \"bias\": [0]}";

    @Test
    void jsonModelErrors() throws IOException {
        Path ok = json("{\"format\": \"nngeom-mlp\", \"version\": 1, \"layers\": [" + LAYER + ", " + OUT + "]}");
        assertThat(ModelIo.read(ok).architecture()).isEqualTo("2-2-1");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("[1, 2]", "expected a JSON object with \"format\": \"nngeom-mlp\"");
        cases.put("{\"layers\": []}", "missing \"format\": \"nngeom-mlp\" (not an nngeom JSON model)");
        cases.put("{\"format\": \"onnx\", \"version\": 1}", "format 'onnx' is not 'nngeom-mlp'");
        cases.put("{\"format\": \"nngeom-mlp\", \"version\": 2, \"layers\": [" + OUT + "]}",
                "format version 2 is not supported (this nngeom reads version 1)");
        cases.put("{\"format\": \"nngeom-mlp\", \"version\": 1, \"layers\": []}", "\"layers\" must be a non-empty array");
        cases.put("{\"format\": \"nngeom-mlp\", \"version\": 1, \"layers\": [" + LAYER.replace("[3, 4]", "[3]") + "]}",
                "layers[0].weight[1] has 1 entries, row 0 has 2");
        cases.put("{\"format\": \"nngeom-mlp\", \"version\": 1, \"layers\": [" + LAYER.replace("[0, 1]", "[0]") + "]}",
                "layers[0].bias has 1 entries, the weight has 2 rows");
        cases.put("{\"format\": \"nngeom-mlp\", \"version\": 1, \"layers\": [" + LAYER.replace("relu", "swish") + "]}",
                "layers[0].activation: unknown activation 'swish' (expected relu, leaky-relu[:alpha], tanh, sigmoid, identity, softplus)");
        cases.put("{\"format\": \"nngeom-mlp\", \"version\": 1, \"layers\": [" + LAYER.replace("[1, 2]", "[1, \"2\"]") + "]}",
                "layers[0].weight[0][1] is \"2\", not a number");
        cases.put("{\"format\": \"nngeom-mlp\", \"version\": 1, \"layers\": [" + LAYER.replace("[1, 2]", "[1, 1e999]") + "]}",
                "layers[0].weight[0][1] = Infinity is not a finite float64");
        cases.put("{\"format\": \"nngeom-mlp\", \"version\": 1, \"layers\": [" + OUT + ", " + OUT + "]}",
                "layers[1] takes 2 inputs but layers[0] gives 1");
        cases.put("{\"format\": \"nngeom-mlp\", \"version\": 1, \"sizes\": [2, 3, 1], \"layers\": [" + LAYER + ", " + OUT + "]}",
                "\"sizes\" [2,3,1] disagree with the layers (2-2-1)");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = json(c.getKey());
            assertThat(InputErrors.problem(f, () -> ModelIo.read(f))).as(c.getKey()).isEqualTo(c.getValue());
        }
        Path bad = json("{\"format\": \"nngeom-mlp\",\n \"version\": 1,,}");
        assertThat(InputErrors.problem(bad, () -> ModelIo.read(bad))).startsWith("malformed JSON at line 2, column ");
    }

    /** A safetensors file from a header text and data bytes. */
    static byte[] safetensors(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).put(data).array();
    }

    static byte[] f64(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    private Path st(String header, byte[] data) throws IOException {
        return Files.write(dir.resolve("m.safetensors"), safetensors(header, data));
    }

    private static final String META = "\"__metadata__\": {\"activation\": \"relu\"}";
    private static final String W0 = "\"0.weight\": {\"dtype\": \"F64\", \"shape\": [1, 2], \"data_offsets\": [0, 16]}";
    private static final String B0 = "\"0.bias\": {\"dtype\": \"F64\", \"shape\": [1], \"data_offsets\": [16, 24]}";

    @Test
    void safetensorsAcceptsPrefixesMissingBiasesAndF32() throws IOException {
        Path ok = st("{" + META + ", " + W0 + ", " + B0 + "}", f64(1, 2, 3));
        Mlp m = ModelIo.read(ok);
        assertThat(m.apply(new double[] {1, 1})).containsExactly(6);
        Path f32 = st("{\"0.weight\": {\"dtype\": \"F32\", \"shape\": [1, 2], \"data_offsets\": [0, 8]}}",
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-2f).array());
        Mlp p = ModelIo.read(f32, Activation.TANH);
        assertThat(p.layer(0).bias()).containsExactly(0);
        assertThat(p.apply(new double[] {2, 1})).containsExactly(-1);
    }

    @Test
    void safetensorsErrors() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        String w0 = W0;
        String b0 = B0;
        cases.put("{" + META + ", " + w0.replace("F64", "I64") + ", " + b0 + "}",
                "tensor '0.weight': element 0 is an integer beyond ±2^53 (not exact in float64)");
        cases.put("{" + META + ", " + w0.replace("F64", "C64") + ", " + b0 + "}",
                "tensor '0.weight': dtype C64 is not supported (F64, F32, F16, BF16, I64, I32, I16, I8, U8)");
        cases.put("{" + META + ", " + w0.replace("[1, 2]", "[2, 2]") + ", " + b0 + "}",
                "tensor '0.weight': data_offsets [0,16] span 16 bytes but shape [2,2] of F64 needs 32");
        cases.put("{" + META + ", " + w0 + ", " + b0.replace("[16, 24]", "[16, 32]") + "}",
                "tensor '0.bias': data_offsets [16,32] reach beyond the data section (24 bytes; the file may be truncated)");
        cases.put("{" + META + ", " + w0 + ", " + b0.replace("[16, 24]", "[8, 16]") + "}",
                "tensor '0.bias' overlaps another tensor's data");
        cases.put("{" + META + ", " + w0 + "}", "8 bytes after the last tensor's data");
        cases.put("{" + META + ", " + w0 + ", " + b0 + ", \"1.running_mean\": {\"dtype\": \"F64\", \"shape\": [0], \"data_offsets\": [24, 24]}}",
                "tensor '1.running_mean' does not say where it comes in the forward pass (only a plain nn.Sequential of Linear "
                        + "layers is read without metadata); " + TorchModel.HOW_TO_EXPORT);
        cases.put("{" + META + ", " + w0.replace("0.weight", "0.bias") .replace("[1, 2]", "[2]")
                        + ", " + b0.replace("0.bias", "2.bias").replace("[1]", "[1]") + "}",
                "tensor '0.bias' has no matching '0.weight'");
        cases.put("{" + META + ", " + w0 + ", " + b0.replace("\"shape\": [1]", "\"shape\": [1, 1]") + "}",
                "tensor '0.bias' has shape [1, 1], expected [1] to match '0.weight' [1, 2]");
        cases.put("{\"__metadata__\": {\"activations\": \"relu,identity\"}, " + w0 + ", " + b0 + "}",
                "__metadata__ activations 'relu,identity' name 2 activations for 1 layers");
        cases.put("{\"__metadata__\": {\"activation\": \"gelu\"}, " + w0 + ", " + b0 + "}",
                "__metadata__ activation: unknown activation 'gelu' (expected relu, leaky-relu[:alpha], tanh, sigmoid, identity, softplus)");
        cases.put("{\"__metadata__\": {\"activation\": 3}, " + w0 + ", " + b0 + "}", "__metadata__ value of 'activation' must be a string");
        cases.put("{\"__metadata__\": {\"activation\": \"relu\"}, " + w0 + ", " + b0 + ",}", null);
        cases.put("{" + META + ", " + w0 + ", " + b0 + ", " + b0 + "}", null);
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = st(c.getKey(), f64(1, 2, 3));
            String p = InputErrors.problem(f, () -> ModelIo.read(f));
            if (c.getValue() == null) {
                assertThat(p).startsWith("malformed safetensors header JSON: ");
            } else {
                assertThat(p).as(c.getKey()).isEqualTo(c.getValue());
            }
        }
        String plain = "{" + W0 + ", " + B0 + ", " + W0.replace("0.weight", "2.weight").replace("[1, 2]", "[1, 1]").replace("[0, 16]", "[24, 32]") + "}";
        Path pf = st(plain, f64(1, 2, 3, 4));
        assertThat(InputErrors.problem(pf, () -> ModelIo.read(pf))).isEqualTo("no activation in the __metadata__ header (a plain "
                + "PyTorch state dict); give the hidden activation explicitly, e.g. --activation relu, or " + TorchModel.HOW_TO_EXPORT);
        String chain = "{" + META + ", " + W0 + ", " + B0
                + ", \"2.weight\": {\"dtype\": \"F64\", \"shape\": [1, 3], \"data_offsets\": [24, 48]}}";
        Path f = st(chain, f64(1, 2, 3, 4, 5, 6));
        assertThat(InputErrors.problem(f, () -> ModelIo.read(f))).isEqualTo("tensor '2.weight' takes 3 inputs but '0.weight' gives 1 outputs");
        Path nan = st("{" + META + ", " + W0 + ", " + B0 + "}", f64(1, Double.NaN, 3));
        assertThat(InputErrors.problem(nan, () -> ModelIo.read(nan))).isEqualTo("tensor '0.weight': element 1 is NaN; weights must be finite");
    }

    @Test
    void safetensorsContainerErrors() throws IOException {
        Path empty = Files.write(dir.resolve("e.safetensors"), new byte[0]);
        assertThat(InputErrors.problem(empty, () -> ModelIo.read(empty))).isEqualTo("empty file, expected safetensors");
        Path tiny = Files.write(dir.resolve("t.safetensors"), new byte[] {1, 2, 3});
        assertThat(InputErrors.problem(tiny, () -> ModelIo.read(tiny)))
                .isEqualTo("not a safetensors file (shorter than the 8-byte header length)");
        Path json = Files.writeString(dir.resolve("j.safetensors"), "{\"format\": \"nngeom-mlp\"}");
        assertThat(InputErrors.problem(json, () -> ModelIo.read(json))).startsWith("not a safetensors file (header length ");
        byte[] good = Safetensors.encode(awkward());
        Path cut = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(good, 100));
        assertThat(InputErrors.problem(cut, () -> ModelIo.read(cut))).startsWith("truncated safetensors file: the header announces ");
        Path data = Files.write(dir.resolve("data.safetensors"), Arrays.copyOf(good, good.length - 8));
        assertThat(InputErrors.problem(data, () -> ModelIo.read(data))).endsWith("reach beyond the data section ("
                + (good.length - 8 - 8 - ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getLong(0)) + " bytes; the file may be truncated)");
        Path missing = dir.resolve("none.safetensors");
        assertThat(InputErrors.problem(missing, () -> ModelIo.read(missing))).isEqualTo("no such file");
    }
}
