package io.nngeom.cli.lowrank;

import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.lowrank.Tables;
import io.nngeom.run.InputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --embedding FILE} of the lowrank commands: the MMSE target e(y) as a d × n_y matrix. */
final class EmbeddingOption {

    @Option(names = "--embedding", paramLabel = "FILE",
            description = "With --loss mse: embedding e(y) as a d x n_y matrix (CSV or NPY), column y = e(y) (default: one-hot).")
    Path file;

    /** The --embedding matrix (d × n_y), checked against the loss and the law; null for one-hot. */
    Matrix read(LossKind kind, JointDistribution d) {
        if (file == null) {
            return null;
        }
        if (kind != LossKind.MSE) {
            throw new InputException("--embedding: only with --loss mse");
        }
        Matrix e = Tables.readMatrix(file);
        if (e.cols() != d.ny()) {
            throw new InputException("--embedding: " + file + " has " + e.cols() + " columns, the law has "
                    + d.ny() + " y symbols (after dropping zero-probability ones)");
        }
        if (!e.allFinite()) {
            throw new InputException("--embedding: " + file + " has non-finite entries");
        }
        return e;
    }
}
