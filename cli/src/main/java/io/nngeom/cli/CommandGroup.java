package io.nngeom.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code nngeom}, {@code nngeom convex}, …): run alone, it prints its usage. */
public abstract class CommandGroup implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage, with the list of subcommands, on stdout. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
