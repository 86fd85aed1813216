package io.nngeom.serve;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.sun.net.httpserver.HttpExchange;
import io.nngeom.io.Json;
import io.nngeom.net.Activation;
import io.nngeom.run.RunInfo;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON API under {@code /api}: runs (create, control, delete), their event stream ({@link Events}), the exact
 * partition of a snapshot ({@link Frames}), data upload and the downloads ({@link Exports}). Bodies are strict
 * JSON: unknown fields, wrong types, fractions for whole numbers and non-finite numbers are refused with 400.
 */
final class Api {
    /** Strict JSON: no unknown fields, no strings or fractions for numbers, no NaN. */
    static final ObjectMapper STRICT = strict();

    /** What a control request may ask. */
    record Control(String action, Integer steps) {
    }

    private final Runs runs;
    private final ExplorerServer server;

    Api(Runs runs, ExplorerServer server) {
        this.runs = runs;
        this.server = server;
    }

    private static ObjectMapper strict() {
        ObjectMapper m = Json.mapper().copy();
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return m;
    }

    /** Dispatches {@code path} (below {@code /api}). */
    void handle(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        String[] p = path.split("/", -1); // "", "runs", id, what
        if (path.equals("/health")) {
            only(method, "GET", path);
            HttpIo.json(ex, 200, health());
        } else if (path.equals("/runs")) {
            if (method.equals("GET")) {
                HttpIo.json(ex, 200, Map.of("runs", runs.count(), "limit", runs.limits().runs()));
            } else {
                only(method, "POST", path);
                HttpIo.requireType(ex, "application/json");
                RunConfig c = STRICT.readValue(HttpIo.body(ex, runs.limits().jsonBytes()), RunConfig.class);
                if (c == null) {
                    throw ApiException.badRequest("expected a JSON object of run settings");
                }
                Run r = runs.create(c);
                HttpIo.json(ex, 201, status(r));
            }
        } else if (path.equals("/datasets")) {
            only(method, "POST", path);
            Exports.upload(ex, runs);
        } else if (p.length >= 3 && p[1].equals("runs")) {
            run(ex, method, p.length == 3 ? "" : String.join("/", List.of(p).subList(3, p.length)), runs.get(p[2]));
        } else {
            throw ApiException.notFound("no API '" + (path.length() > 60 ? path.substring(0, 60) + "…" : path) + "'");
        }
    }

    private void run(HttpExchange ex, String method, String what, Run r) throws IOException {
        switch (what) {
            case "" -> {
                if (method.equals("DELETE")) {
                    runs.delete(r.id);
                    HttpIo.json(ex, 200, Map.of("deleted", r.id));
                } else {
                    only(method, "GET", "/runs/ID");
                    HttpIo.json(ex, 200, status(r));
                }
            }
            case "control" -> {
                only(method, "POST", "/runs/ID/control");
                HttpIo.requireType(ex, "application/json");
                Control c = STRICT.readValue(HttpIo.body(ex, runs.limits().jsonBytes()), Control.class);
                control(r, c);
                HttpIo.json(ex, 200, status(r));
            }
            case "events" -> {
                only(method, "GET", "/runs/ID/events");
                Events.stream(ex, r, runs.limits(), server);
            }
            case "partition" -> {
                only(method, "GET", "/runs/ID/partition");
                var box = Frames.box(query(ex, "box"));
                HttpIo.json(ex, 200, Frames.partition(r.latest(), box, runs.limits().regions()));
            }
            default -> {
                only(method, "GET", "/runs/ID/" + what);
                Exports.download(ex, r, what);
            }
        }
    }

    private static void control(Run r, Control c) {
        if (c == null || c.action() == null) {
            throw ApiException.badRequest("action: missing (play, pause, step, runSteps or reset)");
        }
        int steps = c.steps() == null ? 1 : c.steps();
        if (c.steps() != null && (steps < 1 || steps > r.options.iterations())) {
            throw ApiException.badRequest("steps: must lie in 1.." + r.options.iterations() + ", got " + steps);
        }
        switch (c.action()) {
            case "play" -> r.play();
            case "pause" -> r.pause();
            case "step" -> r.step(steps, false);
            case "runSteps" -> r.step(steps, true);
            case "reset" -> r.reset();
            default -> throw ApiException.badRequest("action: unknown '" + (c.action().length() > 40
                    ? c.action().substring(0, 40) + "…" : c.action()) + "' (play, pause, step, runSteps or reset)");
        }
    }

    static Map<String, Object> status(Run r) {
        Run.Snapshot s = r.latest();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.id);
        m.put("step", s.step());
        m.put("objective", Double.isFinite(s.objective()) ? s.objective() : null);
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("message", s.message());
        m.put("config", r.config);
        m.put("samples", r.data.size());
        m.put("classes", r.data.isClassification() ? r.data.classes() : null);
        m.put("architecture", r.init.architecture());
        m.put("parameters", r.init.parameterCount());
        m.put("learningRate", r.options.learningRate());
        m.put("command", Exports.command(r));
        return m;
    }

    private Map<String, Object> health() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", RunInfo.currentVersion());
        m.put("limits", runs.limits());
        m.put("datasets", Datasets.NAMES);
        m.put("servedData", runs.hasServedData());
        m.put("servedModel", runs.servedModel() == null ? null : runs.servedModel().architecture());
        m.put("activations", List.of(Activation.RELU.id(), "leaky-relu", Activation.IDENTITY.id(), Activation.TANH.id()));
        m.put("optimizers", List.of("adam", "sgd", "gd"));
        m.put("losses", List.of("softmax", "mse", "half-sse"));
        return m;
    }

    static void only(String method, String allowed, String path) {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw new ApiException(405, method + " is not allowed on /api" + path + " (use " + allowed + ")");
        }
    }

    /** The value of query parameter {@code name}, or null. */
    static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) {
                return URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
