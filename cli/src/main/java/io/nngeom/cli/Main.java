package io.nngeom.cli;

import io.nngeom.cli.regions.RegionsCommand;
import io.nngeom.io.Memory;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.run.InputException;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Penalty;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Entry point of the {@code nngeom} command line. Exit status: 0 success; 1 internal error or a failed
 * validation check; 2 bad input or usage, reported as ONE line {@code nngeom: <message>} on stderr (with the
 * stack trace too under {@code --debug}).
 */
public final class Main {
    /** Exit status: success. */
    public static final int OK = 0;
    /** Exit status: internal error, or a validation check failed. */
    public static final int FAILED = 1;
    /** Exit status: bad input or usage. */
    public static final int BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line in-process (for tests and embedding) and returns its exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        boolean debug = Arrays.asList(args).contains("--debug");
        // --json -: the JSON alone on stdout, the human summary on stderr
        boolean jsonToStdout = jsonToStdout(args);
        CommandLine cl = commandLine(jsonToStdout ? err : out, err, debug);
        int code;
        try {
            CommandResult.jsonStdout(out);
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            printError(err, outOfMemory(), null, false);
            code = FAILED;
        } finally {
            CommandResult.jsonStdout(null);
            out.flush();
            err.flush();
        }
        return code;
    }

    private static boolean jsonToStdout(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json=" + CommandResult.STDOUT)
                    || args[i].equals("--json") && i + 1 < args.length && args[i + 1].equals(CommandResult.STDOUT)) {
                return true;
            }
        }
        return false;
    }

    /** The configured picocli command line: converters, one-line errors, exit codes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean debug) {
        CommandLine cl = new CommandLine(new NngeomCommand());
        Examples.install(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(Activation.class, s -> convert(Activation::parse, s));
        cl.registerConverter(Loss.class, s -> convert(Loss::parse, s));
        cl.registerConverter(Optimizer.class, s -> convert(Optimizer::parse, s));
        cl.registerConverter(Penalty.class, s -> convert(Penalty::parse, s));
        cl.registerConverter(LossKind.class, s -> convert(LossKind::parse, s));
        cl.registerConverter(RegionsCommand.Method.class, s -> convert(RegionsCommand.Method::parse, s));
        cl.setParameterExceptionHandler((ex, args) -> {
            String msg = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                msg += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            printError(ex.getCommandLine().getErr(), msg, ex, debug);
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, commandLine.getErr(), debug));
        cl.setExecutionStrategy(parsed -> {
            try {
                OutputGuard.check(parsed); // before any work: outputs never clobber inputs
            } catch (InputException e) {
                return handle(e, err, debug);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    /** A parser's IllegalArgumentException becomes picocli's "Invalid value for option '--x': …" line. */
    private static <T> T convert(Function<String, T> parser, String s) {
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Maps an exception thrown by a command to its exit status, printing the one-line message. */
    static int handle(Exception ex, PrintWriter err, boolean debug) {
        InputException input = find(ex, InputException.class);
        if (input != null) {
            printError(err, input.getMessage(), ex, debug);
            return BAD_INPUT;
        }
        FileSystemException fs = find(ex, FileSystemException.class);
        if (fs != null) {
            printError(err, fileProblem(fs), ex, debug);
            return BAD_INPUT;
        }
        if (find(ex, OutOfMemoryError.class) != null) {
            printError(err, outOfMemory(), ex, debug);
            return FAILED;
        }
        CommandFailedException failed = find(ex, CommandFailedException.class);
        if (failed != null) {
            printError(err, failed.getMessage(), ex, debug);
            return FAILED;
        }
        String msg = "internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)");
        printError(err, msg, ex, debug);
        return FAILED;
    }

    /** The one line for an OutOfMemoryError that no estimate caught. */
    static String outOfMemory() {
        return "out of memory (the Java heap is limited to " + (Runtime.getRuntime().maxMemory() >> 20) + " MB); "
                + Memory.HOW_TO_RAISE;
    }

    private static String fileProblem(FileSystemException fs) {
        String file = fs.getFile();
        if (fs instanceof NoSuchFileException) {
            return file + ": no such file or directory";
        }
        if (fs instanceof AccessDeniedException) {
            return file + ": permission denied";
        }
        String reason = fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
        return (file == null ? "" : file + ": ") + reason;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static void printError(PrintWriter err, String message, Throwable ex, boolean debug) {
        String one = message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        err.println("nngeom: " + one);
        if (debug && ex != null) {
            ex.printStackTrace(err);
        }
        err.flush();
    }
}
