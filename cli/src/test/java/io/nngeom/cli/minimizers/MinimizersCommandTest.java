package io.nngeom.cli.minimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nngeom.cli.Main;
import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.io.ModelIo;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.minimizers.Costs;
import io.nngeom.net.Mlp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinimizersCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void buildWritesModelAndJsonWithZeroCost(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.safetensors");
        Path json = dir.resolve("r.json");
        Run r = run("minimizers", "build", "--generate", "3,300,0.3,7", "--layers", "3", "--order", "2,0,1",
                "--out", model.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("minimizers build", j.get("command").asText());
        assertTrue(j.get("cost").asDouble() <= 1e-20);
        assertEquals(Math.sqrt(j.get("cost").asDouble()), j.get("costSqrt").asDouble(), 1e-30);
        assertEquals(3, j.get("Q").asInt());
        assertEquals(3, j.get("L").asInt());
        assertEquals("[2,0,1]", j.get("order").toString());
        assertEquals(3, j.get("layers").size());
        assertEquals(3, j.get("layers").get(0).get("apex").size());
        assertTrue(j.get("layers").get(0).get("margin").asDouble() > 0);
        assertEquals(3, j.get("apex").size());
        // the written model, read back, has the same zero cost on the same data
        Mlp m = ModelIo.read(model);
        Dataset d = ClusteredData.generate(3, 300, 0.3, 7);
        assertTrue(Costs.c2(m, ClusteredData.of(d)) <= 1e-20);
    }

    @Test
    void buildReadsCsvAndPlots(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        DataIo.write(csv, ClusteredData.generate(2, 80, 0.5, 3));
        Path plots = dir.resolve("plots");
        Run r = run("minimizers", "build", "--data", csv.toString(), "--classes", "--layers", "3",
                "--plot", plots.toString(), "--out", dir.resolve("m.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cost C2 = "));
        try (var files = Files.list(plots)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".svg")));
        }
        assertTrue(Files.exists(dir.resolve("m.json")));
    }

    @Test
    void overlappingClustersExitTwoWithOneLine() {
        Run r = run("minimizers", "build", "--generate", "3,300,12,7", "--layers", "3");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("class") && r.err().contains("step"), r.err());
    }

    @Test
    void badOptionsExitTwo() {
        assertEquals(2, run("minimizers", "build", "--generate", "3,300,0.3", "--layers", "3").code());
        assertEquals(2, run("minimizers", "build", "--generate", "3,300,0.3,7", "--layers", "2").code());
        assertEquals(2, run("minimizers", "build", "--generate", "3,300,0.3,7", "--layers", "3", "--order", "0,0,1").code());
        assertEquals(2, run("minimizers", "build", "--generate", "3,300,0.3,7", "--layers", "3", "--theta", "1.5").code());
        assertEquals(2, run("minimizers", "build", "--layers", "3").code());
        assertEquals(2, run("minimizers", "build", "--data", "missing.csv", "--classes", "--layers", "3").code());
        assertEquals(2, run("minimizers", "build", "--generate", "3,300,0.3,7", "--layers", "3", "--out", "m.txt").code());
    }

    @Test
    void localMinimaShallowAndCompare(@TempDir Path dir) throws Exception {
        Path j1 = dir.resolve("lm.json");
        Run a = run("minimizers", "local-minima", "--generate", "2,60,0.8,1", "--layers", "2", "--directions", "10",
                "--gd-steps", "10", "--json", j1.toString());
        assertEquals(0, a.code(), a.err());
        JsonNode lm = new ObjectMapper().readTree(j1.toFile());
        assertEquals(5, lm.get("configurations").size());
        Path j2 = dir.resolve("sh.json");
        Run b = run("minimizers", "shallow", "--generate", "3,150,0.4,2", "--json", j2.toString());
        assertEquals(0, b.code(), b.err());
        JsonNode sh = new ObjectMapper().readTree(j2.toFile());
        assertTrue(sh.get("costSqrt").asDouble() <= sh.get("bound").asDouble());
        assertTrue(sh.get("leastSquaresCost").asDouble() <= sh.get("cost").asDouble());
        Path j3 = dir.resolve("cmp.json");
        Run c = run("minimizers", "compare", "--generate", "2,60,0.8,1", "--layers", "2", "--seeds", "2",
                "--adam-steps", "200", "--lbfgs-steps", "50", "--json", j3.toString());
        assertEquals(0, c.code(), c.err());
        JsonNode cmp = new ObjectMapper().readTree(j3.toFile());
        assertEquals(4, cmp.get("runs").size());
        assertTrue(cmp.get("constructedAtMostBest").asBoolean());
    }
}
