package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonStdoutTest {
    @TempDir
    Path tmp;

    @Test
    void jsonDashPutsTheJsonAloneOnStdoutAndTheSummaryOnStderr() throws Exception {
        Path data = tmp.resolve("d.csv");
        assertThat(Cli.run("generate", "--kind", "regression-2d", "--n", "40", "--out", data.toString()).code()).isZero();
        Cli r = Cli.run("train", "--data", data.toString(), "--arch", "2-4-1", "--iters", "30", "--json", "-");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("command").asText()).isEqualTo("train");
        assertThat(j.get("iterations").asInt()).isEqualTo(30);
        assertThat(r.err()).contains("architecture  2-4-1").contains("loss          ");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("d.csv");
        }
        Cli eq = Cli.run("eval", "--model", "missing.json", "--data", data.toString(), "--json=-");
        assertThat(eq.code()).isEqualTo(2);
        assertThat(eq.out()).isEmpty();
    }

    @Test
    void screenNumbersHaveSixSignificantDigitsAndTheJsonFullPrecision() throws Exception {
        Path data = tmp.resolve("d.csv");
        Cli.run("generate", "--kind", "regression-2d", "--n", "40", "--out", data.toString());
        Path json = tmp.resolve("r.json");
        Cli r = Cli.run("train", "--data", data.toString(), "--arch", "2-4-1", "--iters", "30", "--json", json.toString());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        String loss = r.outLines().stream().filter(l -> l.startsWith("loss")).findFirst().orElseThrow();
        String shown = loss.substring("loss".length()).trim().split(" ")[0];
        assertThat(shown.replaceAll("[-.]|e.*", "").replaceFirst("^0+", "")).hasSizeBetween(1, 6);
        assertThat(Double.parseDouble(shown)).isCloseTo(j.get("loss").asDouble(),
                Percentage.withPercentage(1e-3));
        assertThat(Double.toString(j.get("loss").asDouble()).length()).isGreaterThan(shown.length());
    }
}
