package io.nngeom.cli.convex;

import io.nngeom.cli.CliInputs;
import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.convex.Convex;
import io.nngeom.convex.Exactness;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.convex.PathOptions;
import io.nngeom.convex.PathResult;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.convex.figures.FitFigures;
import io.nngeom.data.Dataset;
import io.nngeom.io.GatedModelIo;
import io.nngeom.io.ModelIo;
import io.nngeom.net.Mlp;
import io.nngeom.run.Budget;
import io.nngeom.run.InputException;
import io.nngeom.run.Progress;
import io.nngeom.run.StderrProgress;
import io.nngeom.solvers.LassoSolution;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom convex path}: the warm-started β path of the wedge-dictionary Lasso or of the gated-ReLU program. */
@Command(name = "path", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Warm-started beta path (largest beta first) of the wedge-dictionary Lasso or, with --method gated, of the gated-ReLU "
            + "group lasso in any dimension: objective, nonzeros, norm, duality gap and train/test metrics per beta; one model per beta with --out-dir."})
public final class PathCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Regression data (CSV, NPY, NPZ).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Target column name (CSV); several (a,b,c) with --method gated.")
    String target;

    @Option(names = "--classes", description = "Class labels 0..K-1 as K one-hot outputs (--method gated); reports accuracies.")
    boolean classes;

    @Option(names = "--betas", required = true, split = ",", paramLabel = "B", description = "Comma-separated positive betas.")
    double[] betas;

    @Option(names = "--method", paramLabel = "lasso|gated", defaultValue = "lasso", description = "Program along the path (default: ${DEFAULT-VALUE}): "
            + "the wedge-dictionary Lasso, or the gated-ReLU group lasso with --max-patterns sampled gates (any dimension).")
    String method;

    @Option(names = "--max-patterns", paramLabel = "N", defaultValue = "2000", description = "Sampled gates of --method gated (default: ${DEFAULT-VALUE}).")
    int maxPatterns;

    @Mixin
    PenaltyOption penalty;

    @Option(names = "--no-bias", description = "No hidden or output biases.")
    boolean noBias;

    @Option(names = "--depth", paramLabel = "2|3|4", defaultValue = "2", description = "Network depth L (default: ${DEFAULT-VALUE}); "
            + "3 and 4 use the deep 1-D dictionary (see convex fit --depth).")
    int depth;

    @Option(names = "--max-columns", paramLabel = "N", defaultValue = "" + FitOptions.DEFAULT_MAX_COLUMNS, description = {
        "Largest wedge dictionary to build; larger ones are refused before any work (default: ${DEFAULT-VALUE})."})
    long maxColumns;

    @Option(names = "--test", paramLabel = "FILE", description = "Held-out data (same columns as --data): testMse (and testAccuracy) per beta.")
    Path test;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Write the model of every beta into DIR as beta-K.json (K = 0 for the largest beta); "
            + "gated models in format nngeom-gated.")
    Path outDir;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    /** One row of the path table. */
    private record Row(double beta, double objective, int nonzeros, double norm, double gap, boolean converged, FitMetrics metrics, String model) {
    }

    @Override
    public Integer call() {
        boolean gated = switch (method) {
            case "lasso" -> false;
            case "gated" -> true;
            default -> throw new InputException("--method: convex path solves lasso or gated, got '" + method + "'");
        };
        penalty.refuseAtDepth(depth);
        if (gated && (depth != 2 || penalty.norm() != PenaltyNorm.L2 || given("--max-columns"))) {
            throw new InputException("--method gated: a two-layer gated program with the group (l2) penalty; --depth, --penalty l1 and --max-columns do not apply");
        }
        if (!gated && (given("--max-patterns") || classes)) {
            throw new InputException((classes ? "--classes" : "--max-patterns") + ": only with --method gated");
        }
        Dataset d = CliInputs.data(data, target, classes);
        Dataset testData = null;
        if (test != null) {
            testData = CliInputs.data(test, target, classes);
            CliInputs.checkInputs(d.inputDim(), "the training data " + data, testData, test);
        }
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                throw InputException.of("--out-dir " + outDir, "cannot create the directory: " + e.getMessage());
            }
        }
        StderrProgress progress = common.quiet() ? null : StderrProgress.onStderr(2);
        Budget budget = Budget.of(0, progress == null ? Progress.NONE : progress);
        List<Row> rows = new ArrayList<>();
        List<DoubleUnaryOperator> fits = new ArrayList<>();
        double[] sorted = Convex.descending(betas);
        String description;
        Exactness ex;
        String reason;
        long columns;
        try {
            if (!common.quiet()) {
                System.err.println("convex path: " + betas.length + " warm-started " + (gated ? "gated group lasso" : "Lasso") + " solves, largest beta first");
            }
            if (gated) {
                FitOptions o = FitOptions.defaults(sorted[0]).withMethod(FitOptions.Method.GATED).withBias(!noBias).withMaxPatterns(maxPatterns)
                        .withSeed(common.seed()).withBudget(budget);
                List<FitResult> path = Convex.gatedPath(d, o, sorted);
                for (int k = 0; k < sorted.length; k++) {
                    FitResult r = path.get(k);
                    String file = write(k, null, r);
                    rows.add(new Row(sorted[k], r.objective(), r.nonzeros(), r.l1Norm(), r.dualityGap(), r.dualityGap() <= o.tolerance(),
                            FitMetrics.of(r.gated()::apply, d, testData), file));
                }
                description = "gated-ReLU group lasso over " + path.get(0).dictionary();
                columns = path.get(0).columns();
                ex = Exactness.OTHER_MODEL;
                reason = "the gated-ReLU program with the same gates at every beta (a different model from ReLU networks, no bound on the ReLU problem)";
            } else {
                PathOptions o = new PathOptions(betas, penalty.norm(), !noBias, depth, maxColumns, 1e-10, budget);
                PathResult pr = Convex.path(d, o);
                for (int k = 0; k < sorted.length; k++) {
                    LassoSolution s = pr.solutions().get(k);
                    var net = pr.model(k);
                    String file = write(k, net, null);
                    rows.add(new Row(sorted[k], s.primal(), s.nonzeros(), s.l1Norm(), s.relativeGap(), s.converged(),
                            FitMetrics.of(net::apply, d, testData), file));
                    if (d.inputDim() == 1 && !noBias) {
                        fits.add(pr.fitted(k));
                    }
                }
                description = pr.description();
                columns = pr.dictionary().cols();
                ex = pr.exactness();
                reason = pr.reason();
            }
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        print(rows, description, columns, ex, reason, testData != null, gated);
        CommandResult res = CommandResult.start("convex path", common).put("data", data.toString())
                .put("method", gated ? "gated" : "lasso")
                .put("penalty", depth > 2 ? "l" + depth + "^" + depth : penalty.norm().id())
                .put("depth", depth).put("bias", !noBias).put("columns", columns).put("dictionary", description)
                .put("test", test == null ? null : test.toString()).put("outDir", outDir == null ? null : outDir.toString())
                .put("exactness", ex.id()).put("reason", reason).put("path", json(rows));
        double[] nnz = rows.stream().mapToDouble(Row::nonzeros).toArray();
        double[] obj = rows.stream().mapToDouble(Row::objective).toArray();
        double[] l1 = rows.stream().mapToDouble(Row::norm).toArray();
        res.figure(FitFigures.pathWidth("convex-beta-path", sorted, nnz))
                .figure(FitFigures.pathObjective("convex-beta-path-objective", sorted, obj, l1));
        if (testData != null) {
            res.figure(FitFigures.pathMse("convex-beta-path-mse", sorted, rows.stream().mapToDouble(r -> r.metrics().trainMse()).toArray(),
                    rows.stream().mapToDouble(r -> r.metrics().testMse()).toArray()));
        }
        if (!fits.isEmpty()) {
            res.figure(FitFigures.pathFits1d("convex-beta-path-fits", d, sorted, fits));
        }
        res.finish();
        return 0;
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Writes the model of the k-th beta into --out-dir (a ReLU network or a gated one); its path, or null. */
    private String write(int k, Mlp net, FitResult gated) {
        if (outDir == null) {
            return null;
        }
        Path f = outDir.resolve("beta-" + k + ".json");
        if (net != null) {
            ModelIo.write(net, f);
        } else {
            GatedModelIo.write(gated.gated(), f);
        }
        return f.toString();
    }

    private void print(List<Row> rows, String description, long columns, Exactness ex, String reason, boolean withTest, boolean gated) {
        PrintWriter w = spec.commandLine().getOut();
        boolean acc = classes;
        w.printf(Locale.ROOT, "%-12s %-16s %-9s %-12s %-10s %-12s%s%s%n", "beta", "objective", "nonzeros", gated ? "groupNorm" : "l1Norm",
                "dualityGap", "trainMse", withTest ? String.format(Locale.ROOT, " %-12s", "testMse") : "",
                acc ? String.format(Locale.ROOT, " %-9s%s", "trainAcc", withTest ? " testAcc" : "") : "");
        for (Row r : rows) {
            FitMetrics m = r.metrics();
            w.printf(Locale.ROOT, "%-12.6g %-16.10g %-9d %-12.6g %-10.2e %-12.6g%s%s%n", r.beta(), r.objective(), r.nonzeros(), r.norm(), r.gap(),
                    m.trainMse(), withTest ? String.format(Locale.ROOT, " %-12.6g", m.testMse()) : "",
                    acc ? String.format(Locale.ROOT, " %-9.4f%s", m.trainAccuracy(), withTest ? String.format(Locale.ROOT, " %.4f", m.testAccuracy()) : "") : "");
        }
        w.printf(Locale.ROOT, "dictionary: %s, %d columns%n", description, columns);
        w.printf(Locale.ROOT, "exactness: %s: %s%n", ex.id(), reason);
        if (outDir != null) {
            w.printf(Locale.ROOT, "models: %s/beta-0.json ... beta-%d.json%n", outDir, rows.size() - 1);
        }
        w.flush();
    }

    private static List<Map<String, Object>> json(List<Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("beta", r.beta());
            row.put("objective", r.objective());
            row.put("nonzeros", r.nonzeros());
            row.put("l1Norm", r.norm());
            row.put("dualityGap", r.gap());
            row.put("converged", r.converged());
            row.put("trainMse", r.metrics().trainMse());
            row.put("testMse", r.metrics().testMse());
            row.put("trainAccuracy", r.metrics().trainAccuracy());
            row.put("testAccuracy", r.metrics().testAccuracy());
            row.put("model", r.model());
            out.add(row);
        }
        return out;
    }
}
