package io.nngeom.cli.regions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.cli.Main;
import io.nngeom.io.ModelIo;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.regions.RegionBounds;
import io.nngeom.run.Seeds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionsCommandTest {

    static int run(StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    @Test
    void partitionWithJsonSvgAndCheck(@TempDir Path dir) throws Exception {
        Mlp net = Mlp.random(new int[] {2, 8, 8, 1}, Activation.RELU, Seeds.rng(4));
        Path model = dir.resolve("m.safetensors");
        ModelIo.write(net, model);
        Path json = dir.resolve("r.json");
        Path svg = dir.resolve("p.svg");
        StringWriter err = new StringWriter();
        int code = run(err, "regions", "--model", model.toString(), "--box", "-2,2,-2,2", "--json", json.toString(), "--svg", svg.toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        int n = j.get("regions").asInt();
        assertThat(n).isGreaterThan(5);
        assertThat(j.get("agree").asBoolean()).isTrue();
        assertThat(j.get("otherRegions").asInt()).isEqualTo(n);
        assertThat(j.get("upperBound").asDouble()).isGreaterThanOrEqualTo(n);
        JsonNode r0 = j.get("regionList").get(0);
        assertThat(r0.get("pattern").asText()).hasSize(16);
        assertThat(r0.get("map").get(0).size()).isEqualTo(2);
        assertThat(Files.readString(svg)).startsWith("<svg");
    }

    @Test
    void sliceOfAFourDimensionalNetAndLpInNd(@TempDir Path dir) throws Exception {
        Mlp net = Mlp.random(new int[] {4, 6, 1}, Activation.RELU, Seeds.rng(5));
        Path model = dir.resolve("m.json");
        ModelIo.write(net, model);
        Path json = dir.resolve("r.json");
        StringWriter err = new StringWriter();
        assertThat(run(err, "regions", "--model", model.toString(), "--slice", "0,0,0,0:1,0,0,0:0,1,1,0", "--json", json.toString()))
                .as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("agree").asBoolean()).isTrue();
        assertThat(run(err, "regions", "--model", model.toString(), "--json", json.toString())).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("enumerator").asText()).isEqualTo("lp-search");
        assertThat(j.get("regions").asInt()).isLessThanOrEqualTo(j.get("shallowArrangementCount").asInt());
    }

    @Test
    void shallowGenericNetHasTheArrangementCount(@TempDir Path dir) throws Exception {
        int n = 12;
        var rng = Seeds.rng(8);
        double[] w = new double[2 * n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double th = Math.PI * (i + 0.5 * rng.nextDouble()) / n;
            w[2 * i] = Math.cos(th);
            w[2 * i + 1] = Math.sin(th);
            b[i] = -(w[2 * i] * (rng.nextDouble() - 0.5) + w[2 * i + 1] * (rng.nextDouble() - 0.5));
        }
        double h = 1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double det = w[2 * i] * w[2 * j + 1] - w[2 * i + 1] * w[2 * j];
                h = Math.max(h, 1.1 * Math.abs((-b[i] * w[2 * j + 1] + b[j] * w[2 * i + 1]) / det));
                h = Math.max(h, 1.1 * Math.abs((-w[2 * i] * b[j] + w[2 * j] * b[i]) / det));
            }
        }
        Mlp net = new Mlp(List.of(new Layer(new Matrix(n, 2, w), b, Activation.RELU),
                new Layer(new Matrix(1, n, new double[n]), new double[1], Activation.IDENTITY)));
        Path model = dir.resolve("shallow.safetensors");
        ModelIo.write(net, model);
        Path json = dir.resolve("r.json");
        StringWriter err = new StringWriter();
        assertThat(run(err, "regions", "--model", model.toString(), "--box", -h + "," + h + "," + -h + "," + h, "--json", json.toString()))
                .as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("regions").asInt()).isEqualTo(1 + n + n * (n - 1) / 2);
        assertThat(j.get("shallowArrangementCount").asInt()).isEqualTo(1 + n + n * (n - 1) / 2);
        assertThat(j.get("agree").asBoolean()).isTrue();
    }

    @Test
    void picturesShowAxesDataByClassTheBoundaryLegendAndTheChosenColouring(@TempDir Path dir) throws Exception {
        Mlp net = Mlp.random(new int[] {2, 6, 1}, Activation.RELU, Seeds.rng(4));
        Path model = dir.resolve("m.json");
        ModelIo.write(net, model);
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "a,b,label\n-1,-1,0\n1,1,1\n0.5,-0.5,2\n");
        Path svg = dir.resolve("p.svg");
        StringWriter err = new StringWriter();
        assertThat(run(err, "regions", "--model", model.toString(), "--data", data.toString(), "--classes", "--color", "slope",
                "--svg", svg.toString(), "--plot", dir.resolve("plots").toString())).as(err.toString()).isZero();
        String s = Files.readString(svg);
        // one circle per data point in its class colour (Okabe–Ito: 0 blue, 1 vermilion, 2 green), classes in the legend
        assertThat(s).contains("fill=\"#0072b2\"", "fill=\"#d55e00\"", "fill=\"#009e73\"", "class 0", "class 2");
        assertThat(s.split("<circle", -1).length - 1).isEqualTo(3 + 3);
        assertThat(s).contains("Fill: slope", "region boundary", "x₁", "x₂", "text-anchor=\"middle\"");
        assertThat(dir.resolve("plots/regions.svg")).isRegularFile();
        assertThat(dir.resolve("plots/regions.png")).isRegularFile();
        // a slice: its anchor points O, O + U, O + V and the (s, t) axes
        Mlp net4 = Mlp.random(new int[] {4, 5, 1}, Activation.RELU, Seeds.rng(6));
        ModelIo.write(net4, model);
        assertThat(run(err, "regions", "--model", model.toString(), "--slice", "0,0,0,0:1,0,0,0:0,1,0,0", "--color", "output",
                "--svg", svg.toString())).as(err.toString()).isZero();
        assertThat(Files.readString(svg)).contains(">O<", ">O + U<", ">O + V<", "anchor points of the slice", "s (along U)",
                "Fill: network output");
        assertThat(run(err, "regions", "--model", model.toString(), "--slice", "0,0,0,0:1,0,0,0:0,1,0,0", "--color", "rainbow"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--color");
    }

    @Test
    void badInput(@TempDir Path dir) throws Exception {
        Mlp net = Mlp.random(new int[] {2, 3, 1}, Activation.RELU, Seeds.rng(5));
        Path model = dir.resolve("m.json");
        ModelIo.write(net, model);
        StringWriter err = new StringWriter();
        assertThat(run(err, "regions", "--model", model.toString(), "--box", "1,0,0,1")).isEqualTo(2);
        assertThat(run(err, "regions", "--model", model.toString(), "--box", "0,1,0")).isEqualTo(2);
        assertThat(run(err, "regions", "--model", model.toString(), "--box", "0,x,0,1")).isEqualTo(2);
        assertThat(run(err, "regions", "--model", model.toString(), "--slice", "0,0:1,0:2,0")).isEqualTo(2);
        assertThat(run(err, "regions", "--model", model.toString(), "--enumerator", "magic")).isEqualTo(2);
        assertThat(run(err, "regions", "--model", dir.resolve("missing.json").toString())).isEqualTo(2);
        Mlp tanh = Mlp.random(new int[] {2, 3, 1}, Activation.TANH, Seeds.rng(5));
        ModelIo.write(tanh, model);
        assertThat(run(err, "regions", "--model", model.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("tanh").doesNotContain("Exception");
    }

    @Test
    void nDimensionalSearchStatesTheBoundUpFrontAndStopsAtMaxRegionsLabelledIncomplete(@TempDir Path dir) throws Exception {
        Mlp net = Mlp.random(new int[] {4, 10, 10, 1}, Activation.RELU, Seeds.rng(31));
        Path model = dir.resolve("m.json");
        ModelIo.write(net, model);
        Path json = dir.resolve("r.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"regions", "--model", model.toString(), "--max-regions", "20", "--json",
            json.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        String bound = RegionBounds.serraUpper(new int[] {4, 10, 10}).toString();
        assertThat(err.toString().lines().findFirst().orElse("")).startsWith("regions: 4-10-10-1 on ")
                .contains("Serra et al. upper bound " + bound + " regions").contains("--max-regions 20");
        assertThat(out.toString()).contains("at least ").contains("INCOMPLETE (more than --max-regions 20 regions");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("complete").asBoolean()).isFalse();
        assertThat(j.get("regionsAtLeast").asLong()).isGreaterThan(20);
        assertThat(j.has("regionList")).isFalse();

        assertThat(run(new StringWriter(), "regions", "--model", model.toString(), "--json", json.toString())).isZero();
        JsonNode full = new ObjectMapper().readTree(json.toFile());
        assertThat(full.get("complete").asBoolean()).isTrue();
        assertThat(full.get("regions").asLong()).isGreaterThanOrEqualTo(j.get("regionsAtLeast").asLong());

        StringWriter bad = new StringWriter();
        assertThat(run(bad, "regions", "--model", model.toString(), "--time-limit", "-1")).isEqualTo(2);
        assertThat(bad.toString()).startsWith("nngeom: --time-limit: must be");
    }
}
