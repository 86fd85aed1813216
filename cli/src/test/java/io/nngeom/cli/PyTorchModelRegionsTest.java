package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.io.ModelIo;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.PatternSearchEnumerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regions} and {@code distinguish} on a plain PyTorch state dict (no activation in its metadata): the
 * hidden activation is named with {@code --activation}, as the model reader's refusal message says.
 */
class PyTorchModelRegionsTest {

    @TempDir
    Path tmp;

    private Path fixture() throws IOException {
        Path p = tmp.resolve("relu_2_8_8_1.safetensors");
        try (InputStream in = getClass().getResourceAsStream("/nngeom/fixtures/torch/relu_2_8_8_1.safetensors")) {
            assertThat(in).isNotNull();
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void regionsOfAPlainStateDictWithTheActivationNamed() throws IOException {
        Path model = fixture();
        Path json = tmp.resolve("r.json");
        Cli r = Cli.run("regions", "--model", model.toString(), "--activation", "relu", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        // Independent count: the LP pattern search on the same weights, read directly.
        Mlp net = ModelIo.read(model, Activation.RELU);
        int lp = new PatternSearchEnumerator().enumerate(net, Box.of2d(-1, 1, -1, 1)).count();
        assertThat(j.get("regions").intValue()).isEqualTo(lp).isPositive();
    }

    @Test
    void withoutTheActivationBothCommandsRefuseInOneLine() throws IOException {
        Path model = fixture();
        Path data = TestData.regression(tmp, 10);
        for (Cli r : new Cli[] {Cli.run("regions", "--model", model.toString()),
                Cli.run("distinguish", "--model", model.toString(), "--data", data.toString())}) {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.err()).contains("--activation");
        }
        Cli ok = Cli.run("distinguish", "--model", model.toString(), "--activation", "relu", "--data", data.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
    }
}
