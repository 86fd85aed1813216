package io.nngeom.lowrank;

import io.nngeom.io.Npy;
import io.nngeom.io.NpyArray;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Readers for the two inputs of {@code lowrank analyze}:
 * <ul>
 * <li>a joint table (CSV, or NPY holding a 2-D float array): n_y rows × n_x columns of probabilities or counts, {@code P[y][x]}; an optional header
 * row names the x symbols, an optional first column names the y symbols (detected as non-numeric cells);</li>
 * <li>paired categorical samples (CSV with a header): two named columns x and y whose values are symbols; the
 * plug-in law P̂ = counts/n is formed, symbols ordered by first appearance.</li>
 * </ul>
 */
public final class Tables {
    private Tables() {
    }

    /** Reads a joint table from CSV; zero rows/columns are dropped with a warning (see {@link JointDistribution}). */
    public static JointDistribution readJoint(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            if (!Files.isRegularFile(file)) {
                throw new InputException(file + ": no such file");
            }
            NpyArray a = Npy.read(file);
            if (a.rank() != 2) {
                throw new InputException(file + ": joint table must be a 2-D array (n_y x n_x), got shape " + a.shapeString());
            }
            Matrix t = a.toMatrix();
            return JointDistribution.ofTable(t, JointDistribution.names("x", t.cols()), JointDistribution.names("y", t.rows()), file.toString());
        }
        return joint(readCsv(file), file.toString());
    }

    /**
     * Reads a numeric matrix (CSV with optional header row and optional first column of names, or a 2-D NPY), for
     * example an embedding e(y) as a d × n_y matrix whose column y is e(y). Entries may have any sign.
     */
    public static Matrix readMatrix(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            if (!Files.isRegularFile(file)) {
                throw new InputException(file + ": no such file");
            }
            NpyArray a = Npy.read(file);
            if (a.rank() != 2) {
                throw new InputException(file + ": expected a 2-D array, got shape " + a.shapeString());
            }
            return a.toMatrix();
        }
        return numeric(readCsv(file), file.toString()).matrix();
    }

    private record Numeric(Matrix matrix, List<String> colNames, List<String> rowNames) {
    }

    private static JointDistribution joint(List<List<String>> rows, String file) {
        Numeric n = numeric(rows, file);
        return JointDistribution.ofTable(n.matrix(), n.colNames(), n.rowNames(), file);
    }

    private static Numeric numeric(List<List<String>> rows, String file) {
        if (rows.isEmpty()) {
            throw new InputException(file + ": empty table");
        }
        boolean header = rows.get(0).stream().anyMatch(c -> !isNumber(c));
        int first = header ? 1 : 0;
        if (rows.size() - first < 1) {
            throw new InputException(file + ": no rows of numbers");
        }
        boolean rowNames = false;
        for (int i = first; i < rows.size(); i++) {
            if (!rows.get(i).isEmpty() && !isNumber(rows.get(i).get(0))) {
                rowNames = true;
            }
        }
        int c0 = rowNames ? 1 : 0;
        int width = rows.get(first).size() - c0;
        if (width < 1) {
            throw new InputException(file + ": no columns of numbers");
        }
        int ny = rows.size() - first;
        Matrix t = Matrix.zeros(ny, width);
        List<String> yNames = new ArrayList<>();
        for (int i = 0; i < ny; i++) {
            List<String> r = rows.get(first + i);
            if (r.size() - c0 != width) {
                throw new InputException(file + ": line " + (first + i + 1) + " has " + (r.size() - c0)
                        + " numbers, expected " + width);
            }
            yNames.add(rowNames ? r.get(0).trim() : "y" + i);
            for (int j = 0; j < width; j++) {
                String cell = r.get(c0 + j).trim();
                if (!isNumber(cell)) {
                    throw new InputException(file + ": line " + (first + i + 1) + ", column " + (c0 + j + 1)
                            + ": '" + cell + "' is not a number");
                }
                t.set(i, j, Double.parseDouble(cell));
            }
        }
        List<String> xNames = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            if (header) {
                List<String> h = rows.get(0);
                int idx = h.size() == width ? j : c0 + j;
                xNames.add(idx < h.size() ? h.get(idx).trim() : "x" + j);
            } else {
                xNames.add("x" + j);
            }
        }
        return new Numeric(t, xNames, yNames);
    }

    /**
     * Reads paired categorical samples: columns xCol and yCol of a CSV with a header; the empirical law with
     * symbols in order of first appearance.
     */
    public static JointDistribution readSamples(Path file, String xCol, String yCol) {
        List<List<String>> rows = readCsv(file);
        if (rows.size() < 2) {
            throw new InputException(file + ": needs a header and at least one data row");
        }
        List<String> h = rows.get(0).stream().map(String::trim).toList();
        int xi = h.indexOf(xCol);
        int yi = h.indexOf(yCol);
        if (xi < 0) {
            throw new InputException("--x: column '" + xCol + "' not in " + file + " (columns: " + String.join(",", h) + ")");
        }
        if (yi < 0) {
            throw new InputException("--y: column '" + yCol + "' not in " + file + " (columns: " + String.join(",", h) + ")");
        }
        Map<String, Integer> xs = new LinkedHashMap<>();
        Map<String, Integer> ys = new LinkedHashMap<>();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() <= Math.max(xi, yi)) {
                throw new InputException(file + ": line " + (i + 1) + " has " + r.size() + " cells, expected " + h.size());
            }
            String xv = r.get(xi).trim();
            String yv = r.get(yi).trim();
            if (xv.isEmpty() || yv.isEmpty()) {
                throw new InputException(file + ": line " + (i + 1) + ": empty x or y value");
            }
            pairs.add(new int[]{xs.computeIfAbsent(xv, k -> xs.size()), ys.computeIfAbsent(yv, k -> ys.size())});
        }
        Matrix counts = Matrix.zeros(ys.size(), xs.size());
        for (int[] p : pairs) {
            counts.set(p[1], p[0], counts.get(p[1], p[0]) + 1);
        }
        return JointDistribution.ofTable(counts, new ArrayList<>(xs.keySet()), new ArrayList<>(ys.keySet()), file.toString());
    }

    /** The shipped hair × eye colour table of 592 students (Snee 1974; classpath resource). */
    public static JointDistribution hairEye() {
        return resource("/io/nngeom/lowrank/data/hair_eye.csv");
    }

    /** Reads a joint table shipped as a classpath resource (CSV, same format as {@link #readJoint}). */
    public static JointDistribution resource(String name) {
        try (var in = Tables.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return joint(parse(r, name), name);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    private static List<List<String>> readCsv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static List<List<String>> parse(Reader r, String source) {
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setCommentMarker('#').get().parse(r)) {
                List<String> cells = new ArrayList<>();
                rec.forEach(cells::add);
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                rows.add(cells);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InputException(source + ": cannot read CSV (" + e.getMessage() + ")");
        }
        return rows;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
