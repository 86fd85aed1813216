package io.nngeom.cli;

import io.nngeom.run.Seeds;
import io.nngeom.run.StderrProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options shared by every command (a picocli mixin): {@code --json FILE}, {@code --seed N}, {@code --quiet},
 * {@code --debug}. Use it as {@code @Mixin CommonOptions common;} and report the command's results through
 * {@link CommandResult}. A command that draws pictures uses {@link WithPlot} instead, which adds {@code --plot DIR}:
 * only commands that write pictures offer it.
 */
public class CommonOptions {
    /**
     * When the command began: picocli builds its mixins with the command, before parsing, so this is the start of
     * the invocation. {@link CommandResult} measures {@code seconds} from here, whatever the command did before
     * it created its result.
     */
    private final long startNanos = System.nanoTime();

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the machine-readable result to FILE (JSON; written atomically); '-' writes it to "
                    + "stdout and moves the summary to stderr.")
    Path json;

    Path plot;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Seeds.DEFAULT,
            description = "Root seed; every random choice derives from it (default: ${DEFAULT-VALUE}).")
    long seed = Seeds.DEFAULT;

    @Option(names = "--quiet", description = "No progress output on stderr.")
    boolean quiet;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    /** The --json file, or null when not asked for. */
    public Path json() {
        return json;
    }

    /** The --plot directory, or null when not asked for. */
    public Path plot() {
        return plot;
    }

    public long seed() {
        return seed;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean debug() {
        return debug;
    }

    /**
     * The command's progress on {@code err} ({@link io.nngeom.run.StderrProgress#forCommand}: after a second, a
     * redrawn line on a terminal, else a line every 10 s), or one that shows nothing under {@code --quiet}.
     */
    public StderrProgress progress(PrintWriter err) {
        return quiet ? StderrProgress.silent() : StderrProgress.forCommand(err);
    }

    /** {@link System#nanoTime()} when the command began. */
    public long startNanos() {
        return startNanos;
    }

    /** {@link CommonOptions} and {@code --plot DIR}, for the commands that draw pictures. */
    public static class WithPlot extends CommonOptions {
        @Option(names = "--plot", paramLabel = "DIR",
                description = "Write the command's pictures (PNG and SVG) into DIR.")
        void plotDir(Path dir) {
            plot = dir;
        }
    }
}
