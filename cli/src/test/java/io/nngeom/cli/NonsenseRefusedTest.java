package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Degenerate specs, sizes that cannot fit in memory and an OutOfMemoryError: one line each, nothing written. */
class NonsenseRefusedTest {
    @TempDir
    Path dir;

    @Test
    void pwlBuildRefusesDuplicatePointsAndNonFiniteNetworks() {
        Path dup = TestData.write(dir.resolve("dup.json"), "{\"type\": \"points\", \"x\": [[0,0],[1,0],[0,1],[0,0]], \"y\": [[1],[2],[3],[4]]}");
        Path out = dir.resolve("o.json");
        Cli r = Cli.run("pwl", "build", "--spec", dup.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("x[3] repeats x[0]; the points must be distinct");
        Path huge = TestData.write(dir.resolve("huge.json"),
                "{\"type\": \"pwl1d\", \"breakpoints\": [0, 1], \"slopes\": [1e308, -1e308, 1e308], \"value\": 1e308}");
        Cli h = Cli.run("pwl", "build", "--spec", huge.toString(), "--out", out.toString());
        assertThat(h.code()).isEqualTo(2);
        assertThat(h.errLines()).hasSize(1);
        assertThat(h.err()).contains(huge + ": the built network ").contains("the spec's values or slopes are too large");
        assertThat(out).doesNotExist();
    }

    @Test
    void aSizeThatCannotFitIsRefusedBeforeAllocating() {
        Path out = dir.resolve("big.csv");
        Cli r = Cli.run("generate", "--kind", "regression-2d", "--n", "2000000000", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("nngeom: --n 2000000000: generating 2000000000 examples needs about ")
                .contains("NNGEOM_JAVA_OPTS=-Xmx8g");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutOfMemoryErrorEndsAsOneLineWithStatusOne() {
        StringWriter err = new StringWriter();
        int code = Main.handle(new ExecutionException(new OutOfMemoryError("Java heap space")), new PrintWriter(err), false);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).hasSize(1).allMatch(l -> l.startsWith("nngeom: out of memory (the Java heap is "
                + "limited to ") && l.endsWith("NNGEOM_JAVA_OPTS=-Xmx8g ./nngeom ..."));
    }
}
