package io.nngeom.cli;

import io.nngeom.plot.Figure;
import io.nngeom.report.FigureWriter;
import io.nngeom.report.Fmt;
import io.nngeom.report.HtmlReport;
import io.nngeom.report.Prose;
import io.nngeom.report.ReportInfo;
import io.nngeom.run.Heartbeat;
import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import io.nngeom.run.StderrProgress;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentRegistry;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Measurement;
import io.nngeom.validate.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nngeom validate}: runs the registered experiments (every theory's numerical checks), prints one row
 * per experiment and ends with the line {@code N passed, M failed}; writes the HTML report. Exit status 1
 * when any experiment failed. An experiment that throws counts as failed, with its message. REPORT
 * experiments are listed as reported and counted in neither total.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run every registered experiment (each theory's numerical checks) and write the HTML report.",
            "Prints one row per experiment and ends with 'N passed, M failed'; exit status 1 if any failed."})
public final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Run the quick versions (the default: about a minute in all; what CI runs).")
    boolean quickFlag;

    @Option(names = "--full", description = "Run the full versions (minutes; the protocols of docs/theory/).")
    boolean full;

    @Option(names = "--only", paramLabel = "PATTERN",
            description = "Only experiments whose name matches the glob ('*' any run, '?' one character); "
                    + "several globs separated by commas, e.g. 'foundation.*,convex.*'.")
    String only;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "nngeom-report",
            description = "Directory of the HTML report (default: ${DEFAULT-VALUE}); replaced atomically.")
    Path out;

    @Option(names = "--list", description = "List the experiments (name and title) without running them.")
    boolean list;

    @Option(names = "--known-failures", paramLabel = "FILE",
            description = "A list of experiments known to fail, one name per line followed by the reason ('#' starts a "
                    + "comment). They still count as failed; the exit status is 0 when every failure is on the list.")
    Path knownFailures;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (quickFlag && full) {
            throw InputException.of("--full", "cannot be combined with --quick (quick is the default)");
        }
        boolean quick = !full;
        List<Experiment> experiments = select(only);
        if (list) {
            int w = nameWidth(experiments);
            for (Experiment e : experiments) {
                out.println(pad(e.name(), w) + "  " + e.title());
            }
            out.flush();
            return Main.OK;
        }
        HtmlReport.checkTarget(this.out);
        Map<String, String> known = knownFailures == null ? Map.of() : KnownFailures.read(knownFailures);

        CommandResult result = CommandResult.start("validate", common);
        Instant date = Instant.now();
        int w = nameWidth(experiments);
        out.println(pad("experiment", w) + "  " + pad("verdict", 8) + padLeft("seconds", 8) + "  key measurements");
        out.flush();
        List<ExperimentResult> results = new ArrayList<>();
        Path index;
        try (StderrProgress progress = common.progress(err)) {
            int position = 0;
            for (Experiment e : experiments) {
                String label = "[" + (++position) + "/" + experiments.size() + "] " + e.name();
                ExperimentResult r;
                try (Heartbeat beat = Heartbeat.start(progress, label)) {
                    r = runOne(e, new ExperimentContext(common.seed(), quick, beat.prefixed(label)));
                }
                progress.clear();
                results.add(r);
                out.println(pad(r.name(), w) + "  " + pad(verdictText(r.verdict()), 8)
                        + padLeft(String.format(Locale.ROOT, "%.2f", r.seconds()), 8) + "  " + keyMeasurements(r));
                out.flush();
            }
            ReportInfo info = new ReportInfo(RunInfo.currentVersion(), jvm(), date, common.seed(), quick, only,
                    result.seconds()).withKnownFailures(known);
            try (Heartbeat beat = Heartbeat.start(progress, "writing the report into " + this.out)) {
                index = HtmlReport.write(this.out, info, results);
                writePlots(results);
            }
            progress.clear();
        }
        int passed = count(results, Verdict.PASS);
        int failed = count(results, Verdict.FAIL);
        int reported = count(results, Verdict.REPORT);

        result.put("quick", quick)
                .put("only", only)
                .put("report", index.toString())
                .put("passed", passed)
                .put("failed", failed)
                .put("reported", reported)
                .put("experiments", results.stream().map(ValidateCommand::toJson).toList());
        result.finish();

        if (reported > 0) {
            out.println(reported + " reported (shown without a pass/fail criterion; counted in neither total)");
        }
        List<String> unexpected = reportKnownFailures(results, known, out, err);
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        if (!common.quiet()) {
            err.println("report: " + index);
            err.flush();
        }
        return unexpected.isEmpty() ? Main.OK : Main.FAILED;
    }

    private void writePlots(List<ExperimentResult> results) {
        if (common.plot() != null) {
            for (ExperimentResult r : results) {
                for (Figure f : r.figures()) {
                    FigureWriter.write(f, common.plot().resolve(FigureWriter.fileStem(r.name())));
                }
            }
        }
    }

    /** Prints each known failure with its reason (and a listed one that passed); returns the unexpected failures. */
    private List<String> reportKnownFailures(List<ExperimentResult> results, Map<String, String> known, PrintWriter out,
                                             PrintWriter err) {
        List<String> unexpected = new ArrayList<>();
        for (ExperimentResult r : results) {
            if (r.verdict() == Verdict.FAIL && !known.containsKey(r.name())) {
                unexpected.add(r.name());
            }
        }
        if (knownFailures != null) {
            for (ExperimentResult r : results) {
                if (r.verdict() == Verdict.FAIL && known.containsKey(r.name())) {
                    out.println("known failure " + r.name() + ": " + known.get(r.name()));
                } else if (known.containsKey(r.name())) {
                    err.println("nngeom: " + r.name() + " is listed in " + knownFailures + " but did not fail");
                }
            }
        }
        return unexpected;
    }

    /** The experiments selected by the comma-separated globs (all when null), in registry order. */
    static List<Experiment> select(String only) {
        if (only == null || only.isBlank()) {
            return ExperimentRegistry.all();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String glob : only.split(",")) {
            String g = glob.trim();
            if (g.isEmpty()) {
                continue;
            }
            List<Experiment> m = ExperimentRegistry.matching(g);
            if (m.isEmpty()) {
                throw InputException.of("--only", "no experiment matches '" + g + "' (nngeom validate --list shows them)");
            }
            m.forEach(e -> names.add(e.name()));
        }
        return ExperimentRegistry.all().stream().filter(e -> names.contains(e.name())).toList();
    }

    /** Runs one experiment; a throwing experiment becomes a FAIL result carrying its message. */
    static ExperimentResult runOne(Experiment e, ExperimentContext ctx) {
        long start = System.nanoTime();
        try {
            ExperimentResult r = e.run(ctx);
            if (r == null) {
                return failure(e, ctx, start, "the experiment returned no result");
            }
            return r;
        } catch (VirtualMachineError vme) {
            if (vme instanceof StackOverflowError) {
                return failure(e, ctx, start, "threw " + vme);
            }
            throw vme;
        } catch (Exception | Error ex) {
            return failure(e, ctx, start, "threw " + ex);
        }
    }

    private static ExperimentResult failure(Experiment e, ExperimentContext ctx, long start, String why) {
        return new ExperimentResult(e.name(), e.title(), ctx.seed(), Map.of(), List.of(), "", Verdict.FAIL, why,
                List.of(), List.of(), (System.nanoTime() - start) / 1e9);
    }

    /** Up to three measurements for the table row: failing bounded ones first, then bounded, then the rest. */
    static String keyMeasurements(ExperimentResult r) {
        List<Measurement> ms = new ArrayList<>();
        r.measured().stream().filter(m -> !m.comparison().isEmpty() && !m.holds()).forEach(ms::add);
        r.measured().stream().filter(m -> !m.comparison().isEmpty() && m.holds()).forEach(ms::add);
        r.measured().stream().filter(m -> m.comparison().isEmpty()).forEach(ms::add);
        StringBuilder b = new StringBuilder();
        int shown = Math.min(3, ms.size());
        for (int i = 0; i < shown; i++) {
            Measurement m = ms.get(i);
            if (i > 0) {
                b.append("  ");
            }
            b.append(Prose.name(m.name())).append('=').append(Fmt.num(m.value()));
            if (!m.comparison().isEmpty()) {
                b.append(" (").append(m.comparison().equals("<=") ? "≤ " : "≥ ").append(Fmt.num(m.reference()))
                        .append(m.holds() ? "" : " ✗").append(')');
            }
        }
        if (ms.size() > shown) {
            b.append("  …");
        }
        if (r.verdict() == Verdict.FAIL && r.measured().isEmpty() && !r.notes().isBlank()) {
            b.append(r.notes().lines().findFirst().orElse(""));
        }
        return b.toString();
    }

    private static Map<String, Object> toJson(ExperimentResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("title", r.title());
        m.put("verdict", r.verdict().name());
        m.put("seconds", r.seconds());
        m.put("seed", r.seed());
        Map<String, Object> params = new LinkedHashMap<>();
        r.parameters().forEach((k, v) -> params.put(k, jsonSafe(v)));
        m.put("parameters", params);
        List<Map<String, Object>> measured = new ArrayList<>();
        for (Measurement x : r.measured()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", x.name());
            mm.put("value", x.value());
            if (!x.comparison().isEmpty()) {
                mm.put("comparison", x.comparison());
                mm.put("bound", x.reference());
                mm.put("holds", x.holds());
            }
            measured.add(mm);
        }
        m.put("measured", measured);
        m.put("criterion", r.criterion());
        m.put("notes", r.notes());
        m.put("figures", r.figures().stream().map(Figure::name).toList());
        m.put("tables", r.tables());
        return m;
    }

    /**
     * A parameter value as JSON can hold it: numbers, strings, booleans, primitive arrays, and collections,
     * maps and object arrays of these; anything else (a matrix, a custom object) as its display text.
     */
    static Object jsonSafe(Object o) {
        if (o == null || o instanceof Number || o instanceof Boolean || o instanceof String || o instanceof Enum<?>
                || o instanceof double[] || o instanceof int[] || o instanceof long[] || o instanceof boolean[]) {
            return o instanceof Enum<?> en ? en.name() : o;
        }
        if (o instanceof Object[] arr) {
            return Arrays.stream(arr).map(ValidateCommand::jsonSafe).toList();
        }
        if (o instanceof Collection<?> c) {
            return c.stream().map(ValidateCommand::jsonSafe).toList();
        }
        if (o instanceof Map<?, ?> mm) {
            Map<String, Object> out = new LinkedHashMap<>();
            mm.forEach((k, v) -> out.put(String.valueOf(k), jsonSafe(v)));
            return out;
        }
        return Fmt.value(o);
    }

    private static String verdictText(Verdict v) {
        return switch (v) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case REPORT -> "reported";
        };
    }

    private static int count(List<ExperimentResult> rs, Verdict v) {
        return (int) rs.stream().filter(r -> r.verdict() == v).count();
    }

    private static int nameWidth(List<Experiment> es) {
        return Math.max("experiment".length(), es.stream().mapToInt(e -> e.name().length()).max().orElse(0));
    }

    private static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    static String padLeft(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }
}
