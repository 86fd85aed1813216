package io.nngeom.cli.pwl;

import io.nngeom.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code nngeom pwl}: exact ReLU networks for piecewise-linear functions (theory 2, Huang 2022). */
@Command(name = "pwl", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Build exact ReLU networks for piecewise-linear functions (constructions C1-C7 of the piecewise theory)."},
        subcommands = {PwlBuildCommand.class, PwlSawtoothCommand.class, PwlInterpolateCommand.class})
public final class PwlCommand extends CommandGroup {
}
