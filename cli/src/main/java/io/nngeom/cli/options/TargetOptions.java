package io.nngeom.cli.options;

import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.run.InputException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --target NAME} and {@code --classes}: which column of a data file is the target, and whether it holds labels. */
public final class TargetOptions {

    @Option(names = "--target", paramLabel = "NAME", description = "Target: CSV column name, NPY column index or NPZ array name (default: the last column, or y).")
    String target;

    @Option(names = "--classes", description = "The target holds integer class labels 0..K-1.")
    boolean classes;

    @Option(names = "--x", paramLabel = "NAME", description = "NPZ only: the array holding the inputs (default: x or X).")
    String x;

    @Option(names = "--y", paramLabel = "NAME", description = "NPZ only: the array holding the targets (as --target; default: y, Y or labels).")
    String y;

    /** The --target name (or --y), or null for the file's default. */
    public String target() {
        if (y != null && target != null && !y.equals(target)) {
            throw new InputException("--y: names the target array like --target; give one of them, not both");
        }
        return y != null ? y : target;
    }

    /** The --x name, or null. */
    public String x() {
        return x;
    }

    public boolean classes() {
        return classes;
    }

    /** Reads {@code file} (the command's {@code --data}) with this target and classes setting. */
    public Dataset read(Path file) {
        if (y != null && !file.toString().toLowerCase(Locale.ROOT).endsWith(".npz")) {
            throw InputException.of(file, "a target array name (--y " + y + ") applies only to .npz files; use --target");
        }
        return DataIo.read(file, target(), x, classes);
    }
}
