package io.nngeom.serve;

import com.sun.net.httpserver.HttpExchange;
import io.nngeom.data.Dataset;
import io.nngeom.io.Csv;
import io.nngeom.io.ModelIo;
import io.nngeom.run.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Downloads (the model as nngeom JSON or safetensors, the data as CSV, the data points for drawing, the
 * equivalent {@code nngeom train} command) and CSV upload. Files are written by the same writers as the CLI's,
 * into a private temporary directory that is removed at once; no path ever comes from a request.
 */
final class Exports {
    private Exports() {
    }

    static void download(HttpExchange ex, Run r, String what) throws IOException {
        Run.Snapshot s = r.latest();
        switch (what) {
            case "model.json", "model.safetensors" -> {
                byte[] b = viaFile(what, f -> ModelIo.write(s.model(), f));
                attachment(ex, what);
                HttpIo.send(ex, 200, what.endsWith(".json") ? "application/json" : "application/octet-stream", b);
            }
            case "data.csv" -> {
                byte[] b = viaFile(what, f -> Csv.writeDataset(f, r.data));
                attachment(ex, what);
                HttpIo.send(ex, 200, "text/csv; charset=utf-8", b);
            }
            case "points" -> HttpIo.json(ex, 200, points(r.data));
            case "command" -> HttpIo.text(ex, 200, "text/plain; charset=utf-8", command(r) + "\n");
            default -> throw ApiException.notFound("no download '" + (what.length() > 40 ? what.substring(0, 40) + "…" : what)
                    + "' (model.json, model.safetensors, data.csv, points, command)");
        }
    }

    private static void attachment(HttpExchange ex, String name) {
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }

    private static byte[] viaFile(String name, Writer w) throws IOException {
        Path dir = Files.createTempDirectory("nngeom-serve");
        Path f = dir.resolve(name);
        try {
            w.write(f);
            return Files.readAllBytes(f);
        } finally {
            Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        }
    }

    /** The {@code nngeom train} command that gives the weights of the run's current step, bit for bit. */
    static String command(Run r) {
        RunConfig c = r.config;
        StringBuilder b = new StringBuilder("nngeom train --data data.csv");
        if (r.data.isClassification()) {
            b.append(" --classes");
        }
        b.append(" --arch ").append(c.arch()).append(" --activation ").append(c.activation());
        b.append(" --loss ").append(r.objective.loss().id());
        b.append(" --optimizer ").append(c.optimizer());
        if (c.lr() != null) {
            b.append(" --lr ").append(c.lr());
        }
        if (c.batch() != null) {
            b.append(" --batch ").append(c.batch());
        }
        if (!c.penalty().equals("none")) {
            b.append(" --penalty ").append(c.penalty());
        }
        if (c.init().equals("model")) {
            b.append(" --init MODEL");
        }
        b.append(" --iters ").append(Math.max(1, r.latest().step())).append(" --seed ").append(c.seed());
        return b.append(" --out model.safetensors").toString();
    }

    private static Map<String, Object> points(Dataset d) {
        double[] xy = new double[2 * d.size()];
        double[] target = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            xy[2 * i] = d.x().get(i, 0);
            xy[2 * i + 1] = d.x().get(i, 1);
            target[i] = d.isClassification() ? d.labels()[i] : d.y().get(i, 0);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("xy", xy);
        m.put("target", target);
        m.put("classes", d.isClassification() ? d.classes() : null);
        return m;
    }

    /** {@code POST /api/datasets?classes=true|false}: a CSV (text/csv) read by the CLI's reader. */
    static void upload(HttpExchange ex, Runs runs) throws IOException {
        HttpIo.requireType(ex, "text/csv");
        Limits limits = runs.limits();
        String classesText = Api.query(ex, "classes");
        boolean classes = classesText == null || classesText.equals("true");
        if (classesText != null && !classesText.equals("true") && !classesText.equals("false")) {
            throw ApiException.badRequest("classes: must be true or false");
        }
        byte[] body = HttpIo.body(ex, limits.csvBytes());
        long rows = 0;
        for (byte c : body) {
            if (c == '\n') {
                rows++;
            }
        }
        if (rows > limits.csvRows() + 1L) {
            throw new ApiException(413, "upload.csv: " + (rows - 1) + " rows, over the limit of " + limits.csvRows());
        }
        Dataset d;
        Path dir = Files.createTempDirectory("nngeom-upload");
        Path f = dir.resolve("upload.csv");
        try {
            Files.write(f, body);
            d = Csv.readDataset(f, null, classes);
        } catch (InputException e) {
            throw ApiException.badRequest(e.getMessage().replace(f.toString(), "upload.csv"));
        } finally {
            Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        }
        if (d.inputDim() != 2) {
            throw ApiException.badRequest("upload.csv: the explorer draws 2-D inputs; this file has " + d.inputDim()
                    + " input columns (and the target last)");
        }
        if (d.size() > limits.csvRows()) {
            throw new ApiException(413, "upload.csv: " + d.size() + " rows, over the limit of " + limits.csvRows());
        }
        String id = runs.upload(d);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", "upload:" + id);
        m.put("rows", d.size());
        m.put("classes", d.isClassification() ? d.classes() : null);
        HttpIo.json(ex, 201, m);
    }
}
