package io.nngeom.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nngeom.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The abuse limits: loopback only, Host and Origin checks, body caps (Content-Length and chunked), strict JSON,
 * and clear one-line 4xx answers, each through a raw socket.
 */
class GuardTest {
    static ExplorerServer server;
    static RawHttp http;
    static StringWriter log = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        server = ExplorerServer.start(0, Limits.defaults(), null, null, new PrintWriter(log));
        http = new RawHttp(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(log.toString()).as("no internal errors").isEmpty();
    }

    /** The answer is a 4xx JSON error of one line. */
    static String error(RawHttp.Answer a, int status) {
        assertThat(a.status()).as(a.head() + "\n" + a.body()).isEqualTo(status);
        JsonNode n = Json.parse(a.body().getBytes(StandardCharsets.UTF_8), "answer");
        String msg = n.get("error").asText();
        assertThat(msg).isNotBlank().doesNotContain("\n").doesNotContain("Exception").doesNotContain("at io.nngeom");
        return msg;
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void foreignOrMissingHostIsRefused() throws Exception {
        error(http.send("GET /api/health HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n",
                new byte[0]), 421);
        error(http.send("GET /api/health HTTP/1.0\r\n\r\n", new byte[0]), 421);
        assertThat(http.send("GET /api/health HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n",
                new byte[0]).status()).isEqualTo(200);
    }

    @Test
    void postWithoutOrForeignOriginIsRefused() throws Exception {
        String body = "{\"data\":\"xor\"}";
        String head = "POST /api/runs HTTP/1.1\r\nHost: " + http.host() + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n";
        error(http.send(head + "\r\n", body.getBytes(StandardCharsets.UTF_8)), 403);
        error(http.send(head + "Origin: http://evil.example\r\n\r\n", body.getBytes(StandardCharsets.UTF_8)), 403);
        error(http.send(head + "Origin: http://" + http.host() + ".evil.example\r\n\r\n", body.getBytes(StandardCharsets.UTF_8)), 403);
    }

    @Test
    void bodiesOverTheLimitAre413WithLengthOrChunked() throws Exception {
        int limit = Limits.defaults().jsonBytes();
        String head = "POST /api/runs HTTP/1.1\r\nHost: " + http.host() + "\r\nOrigin: " + http.origin()
                + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
        // refused on the declared length alone, before the body is sent
        error(http.send(head + "Content-Length: " + (limit + 1) + "\r\n\r\n", new byte[0]), 413);
        // a length that is no number is refused by the JDK server itself (its own small HTML page), still a 400
        assertThat(http.send(head + "Content-Length: 99999999999999999999\r\n\r\n", new byte[0]).status()).isEqualTo(400);
        StringBuilder chunked = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            chunked.append(Integer.toHexString(limit / 2 + 1)).append("\r\n").append(" ".repeat(limit / 2 + 1)).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        error(http.send(head + "Transfer-Encoding: chunked\r\n\r\n", chunked.toString().getBytes(StandardCharsets.UTF_8)), 413);
    }

    @Test
    void malformedJsonIs400NamingTheProblem() throws Exception {
        assertThat(error(http.json("/api/runs", "{\"data\":\"xor\",\"bogus\":1}"), 400)).contains("bogus");
        assertThat(error(http.json("/api/runs", "{\"lr\":NaN}"), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", "{\"n\":1e400}"), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", "{\"n\":99999999999999999999}"), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", "{\"n\":1.5}"), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", "{\"n\":\"400\"}"), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", "{\"data\":7}"), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", "[1,2]"), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", "{} {}"), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", "{"), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", ""), 400)).isNotEmpty();
        assertThat(error(http.json("/api/runs", "null"), 400)).isNotEmpty();
        assertThat(error(http.post("/api/runs", "text/plain", "{}"), 415)).contains("Content-Type");
    }

    @Test
    void outOfRangeSettingsNameTheirKey() throws Exception {
        assertThat(error(http.json("/api/runs", "{\"arch\":\"2-1000-2\"}"), 400)).startsWith("arch: ");
        assertThat(error(http.json("/api/runs", "{\"arch\":\"2-8-8-8-8-8-8-8-8-8-2\"}"), 400)).startsWith("arch: ");
        assertThat(error(http.json("/api/runs", "{\"arch\":\"3-8-2\"}"), 400)).startsWith("arch: ");
        assertThat(error(http.json("/api/runs", "{\"arch\":\"2-8-1\"}"), 400)).startsWith("arch: ");
        assertThat(error(http.json("/api/runs", "{\"lr\":11}"), 400)).startsWith("lr: ");
        assertThat(error(http.json("/api/runs", "{\"lr\":-1e-3}"), 400)).startsWith("lr: ");
        assertThat(error(http.json("/api/runs", "{\"n\":10001}"), 400)).startsWith("n: ");
        assertThat(error(http.json("/api/runs", "{\"n\":0}"), 400)).startsWith("n: ");
        assertThat(error(http.json("/api/runs", "{\"noise\":2}"), 400)).startsWith("noise: ");
        assertThat(error(http.json("/api/runs", "{\"data\":\"../../etc/passwd\"}"), 400)).startsWith("data: ");
        assertThat(error(http.json("/api/runs", "{\"data\":\"upload:nope\"}"), 400)).startsWith("data: ");
        assertThat(error(http.json("/api/runs", "{\"data\":\"file\"}"), 400)).startsWith("data: ");
        assertThat(error(http.json("/api/runs", "{\"optimizer\":\"lbfgs\"}"), 400)).startsWith("optimizer: ");
        assertThat(error(http.json("/api/runs", "{\"activation\":\"swish\"}"), 400)).startsWith("activation: ");
        assertThat(error(http.json("/api/runs", "{\"data\":\"plane\",\"arch\":\"2-8-1\",\"loss\":\"softmax\"}"), 400))
                .startsWith("loss: ");
        assertThat(error(http.json("/api/runs", "{\"penalty\":\"l3:1\"}"), 400)).startsWith("penalty: ");
        assertThat(error(http.json("/api/runs", "{\"optimizer\":\"gd\",\"batch\":10}"), 400)).startsWith("batch: ");
        assertThat(error(http.json("/api/runs", "{\"init\":\"model\"}"), 400)).startsWith("init: ");
    }

