package io.nngeom.io;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Data sets from files, by extension:
 * <ul>
 *   <li>{@code .csv} — header row, then numbers ({@link Csv}); the target is the last column unless named;</li>
 *   <li>{@code .npy} — one 2-D array, examples are rows; the target is the last column, or the column whose
 *       0-based index (negative: from the end) is given as the target;</li>
 *   <li>{@code .npz} — inputs in the array {@code x} (or {@code X}), targets in {@code y} (or {@code Y}, or
 *       {@code labels}), or in the array named as the target; a 1-D {@code x} is one input column, a 1-D
 *       {@code y} one target column; other arrays are ignored. An archive with a single array and no {@code x}
 *       is read like a {@code .npy} file.</li>
 * </ul>
 * With {@code classes} the target must be one column of whole numbers ≥ 0 (class labels); the data set has
 * largest label + 1 classes and one-hot targets. Any malformed input, NaN or infinity ends in one
 * {@link InputException} line naming the file.
 */
public final class DataIo {
    /** The file extensions {@link #read} accepts. */
    public static final List<String> EXTENSIONS = List.of(".csv", ".npy", ".npz");

    private DataIo() {
    }

    /**
     * Reads a data set.
     *
     * @param target the target column (CSV: name or comma-separated names; NPY: column index; NPZ: array name),
     *               or null for the default
     * @param classes whether the target holds class labels
     */
    public static Dataset read(Path file, String target, boolean classes) {
        return read(file, target, null, classes);
    }

    /**
     * Reads a data set whose {@code .npz} inputs array is named {@code xName} (the CLI's {@code --x}; null for
     * {@code x} / {@code X}); {@code xName} is an error for other file types.
     */
    public static Dataset read(Path file, String target, String xName, boolean classes) {
        if (RealData.isBuiltin(file)) {
            if (xName != null) {
                throw InputException.of(file, "an input array name (--x " + xName + ") applies only to .npz files");
            }
            return RealData.read(file, target, classes);
        }
        String ext = Files2.extension(file);
        if (xName != null && !ext.equals("npz")) {
            throw InputException.of(file, "an input array name (--x " + xName + ") applies only to .npz files");
        }
        switch (ext) {
            case "csv":
                return Csv.readDataset(file, target, classes);
            case "npy":
                return fromMatrixArray(Npy.read(file), file.toString(), target, classes);
            case "npz":
                return fromNpz(Npz.read(file), file.toString(), target, xName, classes);
            default:
                throw unknownType(file, ext);
        }
    }

    /**
     * The inputs of a data file for a command that needs no target (e.g. a domain from data): a file with
     * exactly {@code inputDim} columns is all inputs; one with {@code inputDim + 1} has a target column (CSV: the
     * last, or the one named {@code target}; NPY: the last), which is left out. NPZ: the inputs array.
     */
    public static Matrix readInputs(Path file, String target, String xName, int inputDim) {
        String ext = Files2.extension(file);
        if (xName != null && !ext.equals("npz")) {
            throw InputException.of(file, "an input array name (--x " + xName + ") applies only to .npz files");
        }
        Matrix all;
        switch (ext) {
            case "csv" -> all = Csv.read(file).values();
            case "npy" -> {
                NpyArray a = Npy.read(file);
                all = a.rank() == 1 ? Matrix.column(a.data()) : a.toMatrix();
            }
            case "npz" -> {
                Map<String, NpyArray> arrays = Npz.read(file);
                String x = xName != null ? named(arrays, file.toString(), xName) : pick(arrays, file.toString(), "inputs", "x", "X");
                if (x == null) {
                    throw InputException.of(file, "no input array 'x' or 'X' (arrays: " + String.join(", ", arrays.keySet()) + "); name it with --x");
                }
                all = arrays.get(x).toMatrix();
            }
            default -> throw unknownType(file, ext);
        }
        if (all.cols() == inputDim) {
            return all;
        }
        if (all.cols() == inputDim + 1 && !ext.equals("npz")) {
            return ext.equals("csv") && target != null
                    ? Csv.toDataset(Csv.read(file), file.toString(), target, false).x()
                    : all.selectCols(IntStream.range(0, inputDim).toArray());
        }
        throw InputException.of(file, all.cols() + " columns, but the model takes " + inputDim + " inputs (give "
                + inputDim + " input columns, optionally followed by one target column)");
    }

