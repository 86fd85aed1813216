package io.nngeom.cli.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.cli.Main;
import io.nngeom.io.ModelIo;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void explainsAModelOnShippedDataIntoTableReportAndJson(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.json");
        ModelIo.write(Mlp.random(new int[] {4, 8, 6, 3}, Activation.RELU, new SplittableRandom(2)), model);
        Path json = dir.resolve("e.json");
        Path out = dir.resolve("report");
        Run r = run("explain", "--model", model.toString(), "--data", "builtin:iris-train", "--classes", "--test", "builtin:iris-test",
                "--segments", "10", "--planes", "1", "--out", out.toString(), "--json", json.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("H-score").contains("NC1").contains("layer 2 (6 units");
        assertThat(Files.readString(out.resolve("index.html"))).contains("What each layer").contains("explain-hscore.png");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("command").asText()).isEqualTo("explain");
        assertThat(j.get("layers")).hasSize(3);
        assertThat(j.get("layers").get(1).get("activity").get("rates")).hasSize(8);
        assertThat(j.get("layers").get(2).get("featureGeometry").get("hScoreMax").asDouble()).isEqualTo(1.0);
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.json");
        ModelIo.write(Mlp.random(new int[] {3, 8, 3}, Activation.RELU, new SplittableRandom(2)), model);
        Run r = run("explain", "--model", model.toString(), "--data", "builtin:iris-train", "--classes", "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("o")).doesNotExist();
        Run s = run("explain", "--model", model.toString(), "--data", "builtin:iris-train", "--planes", "7", "--out", dir.resolve("o").toString());
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("--planes");
    }
}
