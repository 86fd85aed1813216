package io.nngeom.cli.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.cli.Main;
import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.io.GatedModelIo;
import io.nngeom.io.ModelIo;
import io.nngeom.io.Npy;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.GatedNetwork;
import io.nngeom.net.Mlp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** convex fit --method gated with --out, --decompose, --classes; eval and info on the gated model. */
class GatedCommandTest {
    @TempDir
    Path dir;

    static int run(StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    static int run(String... args) {
        return run(new StringWriter(), args);
    }

    Path csv(String name, int n, long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < n; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            double c = rng.nextGaussian();
            s.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g%n", a, b, c, Math.max(a + b, 0) - 0.5 * Math.abs(c)));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, s.toString());
        return f;
    }

    JsonNode json(Path f) throws Exception {
        return new ObjectMapper().readTree(f.toFile());
    }

    @Test
    void gatedModelIsWrittenEvaluatedAndDecomposed() throws Exception {
        Path train = csv("train.csv", 50, 1);
        Path test = csv("test.csv", 20, 2);
        Path gated = dir.resolve("g.json");
        Path r1 = dir.resolve("r1.json");
        assertEquals(0, run("convex", "fit", "--data", train.toString(), "--test", test.toString(), "--beta", "0.2", "--method", "gated",
                "--max-patterns", "40", "--out", gated.toString(), "--json", r1.toString(), "--quiet"));
        GatedNetwork g = GatedModelIo.read(gated);
        Dataset dt = DataIo.read(test, null, false);
        Matrix f = g.apply(dt.x());
        double mse = 0;
        for (int i = 0; i < dt.size(); i++) {
            mse += Math.pow(f.get(i, 0) - dt.y().get(i, 0), 2) / dt.size();
        }
        assertEquals(mse, json(r1).get("testMse").asDouble(), 1e-12 * (1 + mse));
        Path pred = dir.resolve("p.npy");
        Path e1 = dir.resolve("e1.json");
        assertEquals(0, run("eval", "--model", gated.toString(), "--data", test.toString(), "--predictions", pred.toString(),
                "--json", e1.toString(), "--quiet"));
        assertEquals(mse, json(e1).get("mse").asDouble(), 1e-12 * (1 + mse));
        assertTrue(Arrays.equals(f.data(), Npy.read(pred).data()));
        Path i1 = dir.resolve("i1.json");
        assertEquals(0, run("info", gated.toString(), "--data", test.toString(), "--json", i1.toString(), "--quiet"));
        assertEquals("gated", json(i1).get("kind").asText());
        assertEquals(g.activeNeurons(), json(i1).get("activeNeurons").asInt());

        Path relu = dir.resolve("relu.safetensors");
        Path r2 = dir.resolve("r2.json");
        assertEquals(0, run("convex", "fit", "--data", train.toString(), "--beta", "0.2", "--method", "gated", "--max-patterns", "40",
                "--decompose", "--out", relu.toString(), "--json", r2.toString(), "--quiet"));
        JsonNode d = json(r2);
        assertEquals("exact", d.get("decomposed").asText());
        assertTrue(d.get("decomposedObjective").asDouble() >= d.get("objective").asDouble() * (1 - 1e-12));
        Mlp net = ModelIo.read(relu);
        Dataset dtr = DataIo.read(train, null, false);
        Matrix fg = g.apply(dtr.x());
        Matrix fr = net.apply(dtr.x());
        for (int i = 0; i < dtr.size(); i++) {
            assertEquals(fg.get(i, 0), fr.get(i, 0), 1e-9 * (1 + fg.maxAbs()));
        }
        assertEquals(d.get("trainMse").asDouble(), d.get("decomposedTrainMse").asDouble(), 1e-9);
    }

    @Test
    void wineClassesReportATestAccuracy() throws Exception {
        Path r = dir.resolve("w.json");
        Path model = dir.resolve("w.safetensors");
        assertEquals(0, run("convex", "fit", "--data", "builtin:wine-train", "--classes", "--method", "gated", "--beta", "1",
                "--max-patterns", "100", "--test", "builtin:wine-test", "--out", model.toString(), "--json", r.toString(), "--quiet"));
        JsonNode j = json(r);
        assertEquals(3, j.get("outputs").asInt());
        double acc = j.get("testAccuracy").asDouble();
        assertTrue(acc > 0.6 && acc <= 1, "test accuracy " + acc);
        Path e = dir.resolve("e.json");
        assertEquals(0, run("eval", "--model", model.toString(), "--data", "builtin:wine-test", "--classes", "--json", e.toString(), "--quiet"));
        assertEquals(acc, json(e).get("accuracy").asDouble(), 0);
    }

    @Test
    void misuseIsRefusedInOneLine() throws Exception {
        Path train = csv("train.csv", 20, 3);
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "convex", "fit", "--data", train.toString(), "--beta", "0.2", "--method", "exact", "--decompose"));
        assertTrue(err.toString().contains("--decompose: only with --method gated"), err.toString());
        assertEquals(2, run("convex", "fit", "--data", train.toString(), "--beta", "0.2", "--method", "gated", "--decompose-on", train.toString()));
        Path gated = dir.resolve("g.safetensors");
        assertEquals(0, run("convex", "fit", "--data", train.toString(), "--beta", "0.2", "--method", "gated", "--max-patterns", "10",
                "--out", gated.toString(), "--quiet"));
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "convex", "certify", "--model", gated.toString(), "--data", train.toString(), "--beta", "0.2"));
        assertTrue(err2.toString().contains("gated-ReLU model"), err2.toString());
    }

    /** convex path --out-dir --test: every written model carries its row's objective (gated) and test error. */
    @Test
    void pathWritesOneModelPerBetaWithItsMetrics() throws Exception {
        Path train = csv("train.csv", 40, 4);
        Path test = csv("test.csv", 15, 5);
        for (String method : new String[] {"gated", "lasso"}) {
            Path out = dir.resolve("models-" + method);
            Path r = dir.resolve("path-" + method + ".json");
            assertEquals(0, run("convex", "path", "--data", train.toString(), "--test", test.toString(), "--method", method,
                    "--betas", "0.1,1", "--out-dir", out.toString(), "--json", r.toString(), "--quiet"));
            JsonNode rows = json(r).get("path");
            assertEquals(2, rows.size());
            assertEquals(1.0, rows.get(0).get("beta").asDouble());
            for (int k = 0; k < 2; k++) {
                JsonNode row = rows.get(k);
                Path model = Path.of(row.get("model").asText());
                Path e = dir.resolve("e" + method + k + ".json");
                assertEquals(0, run("eval", "--model", model.toString(), "--data", test.toString(), "--json", e.toString(), "--quiet"));
                assertEquals(json(e).get("mse").asDouble(), row.get("testMse").asDouble(), 1e-12 * (1 + row.get("testMse").asDouble()));
                if (method.equals("gated")) {
                    GatedNetwork g = GatedModelIo.read(model);
                    Dataset d = DataIo.read(train, null, false);
                    Matrix f = g.apply(d.x());
                    double obj = 0;
                    for (int i = 0; i < d.size(); i++) {
                        obj += 0.5 * Math.pow(f.get(i, 0) - d.y().get(i, 0), 2);
                    }
                    double[] w = g.weights();
                    for (int b = 0; b < g.width(); b++) {
                        double t = 0;
                        for (int j = 0; j < 4; j++) {
                            t += w[b * 4 + j] * w[b * 4 + j];
                        }
                        obj += row.get("beta").asDouble() * Math.sqrt(t);
                    }
                    assertEquals(obj, row.get("objective").asDouble(), 1e-9 * obj);
                }
            }
        }
        assertEquals(2, run("convex", "path", "--data", train.toString(), "--betas", "1", "--method", "exact"));
        assertEquals(2, run("convex", "path", "--data", train.toString(), "--betas", "1", "--max-patterns", "5"));
    }

    /** --unitize: the model takes raw inputs and predicts what a fit on the column-normalised data predicts on normalised inputs. */
    @Test
    void unitizeRecordsTheColumnNormsAndPredictsOnRawInputs() throws Exception {
        Path train = csv("train.csv", 30, 6);
        Dataset d = DataIo.read(train, null, false);
        double[] norms = new double[3];
        StringBuilder scaled = new StringBuilder("a,b,c,y\n");
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < d.size(); i++) {
                norms[j] += d.x().get(i, j) * d.x().get(i, j);
            }
            norms[j] = Math.sqrt(norms[j]);
        }
        for (int i = 0; i < d.size(); i++) {
            scaled.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g%n", d.x().get(i, 0) / norms[0], d.x().get(i, 1) / norms[1],
                    d.x().get(i, 2) / norms[2], d.y().get(i, 0)));
        }
        Path sc = dir.resolve("scaled.csv");
        Files.writeString(sc, scaled.toString());
        for (String method : new String[] {"gated", "lasso"}) {
            Path a = dir.resolve("u-" + method + ".json");
            Path b = dir.resolve("s-" + method + ".json");
            assertEquals(0, run("convex", "fit", "--data", train.toString(), "--unitize", "--method", method, "--beta", "0.01",
                    "--out", a.toString(), "--quiet"), method);
            assertEquals(0, run("convex", "fit", "--data", sc.toString(), "--method", method, "--beta", "0.01", "--out", b.toString(), "--quiet"));
            Matrix raw = d.x();
            Matrix fa = method.equals("gated") ? GatedModelIo.read(a).apply(raw) : ModelIo.read(a).apply(raw);
            Matrix fb = method.equals("gated") ? GatedModelIo.read(b).apply(DataIo.read(sc, null, false).x())
                    : ModelIo.read(b).apply(DataIo.read(sc, null, false).x());
            for (int i = 0; i < d.size(); i++) {
                assertEquals(fb.get(i, 0), fa.get(i, 0), 1e-9 * (1 + Math.abs(fb.get(i, 0))), method);
            }
        }
        assertTrue(Arrays.equals(norms, GatedModelIo.read(dir.resolve("u-gated.json")).scale()));
    }
}
