package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress of a command on stderr: a line per interval off a terminal, one redrawn line on a pseudo-terminal. */
class ProgressDisplayTest {
    @TempDir
    Path tmp;

    @AfterEach
    void reset() {
        System.clearProperty("nngeom.progress.delay");
        System.clearProperty("nngeom.progress.interval");
    }

    private Path data() {
        Path d = tmp.resolve("d.csv");
        assertThat(Cli.run("generate", "--kind", "regression-2d", "--n", "200", "--out", d.toString()).code()).isZero();
        return d;
    }

    @Test
    void offATerminalPlainLinesEndingWithTheObjectiveThatIsPrinted() {
        Path d = data();
        System.setProperty("nngeom.progress.delay", "0");
        System.setProperty("nngeom.progress.interval", "0.05");
        Cli r = Cli.run("train", "--data", d.toString(), "--arch", "2-16-16-1", "--iters", "3000");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.errLines();
        assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("train adam "));
        assertThat(r.err()).doesNotContain("\r").doesNotContain("\u001b");
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("train adam 3000/3000 (100%)");
        String objective = r.outLines().stream().filter(l -> l.startsWith("objective")).findFirst().orElseThrow()
                .substring("objective".length()).trim();
        assertThat(last).contains("objective " + objective + "  ");

        Cli quiet = Cli.run("train", "--data", d.toString(), "--arch", "2-16-16-1", "--iters", "300", "--quiet");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void onAPseudoTerminalOneRedrawnLine() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed for a pseudo-terminal");
        Path d = data();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = String.join(" ", java, "-Dnngeom.progress.delay=0", "-cp", "'" + System.getProperty("java.class.path") + "'",
                "io.nngeom.cli.Main", "train", "--data", d.toString(), "--arch", "2-16-16-1", "--iters", "3000");
        Path log = tmp.resolve("tty.log");
        Process p = new ProcessBuilder("/usr/bin/script", "-qec", cmd, "/dev/null")
                .redirectOutput(log.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String tty = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(tty).isZero();
        assertThat(tty).contains("\rtrain adam ").contains("\u001b[K").contains("train adam 3000/3000 (100%)");
        assertThat(tty).contains("objective     ");
    }
}