    @Test
    void missingRunsPathsAndMethodsAre4xx() throws Exception {
        error(http.get("/api/runs/0123456789abcdef"), 404);
        error(http.get("/api/runs/..%2F..%2Fetc%2Fpasswd/model.json"), 404);
        error(http.get("/assets/../../etc/passwd"), 404);
        error(http.get("/../../etc/passwd"), 404);
        error(http.get("/api/nothing"), 404);
        error(http.json("/api/health", "{}"), 405);
        error(http.send("DELETE / HTTP/1.1\r\nHost: " + http.host() + "\r\nOrigin: " + http.origin()
                + "\r\nConnection: close\r\n\r\n", new byte[0]), 405);
    }

    @Test
    void runEndpointsRefuseBadRequests() throws Exception {
        String id = Json.parse(http.json("/api/runs", "{\"data\":\"xor\",\"arch\":\"2-4-2\"}").body()
                .getBytes(StandardCharsets.UTF_8), "run").get("runId").asText();
        String run = "/api/runs/" + id;
        error(http.get(run + "/partition"), 400);
        error(http.get(run + "/partition?box=0,1,1,0"), 400);
        error(http.get(run + "/partition?box=0,NaN,0,1"), 400);
        error(http.get(run + "/partition?box=0,1e308,0,1"), 400);
        error(http.get(run + "/partition?box=a,b,c,d"), 400);
        error(http.get(run + "/secrets"), 404);
        error(http.json(run + "/control", "{\"action\":\"explode\"}"), 400);
        error(http.json(run + "/control", "{\"action\":\"step\",\"steps\":0}"), 400);
        error(http.json(run + "/control", "{\"action\":\"step\",\"steps\":2000000}"), 400);
        error(http.json(run + "/control", "{\"steps\":3}"), 400);
        assertThat(http.get(run + "/partition?box=-1,1,-1,1").status()).isEqualTo(200);
        assertThat(http.send("DELETE " + run + " HTTP/1.1\r\nHost: " + http.host() + "\r\nOrigin: " + http.origin()
                + "\r\nConnection: close\r\n\r\n", new byte[0]).status()).isEqualTo(200);
        error(http.get(run), 404);
    }

    @Test
    void uploadsAreReadByTheCliReaderOrRefusedInOneLine() throws Exception {
        RawHttp.Answer ok = http.post("/api/datasets?classes=true", "text/csv", "x0,x1,label\n0,0,0\n1,1,1\n0.5,0.2,1\n");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.body()).contains("\"rows\":3");
        String bad = error(http.post("/api/datasets", "text/csv", "x0,x1,label\n0,0,0\n1,oops,1\n"), 400);
        assertThat(bad).startsWith("upload.csv").doesNotContain("/tmp").doesNotContain("nngeom-upload");
        error(http.post("/api/datasets", "text/csv", "a,b,c,label\n1,2,3,0\n"), 400);
        error(http.post("/api/datasets?classes=maybe", "text/csv", "x0,x1,label\n0,0,0\n"), 400);
        error(http.post("/api/datasets", "text/csv", "x0,x1,label\n" + "0,0,0\n".repeat(10_001)), 413);
        error(http.post("/api/datasets", "application/json", "{}"), 415);
    }

    @Test
    void tooManyRunsIs429AndFreedByDelete() throws Exception {
        try (ExplorerServer small = ExplorerServer.start(0, new Limits(1 << 16, 1 << 20, 100, 100, 2, 8, 2, 2, 2, 100, 1000),
                null, null, new PrintWriter(log))) {
            RawHttp h = new RawHttp(small.port());
            assertThat(h.json("/api/runs", "{\"data\":\"xor\",\"arch\":\"2-4-2\",\"n\":50}").status()).isEqualTo(201);
            assertThat(h.json("/api/runs", "{\"data\":\"xor\",\"arch\":\"2-4-2\",\"n\":50}").status()).isEqualTo(201);
            error(h.json("/api/runs", "{\"data\":\"xor\",\"arch\":\"2-4-2\",\"n\":50}"), 429);
            assertThat(small.runCount()).isEqualTo(2);
        }
    }
}