    private static String named(Map<String, NpyArray> arrays, String source, String name) {
        if (!arrays.containsKey(name)) {
            throw InputException.of(source, "no array named '" + name + "' (arrays: " + String.join(", ", arrays.keySet()) + ")");
        }
        return name;
    }

    /** Checks that a path has a data extension (for options, before any work is done). */
    public static void checkExtension(Path file) {
        if (RealData.isBuiltin(file)) {
            return;
        }
        String ext = Files2.extension(file);
        if (!EXTENSIONS.contains("." + ext)) {
            throw unknownType(file, ext);
        }
    }

    private static InputException unknownType(Path file, String ext) {
        return InputException.of(file, "unknown data file type" + (ext.isEmpty() ? "" : " '." + ext + "'")
                + " (expected " + String.join(", ", EXTENSIONS) + ")");
    }

    /**
     * Writes a data set, by extension: {@code .csv} ({@link Csv#writeDataset}), {@code .npy} (one 2-D array: the
     * inputs, then the targets — the label column for classification), {@code .npz} ({@code x}, and {@code y}:
     * the targets, or the labels as int64 for classification). Reading the file back with the same
     * {@code classes} flag (and, for several CSV regression targets, their names) gives the same data set.
     *
     * @throws IllegalArgumentException if the data set holds NaN or infinities (which no reader accepts)
     */
    public static void write(Path file, Dataset data) {
        if (!data.x().allFinite() || !data.y().allFinite()) {
            throw new IllegalArgumentException("data set has NaN or infinite values; " + file + " would not read back");
        }
        String ext = Files2.extension(file);
        switch (ext) {
            case "csv" -> Csv.writeDataset(file, data);
            case "npy" -> Npy.write(file, NpyArray.of(joined(data)));
            case "npz" -> {
                Map<String, NpyArray> m = new LinkedHashMap<>();
                m.put("x", NpyArray.of(data.x()));
                m.put("y", data.isClassification() ? NpyArray.ofInts(data.labels())
                        : data.targetDim() == 1 ? NpyArray.ofVector(data.y().data()) : NpyArray.of(data.y()));
                Npz.write(file, m);
            }
            default -> throw unknownType(file, ext);
        }
    }

