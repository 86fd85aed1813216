package io.nngeom.cli.lowrank;

import io.nngeom.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code nngeom lowrank}: the local geometry of feature extraction (theory 1). Lists its subcommands. */
@Command(name = "lowrank", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Local geometry of feature extraction: in the local region the optimal weights and features of a "
            + "k-feature network form the rank-k approximation of the matrix fixed by the layer's Bayes action "
            + "(B̃ for softmax regression, M for MMSE estimation)."},
        subcommands = {AnalyzeCommand.class, SweepCommand.class, TrainCommand.class})
public final class LowrankCommand extends CommandGroup {
}
