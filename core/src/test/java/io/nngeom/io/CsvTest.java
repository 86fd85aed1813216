package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void readsHeaderAndNumbers() throws Exception {
        Path f = csv("d.csv", "\uFEFFa, b ,\"c\"\n1,2.5,-3e-2\n\n  4 , .5,+6.\n");
        Csv.Table t = Csv.read(f);
        assertThat(t.header()).containsExactly("a", "b", "c");
        assertThat(t.values()).isEqualTo(Matrix.of(new double[] {1, 2.5, -0.03}, new double[] {4, 0.5, 6}));
    }

    @Test
    void lastColumnIsTheTargetUnlessNamed() throws Exception {
        Path f = csv("d.csv", "x1,x2,t\n1,2,3\n4,5,6\n");
        Dataset d = Csv.readDataset(f, null, false);
        assertThat(d.x()).isEqualTo(Matrix.of(new double[] {1, 2}, new double[] {4, 5}));
        assertThat(d.y()).isEqualTo(Matrix.column(3, 6));
        assertThat(d.isClassification()).isFalse();
        Dataset named = Csv.readDataset(f, "x1", false);
        assertThat(named.x()).isEqualTo(Matrix.of(new double[] {2, 3}, new double[] {5, 6}));
        assertThat(named.y()).isEqualTo(Matrix.column(1, 4));
        Dataset two = Csv.readDataset(f, "t, x1", false);
        assertThat(two.y()).isEqualTo(Matrix.of(new double[] {3, 1}, new double[] {6, 4}));
        assertThat(two.x()).isEqualTo(Matrix.column(2, 5));
    }

    @Test
    void classLabelsBecomeOneHot() throws Exception {
        Path f = csv("c.csv", "u,v,label\n0,0,2\n1,0,0\n0,1,2.0\n");
        Dataset d = Csv.readDataset(f, null, true);
        assertThat(d.classes()).isEqualTo(3);
        assertThat(d.labels()).containsExactly(2, 0, 2);
        assertThat(d.y().rowArray(1)).containsExactly(1, 0, 0);
    }

    @Test
    void roundTripsDataSetsExactly() {
        Matrix x = Matrix.of(new double[] {0.1, -1e-300, 123456789.125}, new double[] {Math.PI, -0.0, 7});
        Dataset reg = Dataset.regression(x, Matrix.column(1.0 / 3, -2));
        Path f = dir.resolve("out/r.csv");
        Csv.writeDataset(f, reg);
        Dataset back = Csv.readDataset(f, null, false);
        assertThat(back.x()).isEqualTo(reg.x());
        assertThat(back.y()).isEqualTo(reg.y());
        Dataset multi = Dataset.regression(x, Matrix.of(new double[] {1, 2}, new double[] {3, 4.5}));
        Csv.writeDataset(f, multi);
        assertThat(Csv.readDataset(f, "y0,y1", false).y()).isEqualTo(multi.y());
        Dataset cls = Dataset.classification(x, new int[] {1, 0}, 2);
        Csv.writeDataset(f, cls);
        Dataset c = Csv.readDataset(f, null, true);
        assertThat(c.labels()).containsExactly(1, 0);
        assertThat(c.x()).isEqualTo(x);
    }

    @Test
    void writesHeadersThatNeedQuoting() {
        Path f = dir.resolve("q.csv");
        Csv.write(f, List.of("a,b", "say \"hi\""), Matrix.of(new double[] {1, 2}));
        assertThat(Csv.read(f).header()).containsExactly("a,b", "say \"hi\"");
    }

    @Test
    void everyMalformedInputIsOneLineNamingTheFile() throws Exception {
        Path empty = csv("empty.csv", "");
        assertThat(InputErrors.problem(empty, () -> Csv.read(empty))).isEqualTo("empty file, expected CSV with a header row");
        Path blank = csv("blank.csv", "\n \n");
        assertThat(InputErrors.problem(blank, () -> Csv.read(blank))).isEqualTo("empty file, expected CSV with a header row");
        Path headerOnly = csv("h.csv", "a,b\n");
        assertThat(InputErrors.problem(headerOnly, () -> Csv.read(headerOnly))).isEqualTo("no data rows after the header");
        Path noHeader = csv("nh.csv", "1,2\n3,4\n");
        assertThat(InputErrors.problem(noHeader, () -> Csv.read(noHeader)))
                .isEqualTo("line 1: the first row must be a header of column names, found numbers");
        Path ragged = csv("ragged.csv", "a,b,c\n1,2,3\n\n4,5\n");
        assertThat(InputErrors.problem(ragged, () -> Csv.read(ragged))).isEqualTo("line 4 has 2 fields, the header has 3");
        Path text = csv("text.csv", "a,b\n1,2\n3,abc\n");
        assertThat(InputErrors.problem(text, () -> Csv.read(text))).isEqualTo("line 3, column 'b': 'abc' is not a number");
        Path suffix = csv("suffix.csv", "a,b\n1,2d\n");
        assertThat(InputErrors.problem(suffix, () -> Csv.read(suffix))).isEqualTo("line 2, column 'b': '2d' is not a number");
        Path nan = csv("nan.csv", "a,b\n1,2\r\n3,NaN\r\n");
        assertThat(InputErrors.problem(nan, () -> Csv.read(nan))).isEqualTo("line 3, column 'b': NaN is not allowed (data must be finite)");
        Path inf = csv("inf.csv", "a,b\n-inf,2\n");
        assertThat(InputErrors.problem(inf, () -> Csv.read(inf))).isEqualTo("line 2, column 'a': -inf is not allowed (data must be finite)");
        Path huge = csv("huge.csv", "a,b\n1e400,2\n");
        assertThat(InputErrors.problem(huge, () -> Csv.read(huge))).isEqualTo("line 2, column 'a': 1e400 is too large for a float64");
        Path cell = csv("cell.csv", "a,b\n1,\n");
        assertThat(InputErrors.problem(cell, () -> Csv.read(cell))).isEqualTo("line 2, column 'b': empty cell");
        Path dup = csv("dup.csv", "a,a\n1,2\n");
        assertThat(InputErrors.problem(dup, () -> Csv.read(dup))).isEqualTo("line 1: header names column 'a' twice");
        Path unnamed = csv("unnamed.csv", "a,\n1,2\n");
        assertThat(InputErrors.problem(unnamed, () -> Csv.read(unnamed))).isEqualTo("line 1: header column 2 has no name");
        Path quote = csv("quote.csv", "a,b\n1,\"2\n");
        assertThat(InputErrors.problem(quote, () -> Csv.read(quote))).startsWith("malformed CSV: ");
        Path latin = Files.write(dir.resolve("latin.csv"), new byte[] {'a', ',', (byte) 0xe9, '\n', '1', ',', '2', '\n'});
        assertThat(InputErrors.problem(latin, () -> Csv.read(latin))).isEqualTo("not a UTF-8 text file");
        Path missing = dir.resolve("missing.csv");
        assertThat(InputErrors.problem(missing, () -> Csv.read(missing))).isEqualTo("no such file");
    }

    @Test
    void targetAndLabelErrors() throws Exception {
        Path f = csv("d.csv", "x,y\n1,0.5\n2,-1\n");
        assertThat(InputErrors.problem(f, () -> Csv.readDataset(f, "z", false))).isEqualTo("no column named 'z' (columns: x, y)");
        assertThat(InputErrors.problem(f, () -> Csv.readDataset(f, null, true)))
                .isEqualTo("column 'y', data row 1: class label 0.5 is not a whole number >= 0");
        assertThat(InputErrors.problem(f, () -> Csv.readDataset(f, "x,y", false))).isEqualTo("no input columns: every column is a target");
        Path g = csv("g.csv", "a,b,c\n1,2,3\n");
        assertThat(InputErrors.problem(g, () -> Csv.readDataset(g, "b,c", true)))
                .isEqualTo("class labels must be one column, got 2 target columns");
        Path neg = csv("neg.csv", "x,y\n1,0\n2,-1\n");
        assertThat(InputErrors.problem(neg, () -> Csv.readDataset(neg, null, true)))
                .isEqualTo("column 'y', data row 2: class label -1 is not a whole number >= 0");
        Path big = csv("big.csv", "x,y\n1,1e9\n");
        assertThat(InputErrors.problem(big, () -> Csv.readDataset(big, null, true)))
                .isEqualTo("column 'y', data row 1: class label 1000000000 is too large (labels must be 0..65535)");
    }

    @Test
    void anUnnamedFirstColumnIsPandasIndexAndIsSkipped() throws Exception {
        // DataFrame({"a": [1.5, 2.5], "y": [0.25, -1]}).to_csv(path) writes the index as an unnamed first column
        Path f = csv("pandas.csv", ",a,y\n0,1.5,0.25\n1,2.5,-1.0\n");
        Csv.Table t = Csv.read(f);
        assertThat(t.header()).containsExactly("a", "y");
        assertThat(t.values()).isEqualTo(Matrix.of(new double[] {1.5, 0.25}, new double[] {2.5, -1}));
        Path ragged = csv("pr.csv", ",a,y\n0,1.5\n");
        assertThat(InputErrors.problem(ragged, () -> Csv.read(ragged))).isEqualTo("line 2 has 2 fields, the header has 3");
    }
}
