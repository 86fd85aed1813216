package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.io.ModelIo;
import io.nngeom.io.Npy;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on the area commands (minimizers, lowrank, pwl, regions, distinguish, convex): exit status 2, exactly one line
 * on stderr naming the file or option, and nothing written at --out, --json or --svg. Complements
 * {@link BadInputTest} (foundation commands) and each area's own command test.
 */
class AreaBadInputTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws IOException {
        // Two well-separated classes in R^2 (class column last).
        TestData.write(dir.resolve("clusters.csv"), "x0,x1,label\n5,0,0\n5.1,0.1,0\n4.9,-0.1,0\n0,5,1\n0.1,5.1,1\n-0.1,4.9,1\n");
        TestData.write(dir.resolve("pxy.csv"), "0.10,0.05,0.05\n0.05,0.20,0.05\n0.05,0.05,0.20\n0.05,0.10,0.10\n");
        TestData.write(dir.resolve("ragged.csv"), "a,b,y\n1,2,3\n4,5\n");
        TestData.write(dir.resolve("three.csv"), "a,b,c,y\n1,2,3,1\n4,5,6,0\n7,8,0,1\n");
        TestData.write(dir.resolve("tri.json"), "{\"type\": \"triangulation\", \"vertices\": [[0,0],[1,0],[1,1],[0,1]],"
                + " \"triangles\": [[0,1,2],[0,2,3]], \"values\": [0, 1, 0, 1]}");
        TestData.write(dir.resolve("notjson.json"), "not json");
        TestData.write(dir.resolve("bad.safetensors"), new byte[] {1, 2, 3});
        TestData.regression(dir, 20);
        ModelIo.write(Mlp.random(new int[] {2, 4, 1}, Activation.RELU, Seeds.rng(3)), dir.resolve("net.json"));
        ModelIo.write(Mlp.random(new int[] {2, 4, 1}, Activation.TANH, Seeds.rng(3)), dir.resolve("tanh.json"));
        Files.createDirectories(dir.resolve("folder.json"));
        Npy.write(dir.resolve("gates0.npy"), Matrix.zeros(3, 0));
        Npy.write(dir.resolve("gates2rows.npy"), Matrix.zeros(2, 4));
        Matrix nan = Matrix.zeros(3, 2);
        nan.set(1, 1, Double.NaN);
        Npy.write(dir.resolve("gatesnan.npy"), nan);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // minimizers
                Arguments.of("build: missing data", "missing.csv", List.of("minimizers", "build", "--data", "@missing.csv", "--layers", "2", "--out", "@OUT.json")),
                Arguments.of("build: malformed data", "ragged.csv", List.of("minimizers", "build", "--data", "@ragged.csv", "--layers", "2", "--out", "@OUT.json")),
                Arguments.of("build: zero layers", "--layers", List.of("minimizers", "build", "--data", "@clusters.csv", "--layers", "0", "--out", "@OUT.json")),
                Arguments.of("build: unknown normal", "--normal", List.of("minimizers", "build", "--data", "@clusters.csv", "--layers", "2", "--normal", "foo", "--out", "@OUT.json")),
                Arguments.of("build: generated N = 0", "--generate", List.of("minimizers", "build", "--generate", "2,0,0.1,1", "--layers", "2", "--out", "@OUT.json")),
                Arguments.of("local-minima: zero directions", "--directions", List.of("minimizers", "local-minima", "--data", "@clusters.csv", "--layers", "2", "--directions", "0")),
                Arguments.of("compare: zero seeds", "--seeds", List.of("minimizers", "compare", "--data", "@clusters.csv", "--layers", "2", "--seeds", "0")),
                Arguments.of("compare: zero Adam steps", "--adam-steps", List.of("minimizers", "compare", "--data", "@clusters.csv", "--layers", "2", "--adam-steps", "0")),
                Arguments.of("compare: negative L-BFGS steps", "--lbfgs-steps", List.of("minimizers", "compare", "--data", "@clusters.csv", "--layers", "2", "--lbfgs-steps", "-5")),
                Arguments.of("shallow: --out not a model file", "unknown model file type '.txt'", List.of("minimizers", "shallow", "--data", "@clusters.csv", "--out", "@OUT.txt")),
                Arguments.of("shallow: unknown translation", "--translation", List.of("minimizers", "shallow", "--data", "@clusters.csv", "--translation", "foo")),
                // lowrank
                Arguments.of("analyze: missing table", "missing.csv", List.of("lowrank", "analyze", "--pxy", "@missing.csv")),
                Arguments.of("analyze: malformed table", "ragged.csv", List.of("lowrank", "analyze", "--pxy", "@ragged.csv")),
                Arguments.of("analyze: zero k", "--k", List.of("lowrank", "analyze", "--pxy", "@pxy.csv", "--k", "0")),
                Arguments.of("analyze: unknown loss", "--loss", List.of("lowrank", "analyze", "--pxy", "@pxy.csv", "--loss", "foo")),
                Arguments.of("sweep: unknown loss", "--loss", List.of("lowrank", "sweep", "--loss", "hinge")),
                Arguments.of("train: embedding without mse", "--embedding", List.of("lowrank", "train", "--pxy", "@pxy.csv", "--k", "1", "--embedding", "@pxy.csv", "--out", "@OUT.json")),
                Arguments.of("sweep: zero nx", "--nx", List.of("lowrank", "sweep", "--nx", "0")),
                Arguments.of("sweep: negative ny", "--ny", List.of("lowrank", "sweep", "--ny", "-1")),
                Arguments.of("sweep: negative spectrum entry", "--spectrum", List.of("lowrank", "sweep", "--spectrum", "1,-2")),
                Arguments.of("sweep: zero eps", "--eps", List.of("lowrank", "sweep", "--eps", "0")),
                Arguments.of("train: zero restarts", "--restarts", List.of("lowrank", "train", "--pxy", "@pxy.csv", "--k", "1", "--restarts", "0", "--out", "@OUT.json")),
                // piecewise
                Arguments.of("pwl build: missing spec", "missing.json", List.of("pwl", "build", "--spec", "@missing.json", "--out", "@OUT.json")),
                Arguments.of("pwl build: directory as spec", "folder.json", List.of("pwl", "build", "--spec", "@folder.json", "--out", "@OUT.json")),
                Arguments.of("pwl build: not JSON", "notjson.json", List.of("pwl", "build", "--spec", "@notjson.json", "--out", "@OUT.json")),
                Arguments.of("pwl build: unknown depth", "--depth", List.of("pwl", "build", "--spec", "@tri.json", "--depth", "foo", "--out", "@OUT.json")),
                Arguments.of("pwl sawtooth: --out not a model file", "unknown model file type '.txt'", List.of("pwl", "sawtooth", "--k", "2", "--out", "@OUT.txt")),
                Arguments.of("pwl sawtooth: zero k", "--k", List.of("pwl", "sawtooth", "--k", "0", "--out", "@OUT.json")),
                Arguments.of("pwl interpolate: missing data", "missing.csv", List.of("pwl", "interpolate", "--data", "@missing.csv", "--out", "@OUT.json")),
                Arguments.of("regions: malformed model", "bad.safetensors", List.of("regions", "--model", "@bad.safetensors", "--svg", "@OUT.svg")),
                Arguments.of("regions: tanh network", "tanh.json", List.of("regions", "--model", "@tanh.json", "--svg", "@OUT.svg")),
                Arguments.of("regions: empty box side", "--box", List.of("regions", "--model", "@net.json", "--box", "1,0,0,1", "--svg", "@OUT.svg")),
                Arguments.of("regions: unknown enumerator", "--enumerator", List.of("regions", "--model", "@net.json", "--enumerator", "foo", "--svg", "@OUT.svg")),
                Arguments.of("regions: negative max-listed", "--max-listed", List.of("regions", "--model", "@net.json", "--max-listed", "-1", "--svg", "@OUT.svg")),
                Arguments.of("distinguish: missing data", "missing.csv", List.of("distinguish", "--model", "@net.json", "--data", "@missing.csv")),
                Arguments.of("distinguish: unknown target column", "nope", List.of("distinguish", "--model", "@net.json", "--data", "@clusters.csv", "--target", "nope")),
                // convex
                Arguments.of("convex fit: unknown penalty", "--penalty", List.of("convex", "fit", "--data", "@reg.csv", "--beta", "0.1", "--penalty", "l3", "--out", "@OUT.json")),
                Arguments.of("convex fit: penalty at depth 3", "--penalty", List.of("convex", "fit", "--data", "@reg.csv", "--beta", "0.1", "--depth", "3", "--penalty", "l1", "--out", "@OUT.json")),
                Arguments.of("convex path: penalty at depth 3", "--penalty", List.of("convex", "path", "--data", "@reg.csv", "--betas", "1,0.1", "--depth", "3", "--penalty", "l2")),
                Arguments.of("convex certify: data with another input dimension", "three.csv", List.of("convex", "certify", "--model", "@net.json", "--data", "@three.csv", "--beta", "0.1")),
                Arguments.of("convex certify: unknown penalty", "--penalty", List.of("convex", "certify", "--model", "@net.json", "--data", "@reg.csv", "--beta", "0.1", "--penalty", "l0")),
                Arguments.of("convex certify: zero time limit", "--time-limit", List.of("convex", "certify", "--model", "@net.json", "--data", "@reg.csv", "--beta", "0.1", "--time-limit", "0")),
                Arguments.of("convex certify: tanh model names the file", "tanh.json", List.of("convex", "certify", "--model", "@tanh.json", "--data", "@reg.csv", "--beta", "0.1")),
                Arguments.of("convex fit: l1 with gated is not honoured", "--penalty", List.of("convex", "fit", "--data", "@reg.csv", "--beta", "0.1", "--method", "gated", "--penalty", "l1")),
                Arguments.of("convex fit: gates with no columns", "gates0.npy", List.of("convex", "fit", "--data", "@reg.csv", "--beta", "0.1", "--method", "gated", "--gates", "@gates0.npy")),
                Arguments.of("convex fit: gates with NaN", "gatesnan.npy", List.of("convex", "fit", "--data", "@reg.csv", "--beta", "0.1", "--method", "gated", "--gates", "@gatesnan.npy")),
                Arguments.of("convex fit: gates with the wrong row count", "--gates", List.of("convex", "fit", "--data", "@reg.csv", "--beta", "0.1", "--method", "gated", "--gates", "@gates2rows.npy")),
                Arguments.of("convex fit: max-patterns unused by the 2-D exact program", "--max-patterns", List.of("convex", "fit", "--data", "@reg.csv", "--beta", "0.1", "--max-patterns", "50", "--out", "@OUT.json")),
                Arguments.of("convex fit: gd-runs without plot", "--gd-runs", List.of("convex", "fit", "--data", "@reg.csv", "--beta", "0.1", "--gd-runs", "2", "--out", "@OUT.json")),
                Arguments.of("convex fit: zero time limit", "--time-limit", List.of("convex", "fit", "--data", "@reg.csv", "--beta", "0.1", "--time-limit", "0", "--out", "@OUT.json")),
                Arguments.of("convex fit: a wedge dictionary beyond the limit (real data)", "--max-columns", List.of("convex", "fit", "--data", "builtin:diabetes-train", "--beta", "0.342", "--method", "lasso", "--out", "@OUT.json")),
                Arguments.of("convex fit: unknown built-in data", "builtin:nope-train", List.of("convex", "fit", "--data", "builtin:nope-train", "--beta", "0.1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitTwoWithOneLineNamingTheCulpritAndNothingWritten(String what, String named, List<String> args) throws IOException {
        String tag = "o" + Math.abs(what.hashCode());
        List<String> full = new ArrayList<>();
        for (String a : args) {
            full.add(a.startsWith("@") ? dir.resolve(a.substring(1).replace("OUT", tag)).toString() : a);
        }
        Path json = dir.resolve(tag + "-result.json");
        full.addAll(List.of("--json", json.toString(), "--quiet"));
        Cli r = Cli.run(full.toArray(String[]::new));

        assertThat(r.code()).as(what + ": " + r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(what).hasSize(1);
        assertThat(r.err()).as(what).startsWith("nngeom: ").contains(named);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(tag))).as(what).isEmpty();
        }
    }
}
