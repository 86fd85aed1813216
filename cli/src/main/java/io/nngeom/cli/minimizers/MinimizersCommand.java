package io.nngeom.cli.minimizers;

import io.nngeom.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code nngeom minimizers}: explicit global L² minimizers via truncation maps (theory 4). */
@Command(name = "minimizers", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Explicit global L² minimizers of deep ReLU networks built from truncation maps",
            "(Chen & Muñoz Ewald, arXiv:2309.10639; shallow companion arXiv:2309.10370)."},
        subcommands = {BuildCommand.class, LocalMinimaCommand.class, CompareCommand.class, ShallowCommand.class})
public final class MinimizersCommand extends CommandGroup {
}
