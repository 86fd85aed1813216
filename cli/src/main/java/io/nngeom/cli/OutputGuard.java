package io.nngeom.cli;

import io.nngeom.run.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Outputs never clobber inputs: before a command does any work, every path it will write (the options named in
 * {@link #OUTPUTS}) is compared with every path it reads (all other path options and parameters) and with the
 * other outputs. The same path, or the same file reached another way (a link, {@code ./x} and {@code x}), is
 * refused in one line naming both options.
 */
final class OutputGuard {
    /** The options whose value is a path the command writes; every other path option or parameter is read. */
    static final Set<String> OUTPUTS = Set.of("--out", "--json", "--plot", "--predictions", "--save-data", "--svg", "--png",
            "--html", "--gated-out", "--out-dir");

    private record Arg(String name, Path path) {
    }

    private OutputGuard() {
    }

    /** Checks the leaf command of a parse result; throws an {@link InputException} on a clash. */
    static void check(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        List<Arg> inputs = new ArrayList<>();
        List<Arg> outputs = new ArrayList<>();
        for (ArgSpec a : leaf.matchedArgs()) {
            String name = a instanceof OptionSpec o ? o.longestName() : "the " + a.paramLabel() + " argument";
            for (Path p : paths(a.getValue())) {
                (a instanceof OptionSpec o && OUTPUTS.contains(o.longestName()) ? outputs : inputs).add(new Arg(name, p));
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            Arg out = outputs.get(i);
            for (int j = i + 1; j < outputs.size(); j++) {
                if (same(out.path(), outputs.get(j).path())) {
                    throw InputException.of(out.name() + " " + out.path(), "is also the output of " + outputs.get(j).name()
                            + "; give each output its own file");
                }
            }
            for (Arg in : inputs) {
                if (same(out.path(), in.path())) {
                    throw InputException.of(out.name() + " " + out.path(), "is the input " + in.name() + " " + in.path()
                            + "; nngeom never overwrites an input, choose another output file");
                }
            }
        }
    }

    private static List<Path> paths(Object value) {
        List<Path> out = new ArrayList<>();
        if (value instanceof Path p && !p.toString().equals("-")) {
            out.add(p);
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                out.addAll(paths(o));
            }
        }
        return out;
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
