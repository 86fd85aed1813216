package io.nngeom.cli.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.cli.Main;
import io.nngeom.data.Dataset;
import io.nngeom.io.ModelIo;
import io.nngeom.io.ModelNames;
import io.nngeom.io.RealData;
import io.nngeom.lowrank.SampleFeatures;
import io.nngeom.net.Mlp;
import io.nngeom.run.Num;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LowrankCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path hairEye() throws Exception {
        Path f = dir.resolve("hair_eye.csv");
        try (var in = getClass().getResourceAsStream("/io/nngeom/lowrank/data/hair_eye.csv")) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    @Test
    void analyzeWritesTheSpectrumAndFeatures() throws Exception {
        Path json = dir.resolve("r.json");
        Run r = run("lowrank", "analyze", "--pxy", hairEye().toString(), "--k", "2", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("epsilon").contains("singular values");
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("command").asText()).isEqualTo("lowrank analyze");
        assertThat(n.get("singularValues")).hasSize(3);
        assertThat(n.get("features")).hasSize(4);
        assertThat(n.get("features").get(0)).hasSize(2);
        assertThat(n.get("weights")).hasSize(4);
        // independent check: ε² = χ²/n of the contingency table, Σσ² = ε²
        double[][] c = {{68, 119, 26, 7}, {20, 84, 17, 94}, {15, 54, 14, 10}, {5, 29, 14, 16}};
        double chi2 = pearsonChiSquare(c);
        double eps = n.get("epsilon").asDouble();
        assertThat(eps * eps).isCloseTo(chi2 / 592, within(1e-13));
        double sum = 0;
        for (JsonNode s : n.get("singularValues")) {
            sum += s.asDouble() * s.asDouble();
        }
        assertThat(sum).isCloseTo(eps * eps, within(1e-13));
        assertThat(n.get("predictedLoss").asDouble()).isLessThan(n.get("entropy").asDouble());
        assertThat(n.get("mutualInformation").asDouble()).isPositive();
    }

    static double pearsonChiSquare(double[][] c) {
        int r = c.length;
        int k = c[0].length;
        double n = 0;
        double[] rs = new double[r];
        double[] cs = new double[k];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < k; j++) {
                rs[i] += c[i][j];
                cs[j] += c[i][j];
                n += c[i][j];
            }
        }
        double chi = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < k; j++) {
                double e = rs[i] * cs[j] / n;
                chi += (c[i][j] - e) * (c[i][j] - e) / e;
            }
        }
        return chi;
    }

    @Test
    void analyzeFromSamplesAndWithTraining() throws Exception {
        Path data = dir.resolve("s.csv");
        StringBuilder b = new StringBuilder("colour,size\n");
        String[][] pairs = {{"red", "S"}, {"red", "S"}, {"red", "L"}, {"blue", "L"}, {"blue", "L"}, {"blue", "S"}, {"green", "M"}, {"green", "S"}, {"green", "M"}};
        for (String[] p : pairs) {
            b.append(p[0]).append(',').append(p[1]).append('\n');
        }
        Files.writeString(data, b.toString());
        Path json = dir.resolve("a.json");
        Run r = run("lowrank", "analyze", "--data", data.toString(), "--x", "colour", "--y", "size", "--k", "1", "--train",
                "--loss", "mse", "--json", json.toString(), "--plot", dir.resolve("plots").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("xNames").get(0).asText()).isEqualTo("red");
        assertThat(n.get("trained").get("m1").asDouble()).isLessThan(1e-4);
        assertThat(Files.list(dir.resolve("plots")).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void mseWithAnEmbeddingIsExactReducedRankRegression() throws Exception {
        Path emb = dir.resolve("e.csv");
        // d = 2 embedding of the four eye colours, any sign
        Files.writeString(emb, "brown,blue,hazel,green\n1.0,-0.5,0.3,2.0\n0.2,1.5,-1.0,0.1\n");
        Path json = dir.resolve("t.json");
        Run r = run("lowrank", "train", "--pxy", hairEye().toString(), "--k", "1", "--loss", "mse", "--embedding", emb.toString(),
                "--restarts", "2", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode m = new ObjectMapper().readTree(json.toFile()).get("metrics");
        assertThat(Math.abs(m.get("lossGap").asDouble())).isLessThan(1e-12);
        assertThat(m.get("m1").asDouble()).isLessThan(1e-6);
        assertThat(run("lowrank", "train", "--pxy", hairEye().toString(), "--k", "3", "--loss", "mse", "--embedding", emb.toString()).code())
                .isEqualTo(2);
        assertThat(run("lowrank", "analyze", "--pxy", hairEye().toString(), "--embedding", emb.toString()).code()).isEqualTo(2);
    }

    @Test
    void sweepPrintsSlopesInTheTheoremsRange() throws Exception {
        Path json = dir.resolve("s.json");
        Run r = run("lowrank", "sweep", "--eps", "0.1,0.05,0.025", "--restarts", "1", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fitted slopes");
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("rows")).hasSize(3);
        assertThat(n.get("slopes").get("M1").asDouble()).isBetween(0.85, 1.15);
        assertThat(n.get("slopes").get("1-M4").asDouble()).isBetween(1.7, 2.3);
    }

    @Test
    void hiddenSweepPrintsTheCertifiedLocalBranchWithSlopes() throws Exception {
        Path json = dir.resolve("h.json");
        Run r = run("lowrank", "sweep", "--hidden", "--k", "3", "--eps", "0.1,0.05,0.025", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("hidden-layer softmax sweep").contains("certified").contains("fitted slopes");
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertThat(n.get("rows")).hasSize(3);
        for (JsonNode row : n.get("rows")) {
            double eps = row.get("epsilon").asDouble();
            assertThat(row.get("certified").asBoolean()).isTrue();
            assertThat(row.get("local").asBoolean()).isTrue();
            assertThat(row.get("requiredSpread").asDouble()).isLessThan(1);
            assertThat(row.get("zeroEigenvalues").asInt()).isEqualTo(row.get("symmetries").asInt());
            assertThat(row.get("hiddenError").asDouble()).isLessThan(eps);
            assertThat(row.get("layerMatrixError").asDouble()).isLessThan(eps);
        }
        assertThat(n.get("slopes").get("hidden").asDouble()).isBetween(0.85, 1.5);
    }

    @Test
    void trainWritesAModel() throws Exception {
        Path model = dir.resolve("m.json");
        Run r = run("lowrank", "train", "--pxy", hairEye().toString(), "--k", "1", "--activation", "sigmoid", "--restarts", "2",
                "--out", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Mlp net = ModelIo.read(model);
        assertThat(net.sizes()).containsExactly(4, 1, 4);
        assertThat(r.out()).contains("M7");
        // the order of the one-hot inputs is recorded: hair colours as in the table's header, eye colours as its rows
        ModelNames names = ModelNames.read(model);
        assertThat(names.inputs()).containsExactly("Black", "Brown", "Red", "Blond");
        assertThat(names.outputs()).hasSize(4).startsWith("Brown");
        Path st = dir.resolve("m.safetensors");
        assertThat(run("lowrank", "train", "--pxy", hairEye().toString(), "--k", "1", "--restarts", "1", "--out", st.toString()).code())
                .isZero();
        assertThat(ModelNames.read(st)).isEqualTo(names);
        assertThat(ModelIo.read(st).sizes()).containsExactly(4, 1, 4);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2\n3,-1\n");
        Run[] runs = {
            run("lowrank", "analyze", "--pxy", bad.toString()),
            run("lowrank", "analyze", "--pxy", dir.resolve("missing.csv").toString()),
            run("lowrank", "analyze"),
            run("lowrank", "analyze", "--pxy", hairEye().toString(), "--loss", "hinge"),
            run("lowrank", "analyze", "--pxy", hairEye().toString(), "--k", "0"),
            run("lowrank", "sweep", "--eps", "0.1,abc"),
            run("lowrank", "sweep", "--k", "5"),
            run("lowrank", "sweep", "--hidden", "--k", "6"),
            run("lowrank", "train", "--pxy", hairEye().toString(), "--k", "4"),
            run("lowrank", "train", "--pxy", hairEye().toString(), "--k", "1", "--out", dir.resolve("m.txt").toString()),
        };
        for (Run r : runs) {
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
    }

    /** --features: the iris inputs as features; the H-score equals explain's for the input layer (the same formula). */
    @Test
    void analyzeFeaturesGivesTheHScoreSpectrumAndTheLocalRegimeWarning() {
        Run r = run("lowrank", "analyze", "--features", "builtin:iris-train", "--k", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("H-score").contains("spectrum").contains("outside the local regime");
        assertThat(r.err()).contains("warning: epsilon = 1.41421 > 0.1");
        Dataset d = RealData.load("iris-train");
        double h = SampleFeatures.hScore(d.x(), d.labels(), 3);
        assertThat(r.out()).contains("H-score     " + Num.show(h) + " of 1");
        assertThat(run("lowrank", "analyze", "--pxy", "x.csv", "--labels", "y").code()).isEqualTo(2);
    }
}
