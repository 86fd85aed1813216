package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.linalg.Matrix;
import io.nngeom.validate.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void passingRunPrintsTableEndingInTotalsAndWritesReportAndJson() throws IOException {
        Path rep = tmp.resolve("rep");
        Path json = tmp.resolve("r.json");
        Cli r = Cli.run("validate", "--quick", "--only", "selftest.pass", "--out", rep.toString(), "--json", json.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.lastOutLine()).isEqualTo("1 passed, 0 failed");
        assertThat(r.outLines().get(0)).startsWith("experiment").contains("verdict").contains("seconds");
        assertThat(r.out()).contains("selftest.pass").contains("PASS").contains("error=1e-12 (≤ 1e-10)");
        String html = Files.readString(rep.resolve("index.html"));
        assertThat(html).contains("selftest.pass").contains("A check that holds").contains("1 passed");
        assertThat(rep.resolve("figures/selftest.pass/parabola.png")).isRegularFile();
        // the report shows a chart once, as PNG (--plot DIR writes both formats)
        assertThat(rep.resolve("figures/selftest.pass/parabola.svg")).doesNotExist();

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(fieldNames(j)).startsWith("command", "version", "seed", "seconds");
        assertThat(j.get("command").asText()).isEqualTo("validate");
        assertThat(j.get("passed").asInt()).isEqualTo(1);
        assertThat(j.get("failed").asInt()).isEqualTo(0);
        assertThat(j.get("quick").asBoolean()).isTrue();
        JsonNode e = j.get("experiments").get(0);
        assertThat(e.get("name").asText()).isEqualTo("selftest.pass");
        assertThat(e.get("measured").get(0).get("value").asDouble()).isEqualTo(1e-12);
        assertThat(e.get("measured").get(0).get("bound").asDouble()).isEqualTo(1e-10);
        assertThat(e.get("parameters").get("quick").asBoolean()).isTrue();
    }

    @Test
    void failingOrThrowingExperimentGivesExitOneAndCountsAsFailed() throws IOException {
        Path rep = tmp.resolve("rep");
        Cli r = Cli.run("validate", "--only", "selftest.*", "--out", rep.toString(), "--quiet");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.lastOutLine()).isEqualTo("1 passed, 2 failed");
        assertThat(r.out()).contains("1 reported");
        assertThat(r.out()).contains("boom in the experiment");
        assertThat(r.out().lines().filter(l -> l.startsWith("selftest.report")).findFirst().orElseThrow()).contains("reported");
        assertThat(r.err()).isEmpty();
        String html = Files.readString(rep.resolve("index.html"));
        assertThat(html).contains("2 failed").contains("boom in the experiment").contains("✗");
    }

    @Test
    void seedReachesTheExperiments() throws IOException {
        Path json = tmp.resolve("r.json");
        Cli r = Cli.run("validate", "--only", "selftest.report", "--seed", "77", "--out", tmp.resolve("rep").toString(),
                "--json", json.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.lastOutLine()).isEqualTo("0 passed, 0 failed");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("seed").asLong()).isEqualTo(77);
        assertThat(j.get("experiments").get(0).get("measured").get(0).get("value").asDouble()).isEqualTo(77.0);
    }

    @Test
    void listShowsNamesAndRunsNothing() {
        Path rep = tmp.resolve("rep");
        Cli r = Cli.run("validate", "--list", "--only", "selftest.*", "--out", rep.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("selftest.pass").contains("A check that holds").contains("selftest.throws");
        assertThat(r.out()).doesNotContain("passed");
        assertThat(rep).doesNotExist();
    }

    @Test
    void quickIsTheDefaultFullRunsTheFullVersionsAndTheTwoDoNotMix() throws IOException {
        Path json = tmp.resolve("r.json");
        assertThat(Cli.run("validate", "--only", "selftest.pass", "--out", tmp.resolve("a").toString(),
                "--json", json.toString(), "--quiet").code()).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(json.toFile()).get("quick").asBoolean()).isTrue();

        assertThat(Cli.run("validate", "--full", "--only", "selftest.pass", "--out", tmp.resolve("b").toString(),
                "--json", json.toString(), "--quiet").code()).isEqualTo(0);
        JsonNode full = new ObjectMapper().readTree(json.toFile());
        assertThat(full.get("quick").asBoolean()).isFalse();
        assertThat(full.get("experiments").get(0).get("parameters").get("quick").asBoolean()).isFalse();

        Cli both = Cli.run("validate", "--quick", "--full", "--only", "selftest.pass", "--out", tmp.resolve("c").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.errLines()).containsExactly("nngeom: --full: cannot be combined with --quick (quick is the default)");
        assertThat(tmp.resolve("c")).doesNotExist();
    }

    @Test
    void severalGlobsSeparatedByCommas() {
        Cli r = Cli.run("validate", "--list", "--only", "selftest.pass, selftest.rep*");
        assertThat(r.outLines()).hasSize(2);
    }

    @Test
    void patternMatchingNothingIsBadInput() {
        Path rep = tmp.resolve("rep");
        Cli r = Cli.run("validate", "--only", "nothing.*", "--out", rep.toString(), "--json", tmp.resolve("r.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("nngeom: --only: no experiment matches 'nothing.*' (nngeom validate --list shows them)");
        assertThat(rep).doesNotExist();
        assertThat(tmp.resolve("r.json")).doesNotExist();
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotAReport() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("precious.txt"), "keep me");
        Cli r = Cli.run("validate", "--only", "selftest.pass", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("--out").contains("not an nngeom report");
        assertThat(Files.readString(dir.resolve("precious.txt"))).isEqualTo("keep me");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void replacesAPreviousReportAndLeavesNoTemporaryFiles() throws IOException {
        Path rep = tmp.resolve("rep");
        assertThat(Cli.run("validate", "--only", "selftest.pass", "--out", rep.toString()).code()).isEqualTo(0);
        Files.writeString(rep.resolve("stale.txt"), "from the previous run");
        assertThat(Cli.run("validate", "--only", "selftest.report", "--out", rep.toString()).code()).isEqualTo(0);
        assertThat(rep.resolve("stale.txt")).doesNotExist();
        assertThat(Files.readString(rep.resolve("index.html"))).contains("selftest.report").doesNotContain("selftest.pass");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("rep");
        }
    }

    @Test
    void plotOptionWritesEveryExperimentsFigures() {
        Path plots = tmp.resolve("plots");
        Cli r = Cli.run("validate", "--only", "selftest.pass", "--out", tmp.resolve("rep").toString(), "--plot", plots.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(plots.resolve("selftest.pass/parabola.png")).isRegularFile();
        assertThat(plots.resolve("selftest.pass/parabola.svg")).isRegularFile();
    }

    @Test
    void helpListsEveryOption() {
        Cli r = Cli.run("validate", "--help");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("--quick", "--only", "--out", "--json", "--list", "--seed", "--plot", "--quiet", "--debug",
                "nngeom-report");
    }

    @Test
    void parameterValuesOfAnyTypeBecomeJson() {
        assertThat(ValidateCommand.jsonSafe(3)).isEqualTo(3);
        assertThat(ValidateCommand.jsonSafe(new double[] {1, 2})).isEqualTo(new double[] {1, 2});
        assertThat(ValidateCommand.jsonSafe(List.of(1, "a"))).isEqualTo(List.of(1, "a"));
        assertThat(ValidateCommand.jsonSafe(new Object[] {Verdict.PASS}))
                .isEqualTo(List.of("PASS"));
        assertThat(ValidateCommand.jsonSafe(Matrix.identity(2))).isInstanceOf(String.class);
    }

    private static List<String> fieldNames(JsonNode j) {
        List<String> l = new ArrayList<>();
        j.fieldNames().forEachRemaining(l::add);
        return l;
    }
}
