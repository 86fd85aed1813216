package io.nngeom.cli;

import io.nngeom.io.Json;
import io.nngeom.plot.Figure;
import io.nngeom.report.FigureWriter;
import io.nngeom.run.RunInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of one command: its fields in the order they were put, and its figures. {@link #finish()} writes
 * the {@code --json} file (atomically) with {@code command}, {@code version}, {@code seed} and {@code seconds}
 * first, then the fields; numbers are JSON numbers with full double precision (shortest representation that
 * reads back to the same double; NaN and infinities become the strings "NaN", "Infinity", "-Infinity"). Figures
 * go into the {@code --plot} directory as PNG and SVG.
 *
 * <p>Values may be numbers, strings, booleans, arrays, lists, maps and records of these.
 */
public final class CommandResult {
    private static final Set<String> RESERVED = Set.of("command", "version", "seed", "seconds");
    /** The {@code --json} name that means stdout. */
    public static final String STDOUT = "-";
    /** Where {@code --json -} goes: stdout of the running command line (set by {@link Main#run}). */
    private static final ThreadLocal<PrintWriter> JSON_OUT = new ThreadLocal<>();

    private final String command;
    private final CommonOptions common;
    private final long startNanos;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();

    private CommandResult(String command, CommonOptions common, long startNanos) {
        this.command = command;
        this.common = common;
        this.startNanos = startNanos;
    }

    /**
     * The result of a command; {@code command} is its name as typed, e.g. "train" or "convex fit". Its clock
     * started with the command ({@link CommonOptions#startNanos()}), so {@code seconds} covers the whole command.
     */
    public static CommandResult start(String command, CommonOptions common) {
        return new CommandResult(command, common, common.startNanos());
    }

    /** Adds (or replaces) a field; the first put fixes its position. A null value leaves the field out. */
    public CommandResult put(String key, Object value) {
        if (RESERVED.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is written by CommandResult itself");
        }
        if (value == null) {
            fields.remove(key);
            return this;
        }
        fields.put(key, value);
        return this;
    }

    /** Adds a figure for {@code --plot}. */
    public CommandResult figure(Figure f) {
        figures.add(f);
        return this;
    }

    public Object get(String key) {
        return fields.get(key);
    }

    public List<Figure> figures() {
        return Collections.unmodifiableList(figures);
    }

    /** Seconds since the command began. */
    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The whole JSON object: command, version, seed, seconds, then the fields in order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("version", RunInfo.currentVersion());
        m.put("seed", common.seed());
        m.put("seconds", seconds());
        m.putAll(fields);
        return m;
    }

    /** Writes the figures into {@code --plot} and the JSON into {@code --json}, each only when asked for. */
    public void finish() {
        if (common.plot() != null) {
            for (Figure f : figures) {
                FigureWriter.write(f, common.plot());
            }
        }
        if (common.json() != null) {
            if (isStdout(common.json())) {
                PrintWriter out = JSON_OUT.get();
                if (out == null) {
                    throw new IllegalStateException("--json -: no stdout set for this command line");
                }
                out.println(toJson(toMap()));
                out.flush();
            } else {
                writeJson(common.json(), toMap());
            }
        }
    }

    /** Whether a {@code --json} value means stdout. */
    public static boolean isStdout(Path json) {
        return json != null && json.toString().equals(STDOUT);
    }

    /** Sets (or with null clears) the writer that {@code --json -} writes to, for the current thread. */
    static void jsonStdout(PrintWriter out) {
        if (out == null) {
            JSON_OUT.remove();
        } else {
            JSON_OUT.set(out);
        }
    }

    /** JSON text of a value (pretty-printed, full double precision; {@link Json}). */
    public static String toJson(Object value) {
        return Json.toString(value);
    }

    /** Writes a value as JSON to a file atomically ({@link Json#write}). */
    public static void writeJson(Path file, Object value) {
        Json.write(file, value);
    }
}