    private static Matrix joined(Dataset data) {
        Matrix t = data.y();
        if (data.isClassification()) {
            double[] lab = new double[data.size()];
            for (int i = 0; i < lab.length; i++) {
                lab[i] = data.labels()[i];
            }
            t = Matrix.column(lab);
        }
        int d = data.inputDim();
        int c = t.cols();
        Matrix all = Matrix.zeros(data.size(), d + c);
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < d; j++) {
                all.set(i, j, data.x().get(i, j));
            }
            for (int j = 0; j < c; j++) {
                all.set(i, d + j, t.get(i, j));
            }
        }
        return all;
    }

    static Dataset fromMatrixArray(NpyArray a, String source, String target, boolean classes) {
        if (a.rank() != 2) {
            throw InputException.of(source, "expected a 2-D array (rows are examples, the target a column), got shape " + a.shapeString());
        }
        if (a.rows() == 0) {
            throw InputException.of(source, "the array has no rows");
        }
        if (a.cols() < 2) {
            throw InputException.of(source, "the array has " + a.cols() + " column; it needs input columns and a target column");
        }
        int col = a.cols() - 1;
        if (target != null && !target.isBlank()) {
            try {
                col = Integer.parseInt(target.trim());
            } catch (NumberFormatException e) {
                throw InputException.of(source, "target '" + target + "' must be a column index for a .npy file");
            }
            if (col < 0) {
                col += a.cols();
            }
            if (col < 0 || col >= a.cols()) {
                throw InputException.of(source, "target column " + target + " outside 0.." + (a.cols() - 1));
            }
        }
        Matrix m = a.toMatrix();
        int[] inputs = new int[a.cols() - 1];
        for (int j = 0, k = 0; j < a.cols(); j++) {
            if (j != col) {
                inputs[k++] = j;
            }
        }
        Matrix x = m.selectCols(inputs);
        if (classes) {
            return classification(x, m.colArray(col), source, "column " + col);
        }
        return Dataset.regression(x, m.selectCols(new int[] {col}));
    }

    static Dataset fromNpz(Map<String, NpyArray> arrays, String source, String target, String xGiven, boolean classes) {
        String xName = xGiven != null ? named(arrays, source, xGiven.trim()) : pick(arrays, source, "inputs", "x", "X");
        if (xName == null) {
            if (arrays.size() == 1) {
                Map.Entry<String, NpyArray> only = arrays.entrySet().iterator().next();
                return fromMatrixArray(only.getValue(), source + "[" + only.getKey() + "]", target, classes);
            }
            throw InputException.of(source, "no input array 'x' or 'X' (arrays: " + String.join(", ", arrays.keySet()) + ")");
        }
        String yName;
        if (target != null && !target.isBlank()) {
            yName = named(arrays, source, target.trim());
        } else {
            yName = pick(arrays, source, "targets", "y", "Y", "labels");
            if (yName == null) {
                throw InputException.of(source, "no target array 'y', 'Y' or 'labels' (arrays: " + String.join(", ", arrays.keySet()) + ")");
            }
        }
        if (yName.equals(xName)) {
            throw InputException.of(source, "the target array '" + yName + "' is also the input array");
        }
        NpyArray xa = arrays.get(xName);
        NpyArray ya = arrays.get(yName);
        if (xa.rows() != ya.rows()) {
            throw InputException.of(source, "'" + xName + "' has " + xa.rows() + " rows but '" + yName + "' has " + ya.rows());
        }
        if (xa.rows() == 0) {
            throw InputException.of(source, "'" + xName + "' has no rows");
        }
        if (xa.cols() == 0 || ya.cols() == 0) {
            throw InputException.of(source, "'" + (xa.cols() == 0 ? xName : yName) + "' has no columns");
        }
        Matrix x = xa.toMatrix();
        if (classes) {
            if (ya.cols() != 1) {
                throw InputException.of(source, "class labels '" + yName + "' must be 1-D, got shape " + ya.shapeString());
            }
            return classification(x, ya.data(), source, "array '" + yName + "'");
        }
        return Dataset.regression(x, ya.toMatrix());
    }

    /** The one of {@code names} present in the archive, null if none; two of them present is an error. */
    private static String pick(Map<String, NpyArray> arrays, String source, String role, String... names) {
        String found = null;
        for (String n : names) {
            if (arrays.containsKey(n)) {
                if (found != null) {
                    throw InputException.of(source, "ambiguous " + role + ": both '" + found + "' and '" + n + "' are present");
                }
                found = n;
            }
        }
        return found;
    }

    /** A classification data set from a column of labels that must be whole numbers in 0..{@link Csv#MAX_CLASSES}−1. */
    static Dataset classification(Matrix x, double[] col, String source, String where) {
        int[] labels = new int[col.length];
        int max = -1;
        for (int i = 0; i < col.length; i++) {
            double v = col[i];
            if (v != Math.rint(v) || v < 0) {
                throw InputException.of(source, where + ", data row " + (i + 1) + ": class label " + Csv.format(v)
                        + " is not a whole number >= 0");
            }
            if (v >= Csv.MAX_CLASSES) {
                throw InputException.of(source, where + ", data row " + (i + 1) + ": class label " + Csv.format(v)
                        + " is too large (labels must be 0.." + (Csv.MAX_CLASSES - 1) + ")");
            }
            labels[i] = (int) v;
            max = Math.max(max, labels[i]);
        }
        return Dataset.classification(x, labels, max + 1);
    }
}
