package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

class EvalCommandTest {

    @TempDir
    Path tmp;

    /** f(x) = (x1, x2, 0): a linear "classifier" whose outputs are known by hand. */
    private Path identityClassifier() {
        Mlp m = new Mlp(List.of(new Layer(Matrix.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {0, 0}),
                new double[] {0, 0, 0}, Activation.IDENTITY)));
        Path p = tmp.resolve("lin.json");
        ModelIo.write(m, p);
        return p;
    }

    @Test
    void lossMseAndAccuracyMatchHandComputedValues() throws IOException {
        // rows: x = (2, 0) label 0 ✓; (0, 3) label 1 ✓; (1, 0) label 2 ✗ (argmax 0); (-1, -2) label 2 ✓ (outputs -1,-2,0)
        Path data = TestData.write(tmp.resolve("c.csv"), "x1,x2,label\n2,0,0\n0,3,1\n1,0,2\n-1,-2,2\n");
        Path json = tmp.resolve("e.json");
        Cli r = Cli.run("eval", "--model", identityClassifier().toString(), "--data", data.toString(), "--classes",
                "--json", json.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("accuracy").doubleValue()).isEqualTo(0.75);
        assertThat(j.get("samples").asInt()).isEqualTo(4);
        double[][] f = {{2, 0, 0}, {0, 3, 0}, {1, 0, 0}, {-1, -2, 0}};
        int[] y = {0, 1, 2, 2};
        double ce = 0;
        double brier = 0;
        for (int i = 0; i < 4; i++) {
            double z = 0;
            for (double v : f[i]) {
                z += Math.exp(v);
            }
            ce += Math.log(z) - f[i][y[i]];
            for (int k = 0; k < 3; k++) {
                double p = Math.exp(f[i][k]) / z - (k == y[i] ? 1 : 0);
                brier += p * p;
            }
        }
        assertThat(j.get("lossFunction").asText()).isEqualTo("softmax");
        assertThat(j.get("loss").doubleValue()).isCloseTo(ce / 4, within(1e-15));
        assertThat(j.get("mse").doubleValue()).isCloseTo(brier / 4, within(1e-15));
        assertThat(j.get("mseOf").asText()).isEqualTo("probabilities");
    }

    @Test
    void regressionMseAndHalfSse() throws IOException {
        Mlp m = new Mlp(List.of(new Layer(Matrix.of(new double[] {1, 1}), new double[] {0}, Activation.IDENTITY)));
        Path model = tmp.resolve("sum.safetensors");
        ModelIo.write(m, model);
        Path data = TestData.write(tmp.resolve("r.csv"), "a,b,y\n1,2,3\n1,1,3\n0,0,-2\n");
        Path json = tmp.resolve("e.json");
        Cli r = Cli.run("eval", "--model", model.toString(), "--data", data.toString(), "--loss", "half-sse", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        // errors 0, -1, 2
        assertThat(j.get("mse").doubleValue()).isCloseTo(5.0 / 3, within(1e-15));
        assertThat(j.get("loss").doubleValue()).isCloseTo(2.5, within(1e-15));
        assertThat(j.has("accuracy")).isFalse();
    }

    @Test
    void plotWritesTheParityChartForRegression() {
        Mlp m = new Mlp(List.of(new Layer(Matrix.of(new double[] {1, 1}), new double[] {0}, Activation.IDENTITY)));
        Path model = tmp.resolve("sum.json");
        ModelIo.write(m, model);
        Path data = TestData.write(tmp.resolve("r.csv"), "a,b,y\n1,2,3\n1,1,3\n0,0,-2\n");
        Path plots = tmp.resolve("plots");
        Cli r = Cli.run("eval", "--model", model.toString(), "--data", data.toString(), "--plot", plots.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(plots.resolve("parity.png")).isRegularFile();
        assertThat(plots.resolve("parity.svg")).isRegularFile();
    }

    @Test
    void aClassAbsentFromTheDataIsAccepted() {
        Path data = TestData.write(tmp.resolve("c.csv"), "x1,x2,label\n2,0,0\n0,3,1\n");
        Cli r = Cli.run("eval", "--model", identityClassifier().toString(), "--data", data.toString(), "--classes");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.outLines()).contains("accuracy  1");
    }
}
