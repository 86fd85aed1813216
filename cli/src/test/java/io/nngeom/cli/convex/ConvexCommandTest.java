package io.nngeom.cli.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.cli.Main;
import io.nngeom.io.DataIo;
import io.nngeom.io.ModelIo;
import io.nngeom.io.Npy;
import io.nngeom.io.NpyArray;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvexCommandTest {
    @TempDir
    Path dir;

    static int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    Path csv1d(int n) throws Exception {
        SplittableRandom rng = new SplittableRandom(4);
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            double x = -2 + 4 * rng.nextDouble();
            s.append(String.format(Locale.ROOT, "%.17g,%.17g%n", x, Math.sin(2 * x) + 0.1 * rng.nextGaussian()));
        }
        Path f = dir.resolve("d1.csv");
        Files.writeString(f, s.toString());
        return f;
    }

    Path csv2d(int n) throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder s = new StringBuilder("a,b,y\n");
        for (int i = 0; i < n; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            s.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", a, b, Math.sin(a) * b));
        }
        Path f = dir.resolve("d2.csv");
        Files.writeString(f, s.toString());
        return f;
    }

    @Test
    void fitOneDimensionalIsExactAndTheWrittenModelReproducesTheObjective() throws Exception {
        Path data = csv1d(25);
        Path model = dir.resolve("m.safetensors");
        Path json = dir.resolve("r.json");
        assertEquals(0, run("convex", "fit", "--data", data.toString(), "--beta", "0.05", "--out", model.toString(), "--json", json.toString()));
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertEquals("exact", r.get("exactness").asText());
        double obj = r.get("objective").asDouble();
        // evaluate the written model independently of FitResult: ½‖f − y‖² + (β/2)Σ(w² + α²)
        Mlp m = ModelIo.read(model);
        var d = DataIo.read(data, null, false);
        Matrix f = m.apply(d.x());
        double loss = 0;
        for (int i = 0; i < d.size(); i++) {
            double e = f.get(i, 0) - d.y().get(i, 0);
            loss += 0.5 * e * e;
        }
        double pen = 0;
        for (int j = 0; j < m.hiddenUnits(); j++) {
            pen += m.layer(0).w(j, 0) * m.layer(0).w(j, 0) + m.layer(1).w(0, j) * m.layer(1).w(0, j);
        }
        assertEquals(obj, loss + 0.025 * pen, 1e-10 * obj);
        assertEquals(r.get("nonzeros").asInt(), m.hiddenUnits());
        assertTrue(r.get("dualityGap").asDouble() <= 1e-10);
        // the command's clock covers the whole command, so it includes the solver's time
        assertTrue(r.get("seconds").asDouble() >= r.get("solverSeconds").asDouble(), r.toString());
        // certify the written model: optimal
        Path cj = dir.resolve("c.json");
        assertEquals(0, run("convex", "certify", "--model", model.toString(), "--data", data.toString(), "--beta", "0.05", "--json", cj.toString()));
        JsonNode c = new ObjectMapper().readTree(cj.toFile());
        assertEquals(1.0, c.get("dualRatio").asDouble(), 1e-6);
        assertTrue(c.get("certified").asBoolean());
    }

    @Test
    void exactIn2dIsColumnGenerationAndTheWrittenNetworkCertifiesItself() throws Exception {
        Path data = csv2d(14);
        Path model = dir.resolve("exact2d.safetensors");
        Path json = dir.resolve("exact2d.result.json");
        // auto picks the exact program for 2-D l2 data with biases
        assertEquals(0, run("convex", "fit", "--data", data.toString(), "--beta", "0.02", "--out", model.toString(),
                "--json", json.toString(), "--plot", dir.resolve("plot-exact2d").toString()));
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertEquals("exact", r.get("method").asText());
        assertEquals("exact", r.get("exactness").asText());
        assertTrue(r.get("dictionary").asText().startsWith("column generation"));
        assertTrue(r.get("dualityGap").asDouble() <= 1e-9);
        assertTrue(Files.size(dir.resolve("plot-exact2d").resolve("convex-fit-gap.svg")) > 0);
        Path cj = dir.resolve("exact2d.cert.json");
        assertEquals(0, run("convex", "certify", "--model", model.toString(), "--data", data.toString(), "--beta", "0.02",
                "--json", cj.toString()));
        JsonNode c = new ObjectMapper().readTree(cj.toFile());
        assertTrue(c.get("certified").asBoolean());
        assertEquals(r.get("nnObjective").asDouble(), c.get("nnObjective").asDouble(), 1e-12 * c.get("nnObjective").asDouble());
        assertTrue(c.get("gapPercent").asDouble() < 1e-6);
    }

    @Test
    void fitDeepIsExactAndTheWrittenDeepNarrowModelReproducesTheObjective() throws Exception {
        Path data = csv1d(9);
        var d = DataIo.read(data, null, false);
        for (int depth = 3; depth <= 4; depth++) {
            for (String ext : new String[] {".json", ".safetensors"}) {
                Path model = dir.resolve("deep" + depth + ext);
                Path json = dir.resolve("deep" + depth + ext + ".result.json");
                assertEquals(0, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--depth", String.valueOf(depth),
                        "--out", model.toString(), "--json", json.toString()));
                JsonNode r = new ObjectMapper().readTree(json.toFile());
                assertEquals("exact", r.get("exactness").asText());
                assertEquals(depth, r.get("depth").asInt());
                double obj = r.get("objective").asDouble();
                // evaluate the written model on its own: ½‖f − y‖² + (β/L)Σ|w|^L over every weight entry
                Mlp m = ModelIo.read(model);
                assertEquals(depth, m.layerCount());
                Matrix f = m.apply(d.x());
                double loss = 0;
                for (int i = 0; i < d.size(); i++) {
                    double e = f.get(i, 0) - d.y().get(i, 0);
                    loss += 0.5 * e * e;
                }
                double pen = 0;
                for (var layer : m.layers()) {
                    for (double w : layer.weight().data()) {
                        pen += Math.pow(Math.abs(w), depth);
                    }
                }
                assertEquals(obj, loss + 0.1 * pen / depth, 1e-10 * obj);
                assertTrue(r.get("dualityGap").asDouble() <= 1e-10);
                // the written optimum certifies itself: dual ratio 1, gap ~0
                Path cj = dir.resolve("deep" + depth + ext + ".cert.json");
                assertEquals(0, run("convex", "certify", "--model", model.toString(), "--data", data.toString(), "--beta", "0.1",
                        "--json", cj.toString()));
                JsonNode c = new ObjectMapper().readTree(cj.toFile());
                assertEquals(1.0, c.get("dualRatio").asDouble(), 1e-6);
                assertTrue(c.get("certified").asBoolean());
                assertTrue(c.get("gapPercent").asDouble() < 1e-6);
                assertEquals(2, run("convex", "certify", "--model", model.toString(), "--data", data.toString(), "--beta", "0.1",
                        "--penalty", "l2"));
            }
        }
    }

    @Test
    void deepPathRunsAndItsFirstValueMatchesFit() throws Exception {
        Path data = csv1d(8);
        Path json = dir.resolve("dp.json");
        assertEquals(0, run("convex", "path", "--data", data.toString(), "--betas", "0.5,0.05", "--depth", "4", "--json", json.toString()));
        JsonNode p = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, p.get("depth").asInt());
        Path fj = dir.resolve("df.json");
        assertEquals(0, run("convex", "fit", "--data", data.toString(), "--beta", "0.05", "--depth", "4", "--json", fj.toString()));
        double fit = new ObjectMapper().readTree(fj.toFile()).get("objective").asDouble();
        assertEquals(fit, p.get("path").get(1).get("objective").asDouble(), 1e-8 * fit);
        assertEquals(2, run("convex", "path", "--data", csv2d(6).toString(), "--betas", "0.1", "--depth", "3"));
        assertEquals(2, run("convex", "path", "--data", data.toString(), "--betas", "0.1", "--depth", "3", "--no-bias"));
        assertEquals(2, run("convex", "path", "--data", data.toString(), "--betas", "0.1", "--depth", "7"));
    }

    @Test
    void pathOnRankDeficientWedgesIsCertifiedAtEveryBeta() throws Exception {
        // 2-D l2 sample wedges with bias: exactly rank-deficient supports, where coordinate descent stalls
        Path data = csv2d(30);
        Path json = dir.resolve("pw.json");
        assertEquals(0, run("convex", "path", "--data", data.toString(), "--betas", "0.1,0.01,0.001", "--json", json.toString()));
        JsonNode p = new ObjectMapper().readTree(json.toFile());
        for (JsonNode row : p.get("path")) {
            assertTrue(row.get("dualityGap").asDouble() <= 1e-10, row.toString());
        }
        Path fj = dir.resolve("pwf.json");
        assertEquals(0, run("convex", "fit", "--data", data.toString(), "--beta", "0.001", "--method", "lasso", "--json", fj.toString()));
        double cold = new ObjectMapper().readTree(fj.toFile()).get("objective").asDouble();
        assertEquals(cold, p.get("path").get(2).get("objective").asDouble(), 1e-9 * cold);
    }

    @Test
    void pathAndGatedRun() throws Exception {
        Path data = csv2d(30);
        Path json = dir.resolve("p.json");
        assertEquals(0, run("convex", "path", "--data", data.toString(), "--betas", "0.01,1,0.1", "--penalty", "l1", "--json", json.toString()));
        JsonNode p = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, p.get("path").size());
        assertEquals(1.0, p.get("path").get(0).get("beta").asDouble());
        assertEquals("exact", p.get("exactness").asText(), "l1 wedge-and-basis Lasso");
        assertTrue(p.get("path").get(0).get("converged").asBoolean());
        // under l2 in 2-D the sample-wedge path is a feasible network at each beta, not the optimum
        Path jl2 = dir.resolve("p2.json");
        assertEquals(0, run("convex", "path", "--data", data.toString(), "--betas", "0.1", "--json", jl2.toString()));
        JsonNode p2 = new ObjectMapper().readTree(jl2.toFile());
        assertEquals("upper-bound", p2.get("exactness").asText());
        assertTrue(p2.get("reason").asText().startsWith("l2 penalty in d >= 2"), p2.get("reason").asText());
        Path gates = dir.resolve("g.npy");
        SplittableRandom rng = new SplittableRandom(1);
        Matrix g = Matrix.zeros(2, 20);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 20; j++) {
                g.set(i, j, rng.nextGaussian());
            }
        }
        Npy.write(gates, NpyArray.of(g));
        Path gj = dir.resolve("g.json");
        assertEquals(0, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--method", "gated", "--no-bias",
                "--gates", gates.toString(), "--json", gj.toString()));
        JsonNode gapRun = new ObjectMapper().readTree(gj.toFile());
        assertEquals("gated", gapRun.get("method").asText());
        assertEquals("gap", gapRun.get("stopRule").asText());
        // scnn's gradient rule: stops, reports the gap measured afterwards, and says the gap was not the rule
        Path gr = dir.resolve("gr.json");
        assertEquals(0, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--method", "gated", "--no-bias",
                "--gates", gates.toString(), "--stop", "gradient", "--tolerance", "1e-14", "--json", gr.toString()));
        JsonNode gradRun = new ObjectMapper().readTree(gr.toFile());
        assertEquals("gradient", gradRun.get("stopRule").asText());
        assertTrue(gradRun.get("reason").asText().contains("NOT on the duality gap"));
        double gap = gradRun.get("dualityGap").asDouble();
        assertTrue(gap >= 0 && gap < 1e-3, "gap " + gap);
        assertEquals(gapRun.get("objective").asDouble(), gradRun.get("objective").asDouble(), 1e-6 * gapRun.get("objective").asDouble());
        assertEquals(gradRun.get("gapHistory").size(), gradRun.get("gapIterations").size());
        // bad input: unknown rule; gradient rule with another method
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--method", "gated", "--no-bias",
                "--gates", gates.toString(), "--stop", "norm"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--method", "lasso", "--stop", "gradient"));
    }

    @Test
    void plotsTheFitTheGdRunsThePlaneAndThePath() throws Exception {
        Path d1 = csv1d(12);
        Path plot = dir.resolve("plot1");
        Path json = dir.resolve("f1.json");
        assertEquals(0, run("convex", "fit", "--data", d1.toString(), "--beta", "0.05", "--gd-runs", "2", "--plot", plot.toString(), "--json", json.toString()));
        assertTrue(Files.size(plot.resolve("convex-fit-1d.png")) > 0);
        assertTrue(Files.size(plot.resolve("convex-fit-gap.png")) > 0);
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        double p = r.get("objective").asDouble();
        assertEquals(2, r.get("gdObjectives").size());
        for (JsonNode g : r.get("gdObjectives")) {
            // the 1-D Lasso is exact: no gradient-trained network can go below it
            assertTrue(g.asDouble() >= p - 1e-6 * Math.max(1, p), g + " < " + p);
        }
        Path d2 = csv2d(9);
        Path plot2 = dir.resolve("plot2");
        assertEquals(0, run("convex", "fit", "--data", d2.toString(), "--beta", "0.02", "--method", "lasso", "--plot", plot2.toString()));
        String svg = Files.readString(plot2.resolve("convex-fit-plane.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains("neuron through two samples"));
        // the plane picture is also rasterised, one pixel per SVG unit
        BufferedImage png = ImageIO.read(plot2.resolve("convex-fit-plane.png").toFile());
        Matcher size = Pattern.compile("width=\"(\\d+)\" height=\"(\\d+)\"").matcher(svg);
        assertTrue(size.find());
        assertEquals(Integer.parseInt(size.group(1)), png.getWidth());
        assertEquals(Integer.parseInt(size.group(2)), png.getHeight());
        Path plot3 = dir.resolve("plot3");
        assertEquals(0, run("convex", "path", "--data", d1.toString(), "--betas", "1,0.1,0.01", "--plot", plot3.toString()));
        for (String f : new String[] {"convex-beta-path.png", "convex-beta-path-objective.png", "convex-beta-path-fits.png"}) {
            assertTrue(Files.size(plot3.resolve(f)) > 0, f);
        }
    }

    @Test
    void badInputExitsWithTwo() throws Exception {
        Path data = csv1d(10);
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "-1"));
        assertEquals(2, run("convex", "fit", "--data", dir.resolve("missing.csv").toString(), "--beta", "0.1"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--penalty", "l3"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--method", "magic"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--depth", "5"));
        assertEquals(2, run("convex", "fit", "--data", csv2d(8).toString(), "--beta", "0.1", "--depth", "3"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--depth", "3", "--no-bias"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--depth", "4", "--method", "exact"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--depth", "3", "--penalty", "l1"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--depth", "3", "--max-patterns", "10"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--out", dir.resolve("m.txt").toString()));
        assertEquals(2, run("convex", "path", "--data", data.toString(), "--betas", "0.1,-2"));
        assertEquals(2, run("convex", "fit", "--data", data.toString(), "--beta", "0.1", "--gd-runs", "-1"));
        Path deep = dir.resolve("deep.json");
        ModelIo.write(Mlp.random(new int[] {1, 3, 3, 1}, Activation.parse("relu"), new SplittableRandom(1)), deep);
        assertEquals(2, run("convex", "certify", "--model", deep.toString(), "--data", data.toString(), "--beta", "0.1"));
    }

    /** --test reports the written network's mean squared error on held-out data, recomputed here from the model file. */
    @Test
    void testSetErrorIsTheWrittenModelsMse() throws Exception {
        Path train = csv2d(30);
        Path test = dir.resolve("t2.csv");
        Files.writeString(test, "a,b,y\n0.5,-0.25,0.1\n-1,2,-1.5\n0.1,0.3,0.02\n");
        Path model = dir.resolve("m2.json");
        Path json = dir.resolve("r2.json");
        assertEquals(0, run("convex", "fit", "--data", train.toString(), "--test", test.toString(), "--beta", "0.05",
                "--out", model.toString(), "--json", json.toString(), "--quiet"));
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        Mlp m = ModelIo.read(model);
        var d = DataIo.read(test, null, false);
        double mse = 0;
        for (int i = 0; i < d.size(); i++) {
            double e = m.apply(d.x()).get(i, 0) - d.y().get(i, 0);
            mse += e * e / d.size();
        }
        assertEquals(mse, r.get("testMse").asDouble(), 1e-12 * (1 + mse));
        assertTrue(r.get("trainMse").asDouble() >= 0);
        // a test set with other columns is refused
        Files.writeString(dir.resolve("t3.csv"), "a,y\n0.5,0.1\n");
        assertEquals(2, run("convex", "fit", "--data", train.toString(), "--test", dir.resolve("t3.csv").toString(), "--beta", "0.05",
                "--method", "gated"));
    }
}
