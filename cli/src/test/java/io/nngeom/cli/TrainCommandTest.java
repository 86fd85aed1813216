package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.io.ModelIo;
import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path tmp;

    private JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    @Test
    void trainsWritesModelAndResultWithTheRequiredFields() throws IOException {
        Path data = TestData.regression(tmp, 200);
        Path model = tmp.resolve("m.safetensors");
        Path result = tmp.resolve("r.json");
        Cli r = Cli.run("train", "--data", data.toString(), "--arch", "2-16-16-1", "--activation", "relu", "--loss", "mse",
                "--optimizer", "adam", "--lr", "0.01", "--iters", "300", "--seed", "1", "--out", model.toString(),
                "--json", result.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("2-16-16-1").contains("adam").contains("loss");

        JsonNode j = json(result);
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, 4)).containsExactly("command", "version", "seed", "seconds");
        assertThat(names).contains("loss", "objective", "gradNorm", "iterations", "architecture", "optimizer", "history");
        assertThat(j.get("command").asText()).isEqualTo("train");
        assertThat(j.get("seed").asLong()).isEqualTo(1);
        assertThat(j.get("iterations").asInt()).isEqualTo(300);
        assertThat(j.get("architecture").asText()).isEqualTo("2-16-16-1");
        double loss = j.get("loss").doubleValue();
        // the training lowered the objective, and without a penalty objective = loss
        assertThat(loss).isLessThan(0.5 * j.get("history").get("firstObjective").doubleValue());
        assertThat(j.get("objective").doubleValue()).isEqualTo(loss);

        // independent evaluation of the written model: the MSE of its outputs on the data
        Mlp m = ModelIo.read(model);
        Dataset d = DataIo.read(data, null, false);
        Matrix f = m.apply(d.x());
        double mse = 0;
        for (int i = 0; i < d.size(); i++) {
            double e = f.get(i, 0) - d.y().get(i, 0);
            mse += e * e;
        }
        mse /= d.size();
        assertThat(mse).isCloseTo(loss, within(1e-12 * Math.max(1, loss)));
    }

    @Test
    void sameSeedGivesIdenticalModelsAndDifferentSeedsDiffer() throws IOException {
        Path data = TestData.regression(tmp, 100);
        String[] base = {"train", "--data", data.toString(), "--arch", "2-8-1", "--iters", "50", "--quiet"};
        Cli.run(concat(base, "--seed", "3", "--out", tmp.resolve("a.safetensors").toString()));
        Cli.run(concat(base, "--seed", "3", "--out", tmp.resolve("b.safetensors").toString()));
        Cli.run(concat(base, "--seed", "4", "--out", tmp.resolve("c.safetensors").toString()));
        assertThat(Files.readAllBytes(tmp.resolve("a.safetensors"))).isEqualTo(Files.readAllBytes(tmp.resolve("b.safetensors")));
        assertThat(Files.readAllBytes(tmp.resolve("a.safetensors"))).isNotEqualTo(Files.readAllBytes(tmp.resolve("c.safetensors")));
    }

    @Test
    void linearModelByLbfgsIsTheLeastSquaresSolution() throws IOException {
        Path data = TestData.linear(tmp, 80);
        Path model = tmp.resolve("lin.json");
        Cli r = Cli.run("train", "--data", data.toString(), "--arch", "2-1", "--optimizer", "lbfgs", "--iters", "200",
                "--out", model.toString(), "--json", tmp.resolve("r.json").toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        Dataset d = DataIo.read(data, null, false);
        Matrix a = Matrix.zeros(d.size(), 3);
        for (int i = 0; i < d.size(); i++) {
            a.set(i, 0, d.x().get(i, 0));
            a.set(i, 1, d.x().get(i, 1));
            a.set(i, 2, 1.0);
        }
        double[] beta = Linalg.lstsq(a, d.y().colArray(0));
        Layer l = ModelIo.read(model).layer(0);
        assertThat(l.w(0, 0)).isCloseTo(beta[0], within(1e-8));
        assertThat(l.w(0, 1)).isCloseTo(beta[1], within(1e-8));
        assertThat(l.b(0)).isCloseTo(beta[2], within(1e-8));
        assertThat(json(tmp.resolve("r.json")).get("gradNorm").doubleValue()).isLessThanOrEqualTo(1e-10);
    }

    @Test
    void l2PenaltyEntersTheObjective() throws IOException {
        Path data = TestData.regression(tmp, 100);
        Path model = tmp.resolve("p.json");
        Path result = tmp.resolve("r.json");
        double beta = 0.01;
        Cli r = Cli.run("train", "--data", data.toString(), "--arch", "2-6-1", "--iters", "100", "--penalty", "l2:" + beta,
                "--out", model.toString(), "--json", result.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = json(result);
        Mlp m = ModelIo.read(model);
        double sq = 0;
        for (Layer l : m.layers()) {
            for (double w : l.weight().data()) {
                sq += w * w;
            }
        }
        double expected = j.get("loss").doubleValue() + beta / 2 * sq;
        assertThat(j.get("objective").doubleValue()).isCloseTo(expected, within(1e-12));
        assertThat(j.get("penalty").asText()).contains("l2");
    }

    @Test
    void classesDefaultToSoftmaxAndTrainToHighAccuracy() throws IOException {
        Path data = TestData.classes(tmp, 150);
        Path result = tmp.resolve("r.json");
        Cli r = Cli.run("train", "--data", data.toString(), "--classes", "--arch", "2-16-3", "--optimizer", "lbfgs",
                "--iters", "300", "--out", tmp.resolve("c.json").toString(), "--json", result.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = json(result);
        assertThat(j.get("lossFunction").asText()).isEqualTo("softmax");
        assertThat(j.get("classes").asInt()).isEqualTo(3);
        Cli e = Cli.run("eval", "--model", tmp.resolve("c.json").toString(), "--data", data.toString(), "--classes");
        assertThat(e.code()).isEqualTo(0);
        assertThat(e.out()).contains("accuracy");
    }

    @Test
    void plotWritesTheLossCurve() {
        Path data = TestData.regression(tmp, 50);
        Path plots = tmp.resolve("plots");
        Cli r = Cli.run("train", "--data", data.toString(), "--arch", "2-4-1", "--iters", "20", "--plot", plots.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(plots.resolve("loss.png")).isRegularFile();
        assertThat(plots.resolve("loss.svg")).isRegularFile();
    }

    @Test
    void initModelContinuesTrainingAndFrozenLayersStayFixed() throws IOException {
        Path data = TestData.regression(tmp, 60);
        Path first = tmp.resolve("first.json");
        assertThat(Cli.run("train", "--data", data.toString(), "--arch", "2-5-1", "--iters", "10", "--out", first.toString(),
                "--quiet").code()).isEqualTo(0);
        Path second = tmp.resolve("second.json");
        Cli r = Cli.run("train", "--data", data.toString(), "--init", first.toString(), "--freeze", "0", "--iters", "30",
                "--out", second.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        Mlp a = ModelIo.read(first);
        Mlp b = ModelIo.read(second);
        assertThat(b.layer(0)).isEqualTo(a.layer(0));
        assertThat(b.layer(1)).isNotEqualTo(a.layer(1));
    }

    @Test
    void divergedTrainingIsAFailedRunWithoutOutputs() {
        Path data = TestData.regression(tmp, 50);
        Path out = tmp.resolve("m.json");
        Cli r = Cli.run("train", "--data", data.toString(), "--arch", "2-8-1", "--optimizer", "gd", "--lr", "1e6",
                "--iters", "60", "--out", out.toString(), "--quiet");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("diverged").doesNotContain("internal error");
        assertThat(out).doesNotExist();
    }

    static String[] concat(String[] a, String... b) {
        String[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
