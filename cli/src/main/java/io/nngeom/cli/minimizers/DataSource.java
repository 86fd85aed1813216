package io.nngeom.cli.minimizers;

import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.run.InputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the clustered data come from (a picocli mixin): a file with Q input columns and an integer class column
 * ({@code --data FILE --classes}, classes 0..Q−1), or the built-in generator ({@code --generate Q,N,DELTA,SEED}).
 */
public final class DataSource {

    @Option(names = "--data", paramLabel = "FILE",
            description = "Data file (CSV, NPY, NPZ): Q input columns and an integer class column (0..Q-1; the last column unless --target).")
    Path data;

    @Option(names = "--classes",
            description = "The target column holds class labels (implied: these commands always read classes).")
    boolean classes;

    @Option(names = "--target", paramLabel = "NAME", description = "Name of the class column (default: the last column).")
    String target;

    @Option(names = "--generate", paramLabel = "Q,N,DELTA,SEED",
            description = "Generate clustered data instead: Q classes in R^Q, N examples in total, noise radius DELTA, seed SEED "
                    + "(means 5·R e_j + t, noise uniform in a ball, re-centred).")
    String generate;

    @Option(names = "--save-data", paramLabel = "FILE",
            description = "Also write the data set used (for example the generated one) to FILE (.csv, .npy, .npz).")
    Path saveData;

    /** The data set (classification), or an InputException naming the option; written to --save-data if given. */
    public Dataset load() {
        Dataset d = read();
        if (saveData != null) {
            DataIo.write(saveData, d);
        }
        return d;
    }

    private Dataset read() {
        if (data != null && generate != null) {
            throw new InputException("--data and --generate: give only one of them");
        }
        if (data == null && generate == null) {
            throw new InputException("--data: missing (or use --generate Q,N,DELTA,SEED)");
        }
        if (data != null) {
            return DataIo.read(data, target, true);
        }
        String[] parts = generate.split(",");
        if (parts.length != 4) {
            throw new InputException("--generate: expected Q,N,DELTA,SEED, got '" + generate + "'");
        }
        try {
            int q = Integer.parseInt(parts[0].trim());
            int n = Integer.parseInt(parts[1].trim());
            double delta = Double.parseDouble(parts[2].trim());
            long seed = Long.parseLong(parts[3].trim());
            return ClusteredData.generate(q, n, delta, seed);
        } catch (NumberFormatException e) {
            throw new InputException("--generate: expected whole numbers Q, N, SEED and a number DELTA, got '" + generate + "'");
        }
    }

    /** A short description for the summary line. */
    public String describe() {
        return data != null ? data.toString() : "generated " + generate;
    }
}
