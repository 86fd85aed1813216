package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.io.ModelIo;
import io.nngeom.io.NpyArray;
import io.nngeom.io.Npz;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs-only files where no target is needed, and NPZ member names chosen with --x / --y. */
class DataOptionsTest {
    @TempDir
    Path dir;

    private Path model() {
        Path m = dir.resolve("m.json");
        ModelIo.write(new Mlp(List.of(new Layer(Matrix.of(new double[] {1, -1}, new double[] {0.5, 1}), new double[] {0, 0.1},
                Activation.RELU), new Layer(Matrix.of(new double[] {1, 1}), new double[] {0}, Activation.IDENTITY))), m);
        return m;
    }

    @Test
    void regionsTakesTheDomainFromAnInputsOnlyFile() {
        Path inputs = TestData.write(dir.resolve("x.csv"), "a,b\n-2,-1\n2,3\n0,0\n");
        Cli r = Cli.run("regions", "--model", model().toString(), "--data", inputs.toString(), "--json", dir.resolve("r.json").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        Cli three = Cli.run("regions", "--model", model().toString(), "--data",
                TestData.write(dir.resolve("x3.csv"), "a,b,c,d\n1,2,3,4\n").toString());
        assertThat(three.code()).isEqualTo(2);
        assertThat(three.errLines()).containsExactly("nngeom: " + dir.resolve("x3.csv") + ": 4 columns, but the model takes 2 inputs "
                + "(give 2 input columns, optionally followed by one target column)");
    }

    @Test
    void npzMembersAreChosenWithXAndY() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("features", NpyArray.of(Matrix.of(new double[] {1, 2}, new double[] {3, 4})));
        arrays.put("target", NpyArray.ofVector(new double[] {0.5, 1.5}));
        Path f = dir.resolve("d.npz");
        Npz.write(f, arrays);
        Path m = model();
        Cli ok = Cli.run("eval", "--model", m.toString(), "--data", f.toString(), "--x", "features", "--y", "target");
        assertThat(ok.code()).as(ok.err()).isEqualTo(0);
        Cli missing = Cli.run("eval", "--model", m.toString(), "--data", f.toString(), "--x", "inputs", "--y", "target");
        assertThat(missing.errLines()).containsExactly("nngeom: " + f + ": no array named 'inputs' (arrays: features, target)");
        Cli csv = Cli.run("eval", "--model", m.toString(), "--data", TestData.regression(dir, 5).toString(), "--x", "features");
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.err()).contains("an input array name (--x features) applies only to .npz files");
    }
}
