package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.data.Dataset;
import io.nngeom.data.Synthetic;
import io.nngeom.io.DataIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void regressionDataFollowTheNamedFunctionAndReadBack() {
        Path out = tmp.resolve("r.csv");
        Cli r = Cli.run("generate", "--kind", "regression-2d", "--function", "saddle", "--n", "50", "--seed", "3",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Dataset d = DataIo.read(out, null, false);
        assertThat(d.size()).isEqualTo(50);
        for (int i = 0; i < d.size(); i++) {
            // noiseless by default: the target is x1·x2 (closed form), independent of the generator's code path
            assertThat(d.y().get(i, 0)).isCloseTo(d.x().get(i, 0) * d.x().get(i, 1), within(1e-15));
        }
    }

    @Test
    void sameSeedSameBytesAndClustersHaveLabels() throws IOException {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        assertThat(Cli.run("generate", "--kind", "clusters", "--classes-count", "3", "--n", "20", "--out", a.toString()).code()).isZero();
        assertThat(Cli.run("generate", "--kind", "clusters", "--classes-count", "3", "--n", "20", "--out", b.toString()).code()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        Dataset d = DataIo.read(a, null, true);
        assertThat(d.classes()).isEqualTo(3);
        assertThat(d.size()).isEqualTo(60);
        assertThat(d.inputDim()).isEqualTo(3);
        assertThat(Synthetic.twoSpirals(5, 1.5, 0, 1).size()).isEqualTo(10);
    }

    @Test
    void badKindsFunctionsAndExtensionsAreOneLineErrors() {
        Path out = tmp.resolve("x.csv");
        for (String[] args : new String[][] {
            {"generate", "--kind", "moons", "--out", out.toString()},
            {"generate", "--kind", "regression-1d", "--function", "saddle", "--out", out.toString()},
            {"generate", "--kind", "spirals", "--n", "0", "--out", out.toString()},
            {"generate", "--kind", "spirals", "--out", tmp.resolve("x.txt").toString()},
        }) {
            Cli r = Cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
        assertThat(out).doesNotExist();
    }
}
