package io.nngeom.cli.pwl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.cli.Main;
import io.nngeom.io.ModelIo;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.SpecIo;
import io.nngeom.piecewise.Triangulation;
import io.nngeom.run.Seeds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PwlCommandsTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void buildDeepMatchesTheTriangulationAndShallowReportsNonRepresentable(@TempDir Path dir) throws Exception {
        Triangulation t = Triangulation.randomDelaunay(7, Seeds.rng(3));
        Path spec = dir.resolve("tri.json");
        Files.writeString(spec, SpecIo.toJson(t));
        Path model = dir.resolve("m.safetensors");
        Path json = dir.resolve("r.json");
        Run r = run("pwl", "build", "--spec", spec.toString(), "--depth", "deep", "--out", model.toString(), "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("maxError").asDouble()).isLessThan(1e-9);
        assertThat(j.get("hiddenLayers").asInt()).isGreaterThan(1);
        assertThat(j.get("representable").asBoolean()).isTrue();
        Mlp back = ModelIo.read(model);
        var rng = Seeds.rng(9);
        for (int i = 0; i < 300; i++) {
            double[] x = t.sample(rng);
            assertThat(Math.abs(back.apply(x)[0] - t.value(x))).isLessThan(1e-9);
        }
        Run s = run("pwl", "build", "--spec", spec.toString(), "--depth", "shallow", "--json", json.toString());
        assertThat(s.code()).isZero();
        JsonNode js = new ObjectMapper().readTree(json.toFile());
        assertThat(js.get("representable").asBoolean()).isFalse();
        assertThat(js.get("residual").asDouble()).isGreaterThan(1e-3);
        assertThat(js.get("hiddenLayers").asInt()).isEqualTo(1);
    }

    @Test
    void buildRejectsBadInput(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, "{\"type\": \"pwl1d\", \"breakpoints\": [1, 0], \"slopes\": [0, 0, 0], \"value\": 0}");
        Run r = run("pwl", "build", "--spec", spec.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json").contains("increase").doesNotContain("Exception");
        Run d = run("pwl", "build", "--spec", spec.toString(), "--depth", "medium");
        assertThat(d.code()).isEqualTo(2);
        assertThat(d.err()).contains("--depth");
        Run m = run("pwl", "build", "--spec", dir.resolve("none.json").toString());
        assertThat(m.code()).isEqualTo(2);
        Files.writeString(spec, "{\"type\": \"pwl1d\", \"breakpoints\": [0], \"slopes\": [0, 1], \"value\": 0}");
        Run o = run("pwl", "build", "--spec", spec.toString(), "--out", dir.resolve("m.txt").toString());
        assertThat(o.code()).isEqualTo(2);
    }

    @Test
    void sawtoothCounts(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("s.json");
        Run r = run("pwl", "sawtooth", "--k", "6", "--out", dir.resolve("saw.json").toString(), "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("pieces").asInt()).isEqualTo(64);
        assertThat(j.get("deepHiddenUnits").asInt()).isEqualTo(12);
        assertThat(j.get("shallowHiddenUnits").asInt()).isEqualTo(64);
        assertThat(ModelIo.read(dir.resolve("saw.json")).hiddenLayerCount()).isEqualTo(6);
        assertThat(run("pwl", "sawtooth", "--k", "0").code()).isEqualTo(2);
    }

    @Test
    void interpolateAndDistinguish(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pts.csv");
        StringBuilder sb = new StringBuilder("x1,x2,y\n");
        var rng = Seeds.rng(2);
        for (int i = 0; i < 30; i++) {
            sb.append(rng.nextDouble()).append(',').append(rng.nextDouble()).append(',').append(i % 3).append('\n');
        }
        Files.writeString(data, sb.toString());
        Path model = dir.resolve("interp.json");
        Path json = dir.resolve("i.json");
        Run r = run("pwl", "interpolate", "--data", data.toString(), "--out", model.toString(), "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("hiddenUnits").asInt()).isEqualTo(30);
        assertThat(j.get("maxError").asDouble()).isLessThan(1e-8);
        assertThat(j.get("float32MaxError").asDouble()).isLessThan(j.get("float32Tolerance").asDouble());
        assertThat(j.get("withinTolerance").asBoolean()).isTrue();
        assertThat(r.out()).contains("cond(Phi)").contains("float64 error").contains("float32 error");
        assertThat(r.err()).doesNotContain("warning");
        assertThat(j.get("lowerTriangular").asBoolean()).isTrue();
        Path dj = dir.resolve("d.json");
        Run d = run("distinguish", "--model", model.toString(), "--data", data.toString(), "--classes", "--json", dj.toString());
        assertThat(d.code()).as(d.err()).isZero();
        JsonNode dd = new ObjectMapper().readTree(dj.toFile());
        assertThat(dd.get("distinguishable").asBoolean()).isTrue();
        assertThat(dd.get("layers").size()).isEqualTo(3);
        Run bad = run("distinguish", "--model", model.toString(), "--data", dir.resolve("nope.csv").toString());
        assertThat(bad.code()).isEqualTo(2);
    }

    @Test
    void interpolateWarnsWhenFloatingPointEvaluationIsPastTolerance(@TempDir Path dir) throws Exception {
        // 400 points on a narrow strip: every direction separates them only by tiny gaps, so Phi is badly conditioned
        StringBuilder sb = new StringBuilder("x1,x2,y\n");
        var rng = Seeds.rng(9);
        for (int i = 0; i < 400; i++) {
            sb.append(rng.nextDouble()).append(',').append(1e-3 * rng.nextDouble()).append(',').append(rng.nextDouble() * 100)
                    .append('\n');
        }
        Path data = dir.resolve("strip.csv");
        Files.writeString(data, sb.toString());
        Path json = dir.resolve("i.json");
        Run r = run("pwl", "interpolate", "--data", data.toString(), "--out", dir.resolve("m.json").toString(),
                "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("withinTolerance").asBoolean()).isFalse();
        assertThat(j.get("float32MaxError").asDouble()).isGreaterThan(j.get("float32Tolerance").asDouble());
        assertThat(r.err()).contains("nngeom: warning: evaluated in float32");
        assertThat(r.err().lines().filter(l -> l.startsWith("nngeom: warning:")).count())
                .isEqualTo((j.get("conditionNumber").asDouble() > j.get("conditionTolerance").asDouble() ? 1 : 0)
                        + (j.get("maxError").asDouble() > j.get("float64Tolerance").asDouble() ? 1 : 0) + 1);
    }
}
