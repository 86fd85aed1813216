/**
 * The {@code nngeom} command line (picocli), a thin front end over the library.
 *
 * <p>Adding a command: put it in {@code io.nngeom.cli.<area>} as a {@code Callable<Integer>} annotated with
 * {@code @Command(name = …, mixinStandardHelpOptions = true)}; take the shared options with
 * {@code @Mixin CommonOptions common}, and an option another command already declares alike through its mixin in
 * {@link io.nngeom.cli.options} (or the area's package), so that its name, help text and checks stay one; check
 * the user's input first ({@link io.nngeom.cli.CliInputs}, or throw
 * {@link io.nngeom.run.InputException} with one line naming the option or file); call the area's front door;
 * report through {@link io.nngeom.cli.CommandResult#start}, {@code put(…)}, {@code figure(…)} and
 * {@code finish()} (writes {@code --json} and {@code --plot}); print a short summary on
 * {@code spec.commandLine().getOut()}; return {@link io.nngeom.cli.Main#OK}. A run that cannot deliver on
 * valid input throws {@link io.nngeom.cli.CommandFailedException} (exit 1). Register the command with one line in
 * {@link io.nngeom.cli.NngeomCommand}'s {@code subcommands} (or its area's {@link io.nngeom.cli.CommandGroup}). Test it in-process with
 * {@link io.nngeom.cli.Main#run(String[], java.io.PrintWriter, java.io.PrintWriter)}.
 */
package io.nngeom.cli;
