package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.io.ModelIo;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

    @TempDir
    Path tmp;

    /**
     * 2-4-1 ReLU network on inputs in [0, 1]²: unit 0 = x1 − 5 (never active), unit 1 = x1 + x2 + 1 (always
     * active), unit 2 = x1 − 0.5 (sometimes), unit 3 = −x2 − 0.1 (never active).
     */
    private Path model() {
        Layer hidden = new Layer(Matrix.of(new double[] {1, 0}, new double[] {1, 1}, new double[] {1, 0}, new double[] {0, -1}),
                new double[] {-5, 1, -0.5, -0.1}, Activation.RELU);
        Layer out = new Layer(Matrix.of(new double[] {1, 1, 1, 1}), new double[] {0}, Activation.IDENTITY);
        Path p = tmp.resolve("m.json");
        ModelIo.write(new Mlp(List.of(hidden, out)), p);
        return p;
    }

    @Test
    void describesLayersAndParameters() {
        Cli r = Cli.run("info", model().toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("2-4-1").contains("parameters  17").contains("relu").contains("identity (output)");
        assertThat(r.out()).doesNotContain("dead");
    }

    @Test
    void countsDeadAndAlwaysActiveUnitsOnData() throws IOException {
        Path data = TestData.write(tmp.resolve("d.csv"), "x1,x2,y\n0,0,0\n1,1,0\n0.8,0.2,0\n0.1,0.9,0\n");
        Path json = tmp.resolve("i.json");
        Path plots = tmp.resolve("plots");
        Cli r = Cli.run("info", model().toString(), "--data", data.toString(), "--json", json.toString(), "--plot", plots.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("parameters").asInt()).isEqualTo(17);
        JsonNode l0 = j.get("layers").get(0);
        assertThat(l0.get("dead").toString()).isEqualTo("[0,3]");
        assertThat(l0.get("alwaysActive").toString()).isEqualTo("[1]");
        assertThat(j.get("layers").get(1).has("dead")).isFalse();
        assertThat(j.get("samples").asInt()).isEqualTo(4);
        assertThat(r.out()).contains("dead").contains("always active");
        assertThat(plots.resolve("activity-layer0.png")).isRegularFile();
    }
}
