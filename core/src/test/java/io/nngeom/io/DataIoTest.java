package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataIoTest {
    @TempDir
    Path dir;

    private static final Matrix X = Matrix.of(new double[] {0.1, 2}, new double[] {-3.5, 1e-9}, new double[] {Math.PI, 0});

    @ParameterizedTest
    @ValueSource(strings = {"csv", "npy", "npz"})
    void regressionRoundTrip(String ext) {
        Dataset d = Dataset.regression(X, Matrix.column(1.0 / 3, -2, 5e10));
        Path f = dir.resolve("d." + ext);
        DataIo.write(f, d);
        Dataset back = DataIo.read(f, null, false);
        assertThat(back.x()).isEqualTo(d.x());
        assertThat(back.y()).isEqualTo(d.y());
        assertThat(back.isClassification()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "npy", "npz"})
    void classificationRoundTrip(String ext) {
        Dataset d = Dataset.classification(X, new int[] {2, 0, 1}, 3);
        Path f = dir.resolve("d." + ext);
        DataIo.write(f, d);
        Dataset back = DataIo.read(f, null, true);
        assertThat(back.x()).isEqualTo(d.x());
        assertThat(back.labels()).containsExactly(2, 0, 1);
        assertThat(back.y()).isEqualTo(d.y());
    }

    @Test
    void refusesToWriteWhatCannotBeReadBack() {
        Dataset d = Dataset.regression(X, Matrix.column(1, Double.NaN, 2));
        Path f = dir.resolve("nan.csv");
        Assertions.assertThatThrownBy(() -> DataIo.write(f, d)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void npzWithSeveralTargetsRoundTrips() {
        Dataset d = Dataset.regression(X, Matrix.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}));
        Path f = dir.resolve("m.npz");
        DataIo.write(f, d);
        assertThat(DataIo.read(f, null, false).y()).isEqualTo(d.y());
    }

    @Test
    void readsNumpyWrittenArchives() {
        Dataset r = DataIo.read(NpyTest.fixture("regression.npz"), null, false);
        assertThat(r.x().data()).containsExactly(NpyTest.sevenths(10));
        assertThat(r.y().colArray(0)).containsExactly(0, 1 / 3.0, 2 / 3.0, 1, 4 / 3.0);
        Dataset c = DataIo.read(NpyTest.fixture("classes_compressed.npz"), null, true);
        assertThat(c.labels()).containsExactly(0, 2, 1, 2, 0);
        assertThat(c.classes()).isEqualTo(3);
        Dataset single = DataIo.read(NpyTest.fixture("single.npz"), null, false);
        assertThat(single.inputDim()).isEqualTo(2);
        assertThat(single.y().colArray(0)).containsExactly(0, 1 / 3.0, 2 / 3.0, 1, 4 / 3.0);
        Path amb = NpyTest.fixture("ambiguous.npz");
        assertThat(InputErrors.problem(amb, () -> DataIo.read(amb, null, false)))
                .isEqualTo("ambiguous inputs: both 'x' and 'X' are present");
    }

    @Test
    void npyTargetColumnByIndex() {
        Path f = dir.resolve("a.npy");
        Npy.write(f, Matrix.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
        Dataset d = DataIo.read(f, "0", false);
        assertThat(d.y()).isEqualTo(Matrix.column(1, 4));
        assertThat(d.x()).isEqualTo(Matrix.of(new double[] {2, 3}, new double[] {5, 6}));
        assertThat(DataIo.read(f, "-2", false).y()).isEqualTo(Matrix.column(2, 5));
        assertThat(InputErrors.problem(f, () -> DataIo.read(f, "3", false))).isEqualTo("target column 3 outside 0..2");
        assertThat(InputErrors.problem(f, () -> DataIo.read(f, "y", false))).isEqualTo("target 'y' must be a column index for a .npy file");
    }

    @Test
    void errors() throws Exception {
        Path txt = Files.writeString(dir.resolve("d.txt"), "x");
        assertThat(InputErrors.problem(txt, () -> DataIo.read(txt, null, false)))
                .isEqualTo("unknown data file type '.txt' (expected .csv, .npy, .npz)");
        Path one = dir.resolve("v.npy");
        Npy.write(one, NpyArray.ofVector(new double[] {1, 2}));
        assertThat(InputErrors.problem(one, () -> DataIo.read(one, null, false)))
                .isEqualTo("expected a 2-D array (rows are examples, the target a column), got shape (2,)");
        Path col = dir.resolve("c.npy");
        Npy.write(col, Matrix.column(1, 2));
        assertThat(InputErrors.problem(col, () -> DataIo.read(col, null, false)))
                .isEqualTo("the array has 1 column; it needs input columns and a target column");
        Path empty = NpyTest.fixture("empty_2d.npy");
        assertThat(InputErrors.problem(empty, () -> DataIo.read(empty, null, false))).isEqualTo("the array has no rows");
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("x", NpyArray.of(X));
        m.put("y", NpyArray.ofVector(new double[] {1, 2}));
        Path rows = dir.resolve("rows.npz");
        Npz.write(rows, m);
        assertThat(InputErrors.problem(rows, () -> DataIo.read(rows, null, false))).isEqualTo("'x' has 3 rows but 'y' has 2");
        assertThat(InputErrors.problem(rows, () -> DataIo.read(rows, "t", false))).isEqualTo("no array named 't' (arrays: x, y)");
        m.remove("y");
        m.put("z", NpyArray.ofVector(new double[] {1, 2, 3}));
        Path noY = dir.resolve("noy.npz");
        Npz.write(noY, m);
        assertThat(InputErrors.problem(noY, () -> DataIo.read(noY, null, false)))
                .isEqualTo("no target array 'y', 'Y' or 'labels' (arrays: x, z)");
        assertThat(DataIo.read(noY, "z", false).y()).isEqualTo(Matrix.column(1, 2, 3));
        m.put("z", NpyArray.of(Matrix.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6})));
        Path twoD = dir.resolve("twod.npz");
        Npz.write(twoD, m);
        assertThat(InputErrors.problem(twoD, () -> DataIo.read(twoD, "z", true)))
                .isEqualTo("class labels 'z' must be 1-D, got shape (3, 2)");
        Path missing = dir.resolve("missing.csv");
        assertThat(InputErrors.problem(missing, () -> DataIo.read(missing, null, false))).isEqualTo("no such file");
    }
}
