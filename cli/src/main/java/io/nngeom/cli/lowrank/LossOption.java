package io.nngeom.cli.lowrank;

import io.nngeom.lowrank.PopulationObjective.LossKind;
import picocli.CommandLine.Option;

/** {@code --loss softmax|mse} of the lowrank commands that train (train, sweep). */
final class LossOption {

    @Option(names = "--loss", paramLabel = "softmax|mse", defaultValue = "softmax", description = "Loss (default: ${DEFAULT-VALUE}).")
    LossKind loss;

    /** The loss. */
    LossKind kind() {
        return loss;
    }
}
