package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.io.Npy;
import io.nngeom.linalg.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} on a plain PyTorch state dict (no activation in its metadata): the committed fixture
 * {@code relu_2_8_8_1.safetensors} and PyTorch's own outputs on committed inputs (scripts/make_torch_fixture.py).
 */
class PyTorchModelEvalTest {
    private static final String FIXTURES = "/nngeom/fixtures/torch/";

    @TempDir
    Path tmp;

    private Path fixture(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (InputStream in = PyTorchModelEvalTest.class.getResourceAsStream(FIXTURES + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, p);
        }
        return p;
    }

    /** A CSV whose inputs are PyTorch's inputs and whose target is PyTorch's output. */
    private Path torchData() throws IOException {
        Matrix x = Npy.read(fixture("relu_inputs.npy")).toMatrix();
        Matrix y = Npy.read(fixture("relu_outputs.npy")).toMatrix();
        StringBuilder sb = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < x.rows(); i++) {
            sb.append(x.get(i, 0)).append(',').append(x.get(i, 1)).append(',').append(y.get(i, 0)).append('\n');
        }
        return TestData.write(tmp.resolve("torch.csv"), sb.toString());
    }

    @Test
    void evaluatesAPlainStateDictWithTheActivationNamedOnTheCommandLine() throws IOException {
        Path model = fixture("relu_2_8_8_1.safetensors");
        Path data = torchData();
        Path json = tmp.resolve("e.json");
        Path pred = tmp.resolve("p.npy");
        Cli r = Cli.run("eval", "--model", model.toString(), "--data", data.toString(), "--activation", "relu",
                "--predictions", pred.toString(), "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("mse").doubleValue()).isLessThanOrEqualTo(1e-24);
        Matrix ours = Npy.read(pred).toMatrix();
        Matrix torch = Npy.read(tmp.resolve("relu_outputs.npy")).toMatrix();
        assertThat(ours.minus(torch).maxAbs()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void refusesAPlainStateDictWithoutAnActivation() throws IOException {
        Path model = fixture("relu_2_8_8_1.safetensors");
        Cli r = Cli.run("eval", "--model", model.toString(), "--data", torchData().toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("relu_2_8_8_1.safetensors").contains("--activation");
    }

    @Test
    void refusesPredictionsWithAnUnknownExtension() throws IOException {
        Path model = fixture("relu_2_8_8_1.safetensors");
        Path pred = tmp.resolve("p.txt");
        Cli r = Cli.run("eval", "--model", model.toString(), "--data", torchData().toString(), "--activation", "relu",
                "--predictions", pred.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--predictions");
        assertThat(pred).doesNotExist();
    }
}
