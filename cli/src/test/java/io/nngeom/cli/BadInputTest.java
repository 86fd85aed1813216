package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.io.ModelIo;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input ends in exit status 2, exactly one line on stderr naming the file or option, and no
 * file written at --out or --json.
 */
class BadInputTest {

    @TempDir
    static Path dir;

    static Path good;
    static Path model;

    @BeforeEach
    void files() throws IOException {
        if (good != null && Files.exists(good)) {
            return;
        }
        good = TestData.regression(dir, 30);
        TestData.classes(dir, 30);
        model = dir.resolve("m21.json");
        ModelIo.write(new Mlp(List.of(new Layer(Matrix.of(new double[] {1, 1}), new double[] {0}, Activation.IDENTITY))), model);
        TestData.write(dir.resolve("nan.csv"), "a,b,y\n1,2,3\n4,NaN,6\n");
        TestData.write(dir.resolve("inf.csv"), "a,b,y\n1,2,3\n4,5,Infinity\n");
        TestData.write(dir.resolve("ragged.csv"), "a,b,y\n1,2,3\n4,5\n");
        TestData.write(dir.resolve("words.csv"), "a,b,y\n1,two,3\n");
        TestData.write(dir.resolve("three.csv"), "a,b,c,y\n1,2,3,4\n5,6,7,8\n");
        TestData.write(dir.resolve("bad.npy"), "\u0093NUMPY garbage".getBytes(StandardCharsets.ISO_8859_1));
        TestData.write(dir.resolve("bad.npz"), "PK not a zip".getBytes(StandardCharsets.US_ASCII));
        TestData.write(dir.resolve("bad.json"), "{\"layers\": [");
        TestData.write(dir.resolve("bad.safetensors"), new byte[] {1, 2, 3});
        TestData.write(dir.resolve("data.txt"), "a,b,y\n1,2,3\n");
        Files.createDirectories(dir.resolve("folder.csv"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // files
                Arguments.of("missing data file", "missing.csv", List.of("train", "--data", "@missing.csv", "--arch", "2-4-1")),
                Arguments.of("missing model file", "missing.json", List.of("eval", "--model", "@missing.json", "--data", "@reg.csv")),
                Arguments.of("unreadable data (a directory)", "folder.csv", List.of("train", "--data", "@folder.csv", "--arch", "2-4-1")),
                Arguments.of("unknown data file type", "data.txt", List.of("train", "--data", "@data.txt", "--arch", "2-4-1")),
                Arguments.of("malformed CSV (ragged)", "ragged.csv", List.of("train", "--data", "@ragged.csv", "--arch", "2-4-1")),
                Arguments.of("malformed CSV (not a number)", "words.csv", List.of("train", "--data", "@words.csv", "--arch", "2-4-1")),
                Arguments.of("malformed NPY", "bad.npy", List.of("train", "--data", "@bad.npy", "--arch", "2-4-1")),
                Arguments.of("malformed NPZ", "bad.npz", List.of("train", "--data", "@bad.npz", "--arch", "2-4-1")),
                Arguments.of("malformed JSON model", "bad.json", List.of("eval", "--model", "@bad.json", "--data", "@reg.csv")),
                Arguments.of("malformed safetensors", "bad.safetensors", List.of("info", "@bad.safetensors")),
                Arguments.of("NaN in data", "nan.csv", List.of("train", "--data", "@nan.csv", "--arch", "2-4-1")),
                Arguments.of("infinity in data", "inf.csv", List.of("eval", "--model", "@m21.json", "--data", "@inf.csv")),
                // dimensions
                Arguments.of("data inputs vs model", "three.csv", List.of("eval", "--model", "@m21.json", "--data", "@three.csv")),
                Arguments.of("data inputs vs model (info)", "three.csv", List.of("info", "@m21.json", "--data", "@three.csv")),
                Arguments.of("data inputs vs --arch", "--arch", List.of("train", "--data", "@reg.csv", "--arch", "3-4-1")),
                Arguments.of("data targets vs --arch", "--arch", List.of("train", "--data", "@reg.csv", "--arch", "2-4-2")),
                Arguments.of("--init vs --arch", "--arch", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--init", "@m21.json")),
                // option values
                Arguments.of("unknown activation", "--activation", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--activation", "foo")),
                Arguments.of("unknown optimizer", "--optimizer", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--optimizer", "foo")),
                Arguments.of("unknown loss", "--loss", List.of("eval", "--model", "@m21.json", "--data", "@reg.csv", "--loss", "foo")),
                Arguments.of("unknown penalty", "--penalty", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--penalty", "l3:1")),
                Arguments.of("unknown option", "--frobnicate", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--frobnicate")),
                Arguments.of("not a number", "--iters", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--iters", "many")),
                Arguments.of("missing required option", "--data", List.of("train", "--arch", "2-4-1")),
                Arguments.of("missing architecture", "--arch", List.of("train", "--data", "@reg.csv")),
                Arguments.of("unknown model extension for --out", "m.txt", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--out", "@m.txt")),
                // sizes
                Arguments.of("zero layer size", "--arch", List.of("train", "--data", "@reg.csv", "--arch", "2-0-1")),
                Arguments.of("malformed architecture", "--arch", List.of("train", "--data", "@reg.csv", "--arch", "2-x-1")),
                Arguments.of("zero iterations", "--iters", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--iters", "0")),
                Arguments.of("negative iterations", "--iters", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--iters", "-5")),
                Arguments.of("zero batch", "--batch", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--optimizer", "sgd", "--batch", "0")),
                Arguments.of("non-positive learning rate", "--lr", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--lr", "0")),
                Arguments.of("momentum out of range", "--momentum", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--momentum", "1")),
                Arguments.of("frozen layer out of range", "--freeze", List.of("train", "--data", "@reg.csv", "--arch", "2-4-1", "--freeze", "2")),
                Arguments.of("classes vs model outputs", "cls.csv", List.of("eval", "--model", "@m21.json", "--data", "@cls.csv", "--classes")),
                Arguments.of("labels that are not whole numbers", "reg.csv", List.of("train", "--data", "@reg.csv", "--arch", "2-4-3", "--classes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInOneLineAndExitTwoWritingNothing(String what, String named, List<String> args) throws IOException {
        Path out = dir.resolve("out-" + Math.abs(what.hashCode()) + ".json");
        Path json = dir.resolve("result-" + Math.abs(what.hashCode()) + ".json");
        List<String> full = new ArrayList<>();
        for (String a : args) {
            full.add(a.startsWith("@") ? dir.resolve(a.substring(1)).toString() : a);
        }
        if (full.get(0).equals("train") && !full.contains("--out")) {
            full.addAll(List.of("--out", out.toString()));
        }
        full.addAll(List.of("--json", json.toString(), "--quiet"));
        Cli r = Cli.run(full.toArray(String[]::new));

        assertThat(r.code()).as(what + ": " + r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(what).hasSize(1);
        assertThat(r.err()).as(what).startsWith("nngeom: ").contains(named);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        assertThat(json).doesNotExist();
        assertThat(dir.resolve("m.txt")).doesNotExist();
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli r = Cli.run("train", "--data", dir.resolve("nan.csv").toString(), "--arch", "2-4-1", "--debug");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("nngeom: ").contains("nan.csv");
        assertThat(r.errLines().size()).isGreaterThan(2);
        assertThat(r.err()).contains("InputException").contains("\tat ");
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") || n.endsWith(".tmp")))
                    .as(Arrays.toString(dir.toFile().list())).isEmpty();
        }
    }
}
