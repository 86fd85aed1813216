package io.nngeom.io;

import com.fasterxml.jackson.core.io.NumberOutput;
import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Numeric CSV files (RFC 4180, comma-separated, UTF-8, optional byte-order mark; commons-csv).
 *
 * <p>The first row must be a header of column names; every other non-empty row holds one number per column
 * (decimal notation, optionally with an exponent; surrounding spaces are ignored). A missing or non-numeric
 * cell, a row with the wrong number of cells, NaN or an infinity, or a file without data rows is an error that
 * names the file, the line and the column.
 *
 * <p>As a data set ({@link #readDataset}): the target is the last column unless a target column is named;
 * for regression several target columns may be named, separated by commas ({@code y0,y1}) — a name that exists
 * as written (even with a comma in it) takes precedence. All other columns are inputs, in file order. With
 * {@code classes} the (single) target column holds class labels: whole numbers 0, 1, 2, ...; the number of
 * classes is the largest label + 1 and Y is the one-hot encoding.
 */
public final class Csv {
    /** Largest number of classes a label column may imply (labels 0 .. MAX_CLASSES−1). */
    public static final int MAX_CLASSES = 1 << 16;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    // empty lines are skipped by the reader itself, so that every record's position is its own line's
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false).get();

    /** A numeric table: column names and an n×(columns) matrix of values. */
    public record Table(List<String> header, Matrix values) {
        public Table {
            header = List.copyOf(header);
            if (header.size() != values.cols()) {
                throw new IllegalArgumentException(header.size() + " column names for " + values.cols() + " columns");
            }
        }

        /** Index of a column, or −1. */
        public int column(String name) {
            return header.indexOf(name);
        }
    }

    private Csv() {
    }

    /** Reads a numeric CSV file with a header row, streaming: memory is the values (8 bytes each) and a copy. */
    public static Table read(Path file) {
        Files2.checkReadable(file);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        } catch (CharacterCodingException e) {
            throw InputException.of(file, "not a UTF-8 text file");
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + Files2.reason(e));
        }
    }

    /** Parses CSV text from a reader (the caller closes it); {@code source} names it in messages. */
    static Table parse(Reader in, String source) throws IOException {
        PushbackReader r = new PushbackReader(in, 1);
        int first = r.read();
        if (first >= 0 && first != '\uFEFF') {
            r.unread(first);
        }
        List<String> header = null;
        boolean indexColumn = false;
        double[] values = new double[1024];
        int n = 0;
        int rows = 0;
        LineStarts lines = new LineStarts(r);
        try (CSVParser parser = CSVParser.parse(lines, FORMAT)) {
            for (CSVRecord rec : parser) {
                if (rec.size() == 1 && rec.get(0).isEmpty()) {
                    continue; // an empty line, or one of spaces
                }
                int line = lines.lineOf(rec.getCharacterPosition());
                if (header == null) {
                    indexColumn = rec.size() > 1 && rec.get(0).isEmpty();
                    header = header(rec, source, line, indexColumn);
                    continue;
                }
                int skip = indexColumn ? 1 : 0;
                if (rec.size() != header.size() + skip) {
                    throw InputException.of(source, "line " + line + " has " + rec.size() + (rec.size() == 1 ? " field" : " fields")
                            + ", the header has " + (header.size() + skip));
                }
                if (n + header.size() > values.length) {
                    long grown = Math.max((long) n + header.size(), values.length + (long) values.length / 2);
                    if (grown > Integer.MAX_VALUE - 8) {
                        throw InputException.of(source, "more than " + (Integer.MAX_VALUE - 8) + " numbers; too large for one table");
                    }
                    Memory.require(source, Memory.bytes(grown, 8, 2), "reading " + rows + "+ rows of " + header.size() + " columns");
                    values = Arrays.copyOf(values, (int) grown);
                }
                for (int j = 0; j < header.size(); j++) {
                    values[n++] = number(rec.get(j + skip), source, line, header.get(j));
                }
                rows++;
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException cce) {
                throw cce;
            }
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw InputException.of(source, "malformed CSV: " + m.replace('\n', ' '));
        } catch (CharacterCodingException e) {
            throw e;
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw InputException.of(source, "malformed CSV: " + m.replace('\n', ' '));
        }
        if (header == null) {
            throw InputException.of(source, "empty file, expected CSV with a header row");
        }
        if (rows == 0) {
            throw InputException.of(source, "no data rows after the header");
        }
        return new Table(header, new Matrix(rows, header.size(), n == values.length ? values : Arrays.copyOf(values, n)));
    }

    /**
     * Reads a CSV file as a data set.
     *
     * @param target the target column's name, a comma-separated list of names (regression only), or null for the
     *               last column
     * @param classes whether the target holds integer class labels
     */
    public static Dataset readDataset(Path file, String target, boolean classes) {
        return toDataset(read(file), file.toString(), target, classes);
    }

    /** Splits a table into inputs and targets (see {@link #readDataset}). */
    public static Dataset toDataset(Table t, String source, String target, boolean classes) {
        List<String> h = t.header();
        int[] targets;
        if (target == null || target.isBlank()) {
            targets = new int[] {h.size() - 1};
        } else if (h.contains(target)) {
            targets = new int[] {h.indexOf(target)};
        } else {
            String[] names = target.split(",");
            targets = new int[names.length];
            for (int k = 0; k < names.length; k++) {
                String n = names[k].trim();
                targets[k] = h.indexOf(n);
                if (targets[k] < 0) {
                    throw InputException.of(source, "no column named '" + n + "' (columns: " + list(h) + ")");
                }
                for (int q = 0; q < k; q++) {
                    if (targets[q] == targets[k]) {
                        throw InputException.of(source, "target column '" + n + "' named twice");
                    }
                }
            }
        }
        if (targets.length >= h.size()) {
            throw InputException.of(source, "no input columns: every column is a target");
        }
        if (classes && targets.length != 1) {
            throw InputException.of(source, "class labels must be one column, got " + targets.length + " target columns");
        }
        boolean[] isTarget = new boolean[h.size()];
        for (int j : targets) {
            isTarget[j] = true;
        }
        int[] inputs = new int[h.size() - targets.length];
        for (int j = 0, k = 0; j < h.size(); j++) {
            if (!isTarget[j]) {
                inputs[k++] = j;
            }
        }
        Matrix x = t.values().selectCols(inputs);
        if (!classes) {
            return Dataset.regression(x, t.values().selectCols(targets));
        }
        double[] col = t.values().colArray(targets[0]);
        return DataIo.classification(x, col, source, "column '" + h.get(targets[0]) + "'");
    }

    /** Writes a numeric table with a header row (shortest round-trip decimals), atomically. */
    public static void write(Path file, List<String> header, Matrix values) {
        if (header.size() != values.cols()) {
            throw new IllegalArgumentException(header.size() + " column names for " + values.cols() + " columns");
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header.stream().map(Csv::quote).toList());
        for (int i = 0; i < values.rows(); i++) {
            List<String> cells = new ArrayList<>(values.cols());
            for (int j = 0; j < values.cols(); j++) {
                cells.add(format(values.get(i, j)));
            }
            appendRow(sb, cells);
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * Writes a data set: columns {@code x0 .. x(d−1)} then the targets — {@code label} (whole numbers) for
     * classification, {@code y} for one regression target, {@code y0 .. y(c−1)} for several.
     */
    public static void writeDataset(Path file, Dataset data) {
        int d = data.inputDim();
        List<String> header = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            header.add("x" + j);
        }
        Matrix t;
        if (data.isClassification()) {
            header.add("label");
            double[] lab = new double[data.size()];
            for (int i = 0; i < lab.length; i++) {
                lab[i] = data.labels()[i];
            }
            t = Matrix.column(lab);
        } else {
            t = data.y();
            if (t.cols() == 1) {
                header.add("y");
            } else {
                for (int j = 0; j < t.cols(); j++) {
                    header.add("y" + j);
                }
            }
        }
        int c = t.cols();
        double[] all = new double[data.size() * (d + c)];
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < d; j++) {
                all[i * (d + c) + j] = data.x().get(i, j);
            }
            for (int j = 0; j < c; j++) {
                all[i * (d + c) + d + j] = t.get(i, j);
            }
        }
        write(file, header, new Matrix(data.size(), d + c, all));
    }

    /** Shortest decimal that reads back to {@code v}; whole numbers below 2^53 without a fraction. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 9007199254740992.0 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return NumberOutput.toString(v, true);
    }

    private static void appendRow(StringBuilder sb, List<String> cells) {
        for (int j = 0; j < cells.size(); j++) {
            sb.append(j == 0 ? "" : ",").append(cells.get(j));
        }
        sb.append('\n');
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.equals(s.trim())) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The column names; with {@code indexColumn} the first (unnamed: pandas's index) is left out. */
    private static List<String> header(CSVRecord r, String source, int line, boolean indexColumn) {
        List<String> h = new ArrayList<>(r.size());
        Map<String, Integer> seen = new HashMap<>();
        boolean allNumbers = true;
        for (int j = indexColumn ? 1 : 0; j < r.size(); j++) {
            String name = r.get(j);
            if (name.isEmpty()) {
                throw InputException.of(source, "line " + line + ": header column " + (j + 1) + " has no name");
            }
            Integer prev = seen.put(name, j);
            if (prev != null) {
                throw InputException.of(source, "line " + line + ": header names column '" + name + "' twice");
            }
            allNumbers &= NUMBER.matcher(name).matches();
            h.add(name);
        }
        if (allNumbers) {
            throw InputException.of(source, "line " + line + ": the first row must be a header of column names, found numbers");
        }
        return h;
    }

    private static double number(String cell, String source, int line, String column) {
        String where = "line " + line + ", column '" + column + "': ";
        if (cell.isEmpty()) {
            throw InputException.of(source, where + "empty cell");
        }
        if (NON_FINITE.matcher(cell).matches()) {
            throw InputException.of(source, where + cell + " is not allowed (data must be finite)");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw InputException.of(source, where + "'" + shorten(cell) + "' is not a number");
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw InputException.of(source, where + cell + " is too large for a float64");
        }
        return v;
    }

    private static String shorten(String s) {
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }

    private static String list(List<String> names) {
        if (names.size() <= 12) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 12)) + ", ... (" + names.size() + " in all)";
    }
}
