package io.nngeom.serve;

import com.sun.net.httpserver.HttpExchange;
import io.nngeom.io.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A run's server-sent events: small updates only ({@code progress}: step, objective, state), at most ten a second
 * and only when something changed, with the step as the event id and a comment line every 15 s so that a closed
 * tab is noticed. The page pulls the heavy geometry itself when it is ready for it.
 */
final class Events {
    private static final long TICK_MS = 100;
    private static final long PING_NANOS = 15_000_000_000L;

    private Events() {
    }

    static void stream(HttpExchange ex, Run r, Limits limits, ExplorerServer server) throws IOException {
        if (!server.streams().tryAcquire()) {
            throw new ApiException(429, "too many event streams (" + limits.streams() + " open); close a tab or wait");
        }
        try {
            var h = ex.getResponseHeaders();
            h.set("Content-Type", "text/event-stream; charset=utf-8");
            h.set("Cache-Control", "no-store");
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Connection", "close"); // a stream's connection is not reused
            ex.sendResponseHeaders(200, 0);
            OutputStream o = ex.getResponseBody();
            write(o, "retry: 1000\n\n");
            Run.Snapshot last = null;
            long lastWrite = System.nanoTime();
            while (!server.stopping()) {
                Run.Snapshot s = r.latest();
                r.touch();
                if (s != last) {
                    write(o, "id: " + s.step() + "\nevent: progress\ndata: " + Json.toCompactString(event(s)) + "\n\n");
                    last = s;
                    lastWrite = System.nanoTime();
                    if (s.state() == Run.State.STOPPED) {
                        break;
                    }
                } else if (System.nanoTime() - lastWrite > PING_NANOS) {
                    write(o, ": ping\n\n");
                    lastWrite = System.nanoTime();
                }
                try {
                    Thread.sleep(TICK_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            o.close();
        } finally {
            server.streams().release();
        }
    }

    private static Map<String, Object> event(Run.Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", s.step());
        m.put("objective", Double.isFinite(s.objective()) ? s.objective() : null);
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("message", s.message());
        return m;
    }

    private static void write(OutputStream o, String s) throws IOException {
        o.write(s.getBytes(StandardCharsets.UTF_8));
        o.flush();
    }
}
