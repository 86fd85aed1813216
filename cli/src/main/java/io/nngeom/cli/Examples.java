package io.nngeom.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The examples at the foot of every command's {@code --help}, in one place. Each is a whole command line that works
 * from the repository root once the files named in earlier examples exist (data from {@code generate}, models from
 * {@code train}); the test {@code ExamplesTest} parses every one of them with the real command tree.
 */
final class Examples {
    private static final String NNGEOM = "./nngeom ";

    /** Examples per command, keyed by the command's qualified name without the root ("train", "convex fit"). */
    static final Map<String, List<String>> BY_COMMAND = Map.ofEntries(
            Map.entry("validate", List.of(
                    "validate                  # quick checks, report in nngeom-report/",
                    "validate --only 'lowrank.*,piecewise.*' --out report",
                    "validate --full --json results.json   # full protocols (minutes)",
                    "validate --list")),
            Map.entry("generate", List.of(
                    "generate --kind regression-2d --n 500 --out points.csv",
                    "generate --kind clusters --classes-count 3 --n 100 --out clusters.csv")),
            Map.entry("train", List.of(
                    "train --data points.csv --arch 2-32-32-1 --iters 2000 --out m.json",
                    "train --data clusters.csv --classes --arch 3-16-3 --out c.json",
                    "train --data points.csv --arch 2-16-1 --penalty l2:1e-3 --json -")),
            Map.entry("serve", List.of(
                    "serve                        # then open http://127.0.0.1:8642/",
                    "serve --port 0 --url-file url.txt --data points.csv")),
            Map.entry("eval", List.of(
                    "eval --model m.json --data points.csv",
                    "eval --model c.json --data clusters.csv --classes --predictions p.csv")),
            Map.entry("info", List.of(
                    "info m.json --data points.csv --plot activity")),
            Map.entry("regions", List.of(
                    "regions --model m.json --svg regions.svg --json regions.json",
                    "regions --model c.json --max-regions 100000 --time-limit 60",
                    "regions --model c.json --slice 0,0,0:1,0,0:0,1,0 --svg slice.svg")),
            Map.entry("distinguish", List.of(
                    "distinguish --model c.json --data clusters.csv --classes")),
            Map.entry("explain", List.of(
                    "explain --model c.json --data clusters.csv --classes --out report",
                    "explain --model m.json --data points.csv --out report2 --json e.json")),
            Map.entry("minimizers build", List.of(
                    "minimizers build --generate 3,90,0.8,1 --layers 3 --out min.json")),
            Map.entry("minimizers local-minima", List.of(
                    "minimizers local-minima --generate 3,90,0.8,1 --layers 3")),
            Map.entry("minimizers compare", List.of(
                    "minimizers compare --generate 3,90,0.8,1 --layers 3 --seeds 3")),
            Map.entry("minimizers shallow", List.of(
                    "minimizers shallow --generate 3,90,0.8,1 --out shallow.json")),
            Map.entry("lowrank analyze", List.of(
                    "lowrank analyze --pxy pxy.csv --k 2     # P[y][x], CSV or NPY",
                    "lowrank analyze --data pairs.csv --x hair --y eye --k 2 --train")),
            Map.entry("lowrank sweep", List.of(
                    "lowrank sweep --nx 8 --ny 4 --k 2 --eps 0.1,0.05,0.025")),
            Map.entry("lowrank train", List.of(
                    "lowrank train --pxy pxy.csv --k 2 --out features.json --plot plots")),
            Map.entry("pwl build", List.of(
                    "pwl build --spec spec.json --out pl.json   # docs/theory/piecewise.md",
                    "pwl build --spec spec.json --depth shallow --json -")),
            Map.entry("pwl sawtooth", List.of(
                    "pwl sawtooth --k 6 --out saw.json")),
            Map.entry("pwl interpolate", List.of(
                    "pwl interpolate --data points.csv --out interp.json")),
            Map.entry("convex fit", List.of(
                    "convex fit --data points.csv --beta 0.01 --out convex.json",
                    "convex fit --data w.csv --classes --method gated --beta 1 --json -",
                    "convex fit --data d.csv --method gated --beta 1 --decompose")),
            Map.entry("convex path", List.of(
                    "convex path --data points.csv --betas 1,0.1,0.01,0.001",
                    "convex path --data d.csv --method gated --betas 10,1 --out-dir models")),
            Map.entry("convex certify", List.of(
                    "convex certify --model m.json --data points.csv --beta 0.01")),
            Map.entry("completion", List.of(
                    "completion > nngeom-completion.bash && source nngeom-completion.bash")));

    private Examples() {
    }

    /** Sets the examples footer of every command of the tree that has examples; a group lists its commands'. */
    static void install(CommandLine root) {
        for (CommandLine sub : root.getSubcommands().values()) {
            String name = qualified(sub);
            List<String> lines = new ArrayList<>(BY_COMMAND.getOrDefault(name, List.of()));
            if (lines.isEmpty()) {
                for (CommandLine leaf : sub.getSubcommands().values()) {
                    lines.addAll(BY_COMMAND.getOrDefault(qualified(leaf), List.of()).stream().limit(1).toList());
                }
            }
            if (!lines.isEmpty() && sub.getCommandSpec().usageMessage().footer().length == 0) {
                List<String> footer = new ArrayList<>(List.of("", "Examples:"));
                lines.forEach(l -> footer.add("  " + NNGEOM + l.replace("%", "%%")));
                sub.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
            }
            install(sub);
        }
    }

    /** "convex fit" for the command {@code nngeom convex fit}. */
    static String qualified(CommandLine c) {
        String full = c.getCommandSpec().qualifiedName(" ");
        int space = full.indexOf(' ');
        return space < 0 ? full : full.substring(space + 1);
    }
}
