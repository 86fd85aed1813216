package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with PyTorch, against the committed fixture of {@code scripts/make_torch_fixture.py}
 * (no Python at test time): PyTorch-written safetensors give PyTorch's outputs, and the files nngeom writes have
 * the layout PyTorch's own writer produces for the same {@code nn.Sequential}.
 */
class TorchFixtureTest {
    /** Largest |nngeom − PyTorch| output difference allowed: 1e-12 (float64 round-off of a few dot products is ~1e-16). */
    static final double OUTPUT_TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    private static double maxAbsDiff(Matrix a, Matrix b) {
        assertThat(a.rows()).isEqualTo(b.rows());
        assertThat(a.cols()).isEqualTo(b.cols());
        return a.minus(b).maxAbs();
    }

    @Test
    void pytorchFloat64ModelGivesPytorchOutputs() {
        Mlp m = TorchFixture.model("tanh_3_5_4_2.safetensors", null);
        assertThat(m.architecture()).isEqualTo("3-5-4-2");
        assertThat(m.layer(0).activation()).isEqualTo(Activation.TANH);
        assertThat(m.layer(2).activation()).isEqualTo(Activation.IDENTITY);
        Matrix out = m.apply(TorchFixture.npy("tanh_inputs.npy").toMatrix());
        assertThat(maxAbsDiff(out, TorchFixture.npy("tanh_outputs.npy").toMatrix())).isLessThanOrEqualTo(OUTPUT_TOLERANCE);
    }

    @Test
    void pytorchFloat32ModelIsWidenedExactly() {
        Mlp m = TorchFixture.model("tanh_3_5_4_2_f32.safetensors", null);
        for (double p : m.parameters()) {
            assertThat((double) (float) p).isEqualTo(p);
        }
        Matrix out = m.apply(TorchFixture.npy("tanh_inputs.npy").toMatrix());
        assertThat(maxAbsDiff(out, TorchFixture.npy("tanh_f32_outputs.npy").toMatrix())).isLessThanOrEqualTo(OUTPUT_TOLERANCE);
    }

    @Test
    void plainStateDictNeedsTheActivation() {
        String problem = InputErrors.problem(TorchFixture.DIR + "relu_2_8_8_1.safetensors",
                () -> TorchFixture.model("relu_2_8_8_1.safetensors", null));
        assertThat(problem).startsWith("no activation in the __metadata__ header");
        Mlp m = TorchFixture.model("relu_2_8_8_1.safetensors", Activation.RELU);
        assertThat(m.architecture()).isEqualTo("2-8-8-1");
        Matrix out = m.apply(TorchFixture.npy("relu_inputs.npy").toMatrix());
        assertThat(maxAbsDiff(out, TorchFixture.npy("relu_outputs.npy").toMatrix())).isLessThanOrEqualTo(OUTPUT_TOLERANCE);
    }

    @Test
    void writtenFileReadsBackExactly() {
        Mlp m = TorchFixture.model("tanh_3_5_4_2.safetensors", null);
        Path f = dir.resolve("tanh.safetensors");
        ModelIo.write(m, f);
        Mlp back = ModelIo.read(f);
        assertThat(back).isEqualTo(m);
        assertThat(back.apply(TorchFixture.npy("tanh_inputs.npy").toMatrix()))
                .isEqualTo(m.apply(TorchFixture.npy("tanh_inputs.npy").toMatrix()));
    }

    /** The header of a safetensors file, parsed here without {@link Safetensors}. */
    private static JsonNode header(byte[] file) {
        long n = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        return Json.parse(Arrays.copyOfRange(file, 8, (int) (8 + n)), "header");
    }

    private static byte[] tensorBytes(byte[] file, JsonNode entry) {
        long n = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        int start = (int) (8 + n);
        return Arrays.copyOfRange(file, start + entry.get("data_offsets").get(0).asInt(), start + entry.get("data_offsets").get(1).asInt());
    }

    private static List<String> tensorNames(JsonNode header) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = header.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("__metadata__")) {
                names.add(k);
            }
        }
        return names;
    }

    @Test
    void writtenFileHasTheLayoutPytorchWrites() {
        for (String name : new String[] {"tanh_3_5_4_2.safetensors", "relu_2_8_8_1.safetensors"}) {
            byte[] torch = TorchFixture.bytes(name);
            Mlp m = TorchFixture.model(name, Activation.RELU);
            byte[] ours = Safetensors.encode(m);
            long n = ByteBuffer.wrap(ours).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            assertThat(n % 8).as("header padded to 8 bytes, as PyTorch's writer does").isZero();
            assertThat(ours[8]).isEqualTo((byte) '{');
            JsonNode th = header(torch);
            JsonNode oh = header(ours);
            assertThat(tensorNames(oh)).containsExactlyInAnyOrderElementsOf(tensorNames(th));
            long covered = 0;
            for (String key : tensorNames(th)) {
                assertThat(oh.get(key).get("dtype").asText()).isEqualTo("F64").isEqualTo(th.get(key).get("dtype").asText());
                assertThat(oh.get(key).get("shape")).as(key).isEqualTo(th.get(key).get("shape"));
                // same float64 little-endian bytes as PyTorch wrote for this tensor
                assertThat(tensorBytes(ours, oh.get(key))).as(key).isEqualTo(tensorBytes(torch, th.get(key)));
                covered += oh.get(key).get("data_offsets").get(1).asLong() - oh.get(key).get("data_offsets").get(0).asLong();
            }
            assertThat(8 + n + covered).as("the data section is exactly the tensors").isEqualTo(ours.length);
            JsonNode meta = oh.get("__metadata__");
            assertThat(meta.get("format").asText()).isEqualTo("nngeom-mlp");
            assertThat(meta.get("activation").asText()).isEqualTo(m.layer(0).activation().id());
            for (Map.Entry<String, JsonNode> e : meta.properties()) {
                assertThat(e.getValue().isTextual()).as("safetensors metadata values are strings").isTrue();
            }
            assertThat(new String(ours, 8, (int) n, StandardCharsets.UTF_8).strip()).endsWith("}");
        }
    }
}
