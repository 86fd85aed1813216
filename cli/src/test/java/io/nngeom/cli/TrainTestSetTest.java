package io.nngeom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --test: the held-out metrics are those eval computes on the written model. */
class TrainTestSetTest {
    @TempDir
    Path dir;

    static int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void testMetricsEqualEvalOnTheWrittenModel() throws Exception {
        Path model = dir.resolve("m.json");
        Path r = dir.resolve("r.json");
        assertEquals(0, run("train", "--data", "builtin:iris-train", "--classes", "--arch", "4-8-3", "--iters", "200", "--test",
                "builtin:iris-test", "--out", model.toString(), "--json", r.toString(), "--quiet"));
        Path e = dir.resolve("e.json");
        assertEquals(0, run("eval", "--model", model.toString(), "--data", "builtin:iris-test", "--classes", "--json", e.toString(), "--quiet"));
        JsonNode tr = new ObjectMapper().readTree(r.toFile());
        JsonNode ev = new ObjectMapper().readTree(e.toFile());
        assertEquals(ev.get("accuracy").asDouble(), tr.get("testAccuracy").asDouble(), 0);
        assertEquals(ev.get("mse").asDouble(), tr.get("testMse").asDouble(), 0);
        assertEquals(ev.get("loss").asDouble(), tr.get("testLoss").asDouble(), 0);
        assertTrue(tr.get("trainAccuracy").asDouble() > 0.5);
        // a test set with other inputs is refused
        assertEquals(2, run("train", "--data", "builtin:iris-train", "--classes", "--arch", "4-8-3", "--iters", "5", "--test",
                "builtin:wine-test"));
    }
}
