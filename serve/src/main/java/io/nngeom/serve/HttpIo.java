package io.nngeom.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.nngeom.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading capped request bodies and writing JSON, text and error answers. */
final class HttpIo {
    private static final ObjectMapper MAPPER = Json.mapper();
    /** Bytes read past a limit before answering 413. */
    private static final int DRAIN = 64 << 10;

    private HttpIo() {
    }

    /**
     * The request body, at most {@code limit} bytes: a larger Content-Length is refused before reading, and a
     * chunked body is read to at most limit + 1 bytes (413 either way).
     */
    static byte[] body(HttpExchange ex, int limit) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length '" + length + "' is not a number");
            }
            if (n > limit) {
                throw new ApiException(413, "request body of " + n + " bytes is over the limit of " + limit + " bytes");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(limit + 1);
            if (b.length > limit) {
                in.readNBytes(DRAIN); // a little of the rest, so that the client reads the answer rather than a reset
                throw new ApiException(413, "request body is over the limit of " + limit + " bytes");
            }
            return b;
        }
    }

    /** Requires the Content-Type of the request to be {@code type} (415 otherwise). */
    static void requireType(HttpExchange ex, String type) {
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith(type)) {
            throw new ApiException(415, "Content-Type must be " + type + ", got " + (ct == null ? "none" : "'" + ct + "'"));
        }
    }

    static void json(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, "application/json", MAPPER.writeValueAsBytes(value));
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim());
        m.put("status", status);
        json(ex, status, m);
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
        ex.close();
    }

    static void text(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }
}
