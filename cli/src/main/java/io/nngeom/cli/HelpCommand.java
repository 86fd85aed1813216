package io.nngeom.cli;

import io.nngeom.run.InputException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nngeom help [COMMAND...]}: the same text as {@code nngeom COMMAND... --help}, at any depth
 * ({@code nngeom help convex fit}); picocli's own help command stops at the first level.
 */
@Command(name = "help", helpCommand = true, usageHelpAutoWidth = true,
        description = "Show a command's options and examples: 'nngeom help train', 'nngeom help convex fit'.")
public final class HelpCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to explain.")
    List<String> path = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine c = spec.parent().commandLine();
        for (String name : path) {
            CommandLine sub = c.getSubcommands().get(name);
            if (sub == null) {
                throw new InputException("help: no command '" + String.join(" ", path) + "' (nngeom --help lists them)");
            }
            c = sub;
        }
        c.usage(spec.commandLine().getOut(), c.getColorScheme());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
