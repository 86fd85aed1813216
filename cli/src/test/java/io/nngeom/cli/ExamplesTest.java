package io.nngeom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help, examples and completion of the whole command tree. */
class ExamplesTest {

    private static CommandLine tree() {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    }

    private static void leaves(CommandLine c, List<CommandLine> out) {
        for (CommandLine sub : c.getSubcommands().values()) {
            if (sub.getCommandName().equals("help")) {
                continue;
            }
            if (sub.getSubcommands().isEmpty()) {
                out.add(sub);
            }
            leaves(sub, out);
        }
    }

    @Test
    void everyCommandHasExamplesAndEveryExampleParses() {
        List<CommandLine> all = new ArrayList<>();
        leaves(tree(), all);
        assertThat(all).hasSizeGreaterThan(15);
        for (CommandLine c : all) {
            String name = Examples.qualified(c);
            assertThat(Examples.BY_COMMAND).as(name).containsKey(name);
            assertThat(String.join("\n", c.getCommandSpec().usageMessage().footer())).as(name).contains("Examples:");
        }
        for (Map.Entry<String, List<String>> e : Examples.BY_COMMAND.entrySet()) {
            for (String line : e.getValue()) {
                List<String> words = words(line);
                assertThat(String.join(" ", words)).as(line).startsWith(e.getKey());
                assertThat(("  ./nngeom " + line).length()).as("fits an 80-column help: " + line).isLessThanOrEqualTo(80);
                tree().parseArgs(words.toArray(String[]::new)); // throws on an unknown option or a bad value
            }
        }
    }

    @Test
    void plotIsOfferedByExactlyTheCommandsThatDraw() {
        List<CommandLine> all = new ArrayList<>();
        leaves(tree(), all);
        List<String> withPlot = all.stream().filter(c -> c.getCommandSpec().findOption("--plot") != null)
                .map(Examples::qualified).sorted().toList();
        // each of these puts figures into its result (or, validate, writes the experiments' figures)
        assertThat(withPlot).containsExactly("convex fit", "convex path", "eval", "explain", "info", "lowrank analyze",
                "lowrank sweep", "lowrank train", "minimizers build", "minimizers compare", "regions", "train", "validate");
    }

    @Test
    void noCommandsHelpMakesPicocliWarn() {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<CommandLine> all = new ArrayList<>();
        CommandLine root = tree();
        all.add(root);
        collect(root, all);
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            for (CommandLine c : all) {
                assertThat(c.getUsageMessage()).isNotBlank();
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("WARN").isEmpty();
    }

    @Test
    void helpCommandShowsTheSameAsDashDashHelpAtAnyDepth() {
        assertThat(Cli.run("help", "train").out()).isEqualTo(Cli.run("train", "--help").out()).contains("Examples:");
        Cli nested = Cli.run("help", "convex", "fit");
        assertThat(nested.code()).isZero();
        assertThat(nested.out()).isEqualTo(Cli.run("convex", "fit", "--help").out()).contains("--beta");
        Cli unknown = Cli.run("help", "frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.errLines()).containsExactly("nngeom: help: no command 'frobnicate' (nngeom --help lists them)");
    }

    @Test
    void completionScriptCoversTheCommandTree() {
        Cli r = Cli.run("completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F").contains("nngeom").contains("validate").contains("--max-regions")
                .contains("local-minima");
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        for (CommandLine sub : c.getSubcommands().values()) {
            out.add(sub);
            collect(sub, out);
        }
    }

    /** Shell words of an example: single quotes group, '#' starts a comment, {@code >}, {@code &&} and {@code |} end the command. */
    static List<String> words(String line) {
        List<String> w = new ArrayList<>();
        StringBuilder cur = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '\'') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '\'') {
                quoted = true;
                cur = cur == null ? new StringBuilder() : cur;
            } else if (ch == ' ') {
                if (cur != null) {
                    w.add(cur.toString());
                    cur = null;
                }
            } else if (ch == '#' || ch == '>' || ch == '|' || ch == '&') {
                break;
            } else {
                cur = cur == null ? new StringBuilder() : cur;
                cur.append(ch);
            }
        }
        if (cur != null) {
            w.add(cur.toString());
        }
        return w;
    }
}
