package io.nngeom.cli;

import io.nngeom.cli.convex.ConvexCommand;
import io.nngeom.cli.explain.ExplainCommand;
import io.nngeom.cli.lowrank.LowrankCommand;
import io.nngeom.cli.minimizers.MinimizersCommand;
import io.nngeom.cli.pwl.DistinguishCommand;
import io.nngeom.cli.pwl.PwlCommand;
import io.nngeom.cli.regions.RegionsCommand;
import io.nngeom.cli.serve.ServeCommand;

import io.nngeom.run.RunInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command {@code nngeom}: it only lists the subcommands. Each theory area registers its command
 * (in {@code io.nngeom.cli.<area>}) with one line in {@code subcommands}.
 */
@Command(name = "nngeom",
        mixinStandardHelpOptions = true,
        versionProvider = NngeomCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Geometric theories of deep ReLU networks: built, trained, checked and shown.",
            "Run 'nngeom validate' to check every claim numerically (quick versions, about a minute);",
            "'nngeom help COMMAND' or 'nngeom COMMAND --help' for a command's options and examples."},
        subcommands = {
            ValidateCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            InfoCommand.class,
            GenerateCommand.class,
            MinimizersCommand.class,
            LowrankCommand.class,
            PwlCommand.class,
            ConvexCommand.class,
            RegionsCommand.class,
            DistinguishCommand.class,
            ExplainCommand.class,
            ServeCommand.class,
            CompletionCommand.class,
            HelpCommand.class,
        })
public final class NngeomCommand extends CommandGroup {

    /** {@code --version}: nngeom's version (from the jar manifest) and the JVM. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nngeom " + RunInfo.currentVersion(),
                "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")};
        }
    }
}
