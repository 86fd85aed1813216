package io.nngeom.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nngeom.data.Dataset;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The explorer's HTTP server ({@code nngeom serve}): the JDK's {@link HttpServer} bound to the loopback address
 * only. Every request passes the same guard before any work: its Host header must name this server on loopback
 * (421 otherwise, the DNS-rebinding defence), a request that changes anything must carry this server's Origin
 * (403), bodies are capped ({@link Limits}; 413), and every refusal is one line of JSON {@code {"error": …}} with
 * a 4xx status. No file-system path is ever taken from a request: the page and its assets come from a fixed map
 * of names to the jar's resources. The API is in {@link Api}.
 */
public final class ExplorerServer implements AutoCloseable {
    private static final Map<String, String> ASSETS = Map.of("/", "index.html", "/index.html", "index.html",
            "/app.js", "app.js", "/style.css", "style.css", "/favicon.svg", "favicon.svg", "/favicon.ico", "favicon.svg");

    static {
        // No jdk.httpserver.maxConnections: JDK 17's server does not take a connection that the client dropped
        // in the middle of an answer (a closed tab's event stream) off its count, so with a cap of 256 it refused
        // every new connection after about 200 closed streams (LoadTest, docs/reliability.md). Work is bounded by
        // the stream cap and the thread pool instead.
        // idle keep-alive connections are closed after 10 s (the JDK's default is 30 s), so that clients that abandon
        // connections cannot hold the connection cap for long
        System.setProperty("sun.net.httpserver.idleInterval", System.getProperty("sun.net.httpserver.idleInterval", "10"));
        System.setProperty("sun.net.httpserver.maxReqHeaders", System.getProperty("sun.net.httpserver.maxReqHeaders", "64"));
        System.setProperty("sun.net.httpserver.maxReqHeaderSize",
                System.getProperty("sun.net.httpserver.maxReqHeaderSize", "16384"));
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final ScheduledExecutorService janitor;
    private final Runs runs;
    private final Api api;
    private final Set<String> hosts;
    private final Map<String, byte[]> assets = new HashMap<>();
    private final PrintWriter log;
    private final Semaphore streams;

    private ExplorerServer(HttpServer server, Runs runs, PrintWriter log) {
        this.server = server;
        this.runs = runs;
        this.log = log;
        int port = server.getAddress().getPort();
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        this.api = new Api(runs, this);
        this.streams = new Semaphore(runs.limits().streams());
        this.pool = Executors.newFixedThreadPool(runs.limits().streams() + 16, daemon("nngeom-http"));
        this.janitor = Executors.newSingleThreadScheduledExecutor(daemon("nngeom-janitor"));
        janitor.scheduleWithFixedDelay(runs::sweep, 10, 10, TimeUnit.SECONDS);
        for (String name : Set.copyOf(ASSETS.values())) {
            try (InputStream in = ExplorerServer.class.getResourceAsStream("/web/" + name)) {
                if (in != null) {
                    assets.put(name, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled asset " + name, e);
            }
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Starts a server on 127.0.0.1:{@code port} (0: any free port).
     *
     * @param data the data set of {@code --data} (or null), offered to runs as {@code data=file}
     * @param model the model of {@code --model} (or null), offered as {@code init=model}
     * @param log where internal errors are reported (one line each)
     */
    public static ExplorerServer start(int port, Limits limits, Dataset data, Mlp model, PrintWriter log) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExplorerServer e = new ExplorerServer(s, new Runs(limits, data, model), log);
        s.start();
        return e;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address it listens on (always loopback). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The page's address. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** Runs alive now. */
    public int runCount() {
        return runs.count();
    }

    Semaphore streams() {
        return streams;
    }

    boolean stopping() {
        return pool.isShutdown();
    }

    @Override
    public void close() {
        janitor.shutdownNow();
        runs.closeAll();
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            try {
                guard(ex);
                String path = ex.getRequestURI().getRawPath();
                if (path.startsWith("/api/")) {
                    api.handle(ex, path.substring(4));
                } else {
                    asset(ex, path);
                }
            } catch (ApiException e) {
                HttpIo.error(ex, e.status(), e.getMessage());
            } catch (JsonProcessingException e) {
                HttpIo.error(ex, 400, "malformed JSON: " + firstLine(e.getOriginalMessage()));
            } catch (InputException e) {
                HttpIo.error(ex, 400, e.getMessage());
            } catch (IOException e) {
                // the client went away; nothing to answer
            } catch (RuntimeException e) {
                log.println("nngeom serve: internal error on " + ex.getRequestMethod() + " "
                        + ex.getRequestURI().getRawPath() + ": " + e);
                log.flush();
                HttpIo.error(ex, 500, "internal error: " + e.getClass().getSimpleName());
            }
        } catch (IOException | RuntimeException e) {
            // the answer could not be sent: the client is gone
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private void guard(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ApiException(421, "this server answers only to 127.0.0.1:" + port() + " or localhost:" + port());
        }
        String m = ex.getRequestMethod();
        if (!m.equals("GET") && !m.equals("HEAD")) {
            String origin = ex.getRequestHeaders().getFirst("Origin");
            if (origin == null || !origin.startsWith("http://") || !hosts.contains(origin.substring(7).toLowerCase(Locale.ROOT))) {
                throw new ApiException(403, "a " + m + " must come from this server's own page (Origin "
                        + (origin == null ? "missing" : "'" + (origin.length() > 60 ? origin.substring(0, 60) : origin) + "'") + ")");
            }
        }
    }

    private void asset(HttpExchange ex, String path) throws IOException {
        if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
            throw new ApiException(405, ex.getRequestMethod() + " is not allowed on " + path);
        }
        String name = ASSETS.get(path);
        if (name == null) {
            throw ApiException.notFound("no page '" + (path.length() > 60 ? path.substring(0, 60) + "…" : path) + "'");
        }
        byte[] body = assets.get(name);
        if (body == null) {
            if (!name.equals("index.html")) {
                throw ApiException.notFound("the explorer's assets were not built (build without -Dnngeom.web.skip)");
            }
            body = ("<!doctype html><title>nngeom explorer</title><p>The explorer's page was not built into this jar "
                    + "(it was built with -Dnngeom.web.skip, or without Node.js). The API under /api/ works.")
                    .getBytes(StandardCharsets.UTF_8);
        }
        String type = name.endsWith(".js") ? "text/javascript; charset=utf-8" : name.endsWith(".css") ? "text/css; charset=utf-8"
                : name.endsWith(".svg") ? "image/svg+xml" : "text/html; charset=utf-8";
        HttpIo.send(ex, 200, type, body);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
