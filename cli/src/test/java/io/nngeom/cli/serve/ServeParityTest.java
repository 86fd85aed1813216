package io.nngeom.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nngeom.cli.Main;
import io.nngeom.io.Json;
import io.nngeom.serve.ExplorerServer;
import io.nngeom.serve.Limits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer trains with the code of {@code nngeom train}: a run stopped after N steps (by any path: steps,
 * play and pause, runSteps) downloads a model byte-identical to {@code nngeom train --iters N} with the command
 * the page shows, on the data set the page downloads.
 */
class ServeParityTest {
    static ExplorerServer server;
    static HttpClient client = HttpClient.newHttpClient();
    static StringWriter log = new StringWriter();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = ExplorerServer.start(0, Limits.defaults(), null, null, new PrintWriter(log));
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(log.toString()).isEmpty();
    }

    static HttpResponse<byte[]> call(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
        if (json != null) {
            b.header("Content-Type", "application/json").header("Origin", "http://127.0.0.1:" + server.port())
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isLessThan(300);
        return r;
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        return Json.parse(r.body(), "answer");
    }

    static void waitPaused(String run, int step) throws Exception {
        for (int i = 0; i < 1500; i++) {
            JsonNode s = json(call("GET", run, null));
            if (s.get("step").asInt() == step && s.get("state").asText().equals("paused")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(run + " did not pause at step " + step);
    }

    /** The step at which a run that was asked to pause has paused. */
    static int pausedStep(String run) throws Exception {
        for (int i = 0; i < 1500; i++) {
            JsonNode s = json(call("GET", run, null));
            if (s.get("state").asText().equals("paused")) {
                return s.get("step").asInt();
            }
            Thread.sleep(20);
        }
        throw new AssertionError(run + " did not pause");
    }

    /** Trains {@code config} to step {@code n} in the explorer (with a play/pause first when asked), checks parity. */
    void check(String config, int steps, boolean playFirst) throws Exception {
        int n = steps;
        String id = json(call("POST", "/api/runs", config)).get("runId").asText();
        String run = "/api/runs/" + id;
        if (playFirst) {
            call("POST", run + "/control", "{\"action\":\"step\",\"steps\":3}");
            waitPaused(run, 3);
            call("POST", run + "/control", "{\"action\":\"play\"}");
            Thread.sleep(50);
            call("POST", run + "/control", "{\"action\":\"pause\"}");
            int at = pausedStep(run);
            assertThat(at).isGreaterThan(3); // it did play
            n = Math.max(n, at + 100); // a fast machine may play past n in 50 ms: train on from where the pause left it
        }
        call("POST", run + "/control", "{\"action\":\"runSteps\",\"steps\":" + n + "}");
        waitPaused(run, n);
        Path data = dir.resolve("data.csv");
        Path served = dir.resolve("served.safetensors");
        Files.write(data, call("GET", run + "/data.csv", null).body());
        Files.write(served, call("GET", run + "/model.safetensors", null).body());
        String command = new String(call("GET", run + "/command", null).body(), StandardCharsets.UTF_8).trim();
        assertThat(command).contains("--iters " + n);
        Path cli = dir.resolve("cli.safetensors");
        List<String> args = new ArrayList<>();
        for (String a : command.split(" ")) {
            args.add(a.equals("data.csv") ? data.toString() : a.equals("model.safetensors") ? cli.toString() : a);
        }
        args.remove(0); // "nngeom"
        args.add("--quiet");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err))).as(err.toString()).isZero();
        assertThat(Files.readAllBytes(served)).as(command).isEqualTo(Files.readAllBytes(cli));
        call("DELETE", run, "");
    }

    @Test
    void adamFullBatch() throws Exception {
        check("{\"data\":\"spiral\",\"seed\":11,\"arch\":\"2-12-12-2\",\"lr\":0.02}", 173, false);
    }

    @Test
    void sgdMiniBatchesWithPenaltyAcrossEpochs() throws Exception {
        check("{\"data\":\"circle\",\"n\":300,\"seed\":4,\"arch\":\"2-8-8-2\",\"optimizer\":\"sgd\",\"batch\":32,"
                + "\"lr\":0.05,\"penalty\":\"l2:1e-3\"}", 211, false);
    }

    @Test
    void gdRegressionLeakyRelu() throws Exception {
        check("{\"data\":\"plane\",\"n\":150,\"arch\":\"2-6-1\",\"optimizer\":\"gd\",\"lr\":0.1,\"loss\":\"mse\","
                + "\"activation\":\"leaky-relu\"}", 97, false);
    }

    @Test
    void adamMiniBatchesAfterPlayAndPause() throws Exception {
        check("{\"data\":\"xor\",\"n\":200,\"seed\":9,\"arch\":\"2-10-10-2\",\"batch\":50,\"lr\":0.01}", 3000, true);
    }
}
