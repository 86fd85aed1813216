package io.nngeom.cli.lowrank;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nngeom lowrank}: the local geometry of feature extraction (theory 1). Lists its subcommands. */
@Command(name = "lowrank", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Local geometry of feature extraction: in the local region the optimal weights and features of a "
            + "k-feature network form the rank-k approximation of the matrix fixed by the layer's Bayes action "
            + "(B̃ for softmax regression, M for MMSE estimation)."},
        subcommands = {AnalyzeCommand.class, SweepCommand.class, TrainCommand.class})
public final class LowrankCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
