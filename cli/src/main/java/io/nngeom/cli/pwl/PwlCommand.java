package io.nngeom.cli.pwl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code nngeom pwl}: exact ReLU networks for piecewise-linear functions (theory 2, Huang 2022). */
@Command(name = "pwl", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Build exact ReLU networks for piecewise-linear functions (constructions C1-C7 of the piecewise theory)."},
        subcommands = {PwlBuildCommand.class, PwlSawtoothCommand.class, PwlInterpolateCommand.class})
public final class PwlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
