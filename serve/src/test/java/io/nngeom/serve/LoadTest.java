package io.nngeom.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A bounded load test on loopback: C clients, each for S seconds in a loop creating a run, playing it, reading its
 * event stream, pulling partition frames, pausing and deleting it; a prober meanwhile times {@code /api/health}.
 * Passes when no answer is a 5xx or a transport error, the prober's slowest answer stays under 2 s, and every run
 * is gone at the end. Quick by default (8 clients, 4 s); the figures of docs/reliability.md come from
 * {@code -Dnngeom.load.clients=50 -Dnngeom.load.seconds=60}, which also prints them.
 */
class LoadTest {
    final int clients = Integer.getInteger("nngeom.load.clients", 8);
    final int seconds = Integer.getInteger("nngeom.load.seconds", 4);
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    final AtomicLong transportErrors = new AtomicLong();
    final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    final AtomicLong events = new AtomicLong();
    final AtomicLong frames = new AtomicLong();
    final List<Long> healthMicros = Collections.synchronizedList(new ArrayList<>());
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base;
    String origin;
    int port;

    @Test
    void serverStaysResponsiveAndEveryRunEnds() throws Exception {
        StringWriter log = new StringWriter();
        long maxHeap = 0;
        long heapBefore = usedAfterGc();
        long heapAfter;
        try (ExplorerServer server = ExplorerServer.start(0, Limits.defaults(), null, null, new PrintWriter(log))) {
            base = server.url();
            port = server.port();
            if (Integer.getInteger("nngeom.load.clients") != null) {
                System.err.println("LoadTest: port " + port);
                Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "nngeom-loadtest.port"),
                        port + "\n");
            }
            origin = "http://127.0.0.1:" + server.port();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                threads.add(started(() -> client(id, end)));
            }
            Thread prober = started(() -> probe(end));
            while (System.nanoTime() < end) {
                Runtime rt = Runtime.getRuntime();
                maxHeap = Math.max(maxHeap, rt.totalMemory() - rt.freeMemory());
                Thread.sleep(200);
            }
            long deadline = System.currentTimeMillis() + 60_000;
            for (Thread t : threads) {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
            prober.join(10_000);
            for (int i = 0; i < 100 && server.runCount() > 0; i++) {
                Thread.sleep(50);
            }
            assertThat(server.runCount()).as("runs alive at the end").isZero();
            heapAfter = usedAfterGc();
        }
        List<Long> h = new ArrayList<>(healthMicros);
        Collections.sort(h);
        String figures = String.format("clients %d, %d s: answers by status %s, transport errors %d %s, events read %d, frames pulled %d;"
                        + " /api/health p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d probes; peak heap %d MB, after GC %d MB before and %d MB after",
                clients, seconds, new TreeMap<>(statuses), transportErrors.get(), errorKinds, events.get(), frames.get(),
                pct(h, 0.5), pct(h, 0.95), h.isEmpty() ? 0 : h.get(h.size() - 1) / 1e3, h.size(), maxHeap >> 20, heapBefore >> 20, heapAfter >> 20);
        if (Integer.getInteger("nngeom.load.clients") != null) {
            System.err.println("LoadTest: " + figures);
        }
        assertThat(log.toString()).as("internal errors").isEmpty();
        assertThat(transportErrors.get()).as(figures).isZero();
        assertThat(statuses.keySet()).as(figures).allMatch(s -> s < 500);
        assertThat(frames.get()).as(figures).isPositive();
        assertThat(h.get(h.size() - 1)).as(figures).isLessThan(2_000_000L);
    }

    static long usedAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e3;
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (json != null) {
            b.header("Content-Type", "application/json").header("Origin", origin)
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else if (method.equals("DELETE")) {
            b.header("Origin", origin).DELETE();
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
            return r;
        } catch (IOException e) {
            transportError(e, path);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void client(int id, long end) {
        String[] data = {"spiral", "circle", "xor", "gauss", "plane", "ripple"};
        int k = 0;
        while (System.nanoTime() < end) {
            String d = data[(id + k++) % data.length];
            String arch = d.equals("plane") || d.equals("ripple") ? "2-16-16-1" : "2-16-16-2";
            HttpResponse<String> r = send("POST", "api/runs", "{\"data\":\"" + d + "\",\"arch\":\"" + arch + "\",\"seed\":" + (id * 1000 + k)
                    + ",\"lr\":0.01}");
            if (r == null || r.statusCode() != 201) {
                sleep(200);
                continue;
            }
            String run = "api/runs/" + Json.parse(r.body().getBytes(StandardCharsets.UTF_8), "run").get("runId").asText();
            send("POST", run + "/control", "{\"action\":\"play\"}");
            readEvents(run, 3);
            for (int f = 0; f < 5 && System.nanoTime() < end; f++) {
                HttpResponse<String> p = send("GET", run + "/partition?box=-1.2,1.2,-1.2,1.2", null);
                if (p != null && p.statusCode() == 200) {
                    frames.incrementAndGet();
                }
            }
            send("POST", run + "/control", "{\"action\":\"pause\"}");
            send("DELETE", run, null);
        }
    }

    /** Reads n event ids from a run's stream on a raw socket (as a browser tab does), then closes it. */
    private void readEvents(String run, int n) {
        try (Socket sock = new Socket(InetAddress.getLoopbackAddress(), port)) {
            sock.setSoTimeout(10_000);
            sock.getOutputStream().write(("GET /" + run + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            BufferedReader r = new BufferedReader(new InputStreamReader(sock.getInputStream(),
                    StandardCharsets.UTF_8));
            String status = r.readLine();
            int code = status == null || status.length() < 12 ? -1 : Integer.parseInt(status.substring(9, 12));
            statuses.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
            String line;
            int got = 0;
            while (code == 200 && got < n && (line = r.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    got++;
                }
            }
            events.addAndGet(got);
        } catch (IOException e) {
            transportError(e, "events");
        }
    }

    private void probe(long end) {
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send("GET", "api/health", null);
            if (r != null) {
                healthMicros.add((System.nanoTime() - t0) / 1000);
            }
            sleep(100);
        }
    }

    private void transportError(Exception e, String path) {
        transportErrors.incrementAndGet();
        errorKinds.computeIfAbsent(e.getClass().getSimpleName() + " " + e.getMessage() + " on "
                + path.replaceAll("[0-9a-f]{16}", "ID").replaceAll("\\?.*", ""), k -> new AtomicLong()).incrementAndGet();
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
