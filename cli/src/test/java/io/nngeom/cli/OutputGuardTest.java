package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.io.ModelIo;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13's clobbering cases: each is refused before any work, in one line, exit 2, with the input unchanged. */
class OutputGuardTest {
    @TempDir
    Path dir;

    private void refused(Path input, String expected, String... args) throws IOException {
        byte[] before = Files.readAllBytes(input);
        long files;
        try (var s = Files.list(dir)) {
            files = s.count();
        }
        Cli r = Cli.run(args);
        assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("nngeom: " + expected);
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
        try (var s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(files);
        }
    }

    @Test
    void anOutputOnAnInputOrOnAnotherOutputIsRefused() throws IOException {
        Path data = TestData.regression(dir, 20);
        Path model = dir.resolve("m.json");
        ModelIo.write(new Mlp(List.of(new Layer(Matrix.of(new double[] {1, 1}), new double[] {0}, Activation.IDENTITY))), model);
        String d = data.toString();
        String m = model.toString();
        refused(data, "--predictions " + d + ": is the input --data " + d + "; nngeom never overwrites an input, choose another output file",
                "eval", "--model", m, "--data", d, "--predictions", d);
        refused(model, "--json " + m + ": is the input the MODEL argument " + m + "; nngeom never overwrites an input, choose another output file",
                "info", m, "--json", m);
        Path x = dir.resolve("x.json");
        Cli r = Cli.run("train", "--data", d, "--arch", "2-3-1", "--iters", "2", "--out", x.toString(), "--json", x.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("nngeom: --out " + x + ": is also the output of --json; give each output its own file");
        assertThat(x).doesNotExist();
        refused(model, "--svg " + m + ": is the input --model " + m + "; nngeom never overwrites an input, choose another output file",
                "regions", "--model", m, "--svg", m);
    }

    @Test
    void theSameFileReachedThroughALinkIsRefused() throws IOException {
        Path data = TestData.regression(dir, 20);
        Path model = dir.resolve("m.json");
        ModelIo.write(new Mlp(List.of(new Layer(Matrix.of(new double[] {1, 1}), new double[] {0}, Activation.IDENTITY))), model);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data);
        refused(data, "--predictions " + link + ": is the input --data " + data + "; nngeom never overwrites an input, choose another output file",
                "eval", "--model", model.toString(), "--data", data.toString(), "--predictions", link.toString());
    }

    @Test
    void softmaxOnARealValuedTargetIsRefused() {
        Path data = TestData.regression(dir, 20);
        Path out = dir.resolve("y.json");
        Cli r = Cli.run("train", "--data", data.toString(), "--arch", "2-3-1", "--loss", "softmax", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("nngeom: --loss softmax: the data have 1 real-valued target column, not class "
                + "labels; for class labels add --classes, for real-valued targets use --loss mse");
        assertThat(out).doesNotExist();
    }
}
