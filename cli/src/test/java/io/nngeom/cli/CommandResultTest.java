package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.plot.Chart;
import io.nngeom.run.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandResultTest {

    @TempDir
    Path tmp;

    private CommonOptions options(String... args) {
        CommonOptions o = new CommonOptions.WithPlot();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void writesProvenanceFirstThenFieldsInOrderWithFullPrecision() throws IOException {
        Path json = tmp.resolve("sub/dir/result.json");
        double tricky = 0.1 + 0.2;
        CommandResult r = CommandResult.start("train", options("--json", json.toString(), "--seed", "5"))
                .put("loss", tricky)
                .put("iterations", 200)
                .put("architecture", "2-3-1")
                .put("history", new double[] {1.0, 1e-300, Double.MIN_VALUE})
                .put("nested", Map.of("a", 1));
        r.finish();

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("command", "version", "seed", "seconds", "loss", "iterations", "architecture",
                "history", "nested");
        assertThat(j.get("command").asText()).isEqualTo("train");
        assertThat(j.get("seed").isIntegralNumber()).isTrue();
        assertThat(j.get("seed").asLong()).isEqualTo(5);
        assertThat(j.get("seconds").isNumber()).isTrue();
        assertThat(j.get("loss").isNumber()).isTrue();
        assertThat(j.get("loss").doubleValue()).isEqualTo(tricky);
        assertThat(j.get("history").get(2).doubleValue()).isEqualTo(Double.MIN_VALUE);
        try (Stream<Path> s = Files.list(json.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("result.json");
        }
    }

    @Test
    void defaultSeedIsTheProjectDefault() {
        assertThat(options().seed()).isEqualTo(Seeds.DEFAULT);
    }

    @Test
    void nothingIsWrittenWithoutJsonOrPlot() throws IOException {
        CommandResult.start("x", options()).put("a", 1).figure(Chart.of("c", "c", "x", "y").line("l", new double[] {0, 1},
                new double[] {0, 1})).finish();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void figuresGoIntoThePlotDirectory() {
        Path plots = tmp.resolve("plots");
        CommandResult.start("x", options("--plot", plots.toString()))
                .figure(Chart.of("curve", "c", "x", "y").line("l", new double[] {0, 1}, new double[] {0, 1})).finish();
        assertThat(plots.resolve("curve.png")).isRegularFile();
        assertThat(plots.resolve("curve.svg")).isRegularFile();
    }

    @Test
    void reservedKeysAreRejected() {
        CommandResult r = CommandResult.start("x", options());
        assertThatThrownBy(() -> r.put("seed", 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonFiniteNumbersBecomeStrings() throws IOException {
        String text = CommandResult.toJson(Map.of("v", Double.NaN));
        assertThat(new ObjectMapper().readTree(text).get("v").asText()).isEqualTo("NaN");
    }
}
