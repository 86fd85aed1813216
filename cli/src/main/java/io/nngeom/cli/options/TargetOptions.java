package io.nngeom.cli.options;

import io.nngeom.cli.CliInputs;
import io.nngeom.data.Dataset;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --target NAME} and {@code --classes}: which column of a data file is the target, and whether it holds labels. */
public final class TargetOptions {

    @Option(names = "--target", paramLabel = "NAME", description = "Target: CSV column name, NPY column index or NPZ array name (default: the last column, or y).")
    String target;

    @Option(names = "--classes", description = "The target holds integer class labels 0..K-1.")
    boolean classes;

    /** The --target name, or null for the file's default. */
    public String target() {
        return target;
    }

    public boolean classes() {
        return classes;
    }

    /** Reads {@code file} (the command's {@code --data}) with this target and classes setting. */
    public Dataset read(Path file) {
        return CliInputs.data(file, target, classes);
    }
}
