package io.nngeom.cli.convex;

import io.nngeom.cli.CliInputs;
import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.convex.Convex;
import io.nngeom.convex.Exactness;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.PathOptions;
import io.nngeom.convex.PathResult;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.convex.figures.FitFigures;
import io.nngeom.data.Dataset;
import io.nngeom.run.Budget;
import io.nngeom.run.Progress;
import io.nngeom.run.StderrProgress;
import io.nngeom.solvers.ColumnProvider;
import io.nngeom.solvers.LassoSolution;
import java.io.PrintWriter;
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

/** {@code nngeom convex path}: the warm-started Lasso path over the wedge dictionary. */
@Command(name = "path", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Warm-started beta path of the wedge-dictionary Lasso (largest beta first): objective, nonzeros, "
            + "||z||_1 and duality gap per beta."})
public final class PathCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Regression data (CSV, NPY, NPZ).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Target column name (CSV).")
    String target;

    @Option(names = "--betas", required = true, split = ",", paramLabel = "B", description = "Comma-separated positive betas.")
    double[] betas;

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

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Dataset d = CliInputs.data(data, target, false);
        penalty.refuseAtDepth(depth);
        StderrProgress progress = common.quiet() ? null : StderrProgress.onStderr(2);
        PathOptions o = new PathOptions(betas, penalty.norm(), !noBias, depth, maxColumns, 1e-10,
                Budget.of(0, progress == null ? Progress.NONE : progress));
        PathResult pr;
        try {
            if (!common.quiet()) {
                System.err.println("convex path: " + betas.length + " warm-started Lasso solves, largest beta first");
            }
            pr = Convex.path(d, o);
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        PenaltyNorm p = o.norm();
        double[] sorted = pr.betas();
        List<LassoSolution> path = pr.solutions();
        ColumnProvider dict = pr.dictionary();
        String description = pr.description();
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%-12s %-16s %-9s %-12s %s%n", "beta", "objective", "nonzeros", "l1Norm", "dualityGap");
        List<Map<String, Object>> rows = new ArrayList<>();
        double[] nnz = new double[sorted.length];
        double[] obj = new double[sorted.length];
        double[] l1 = new double[sorted.length];
        List<DoubleUnaryOperator> fits = new ArrayList<>();
        for (int k = 0; k < sorted.length; k++) {
            LassoSolution s = path.get(k);
            w.printf(Locale.ROOT, "%-12.6g %-16.10g %-9d %-12.6g %.2e%n", sorted[k], s.primal(), s.nonzeros(), s.l1Norm(), s.relativeGap());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("beta", sorted[k]);
            row.put("objective", s.primal());
            row.put("nonzeros", s.nonzeros());
            row.put("l1Norm", s.l1Norm());
            row.put("dualityGap", s.relativeGap());
            row.put("converged", s.converged());
            rows.add(row);
            nnz[k] = s.nonzeros();
            obj[k] = s.primal();
            l1[k] = s.l1Norm();
            if (d.inputDim() == 1 && !noBias) {
                fits.add(pr.fitted(k));
            }
        }
        w.printf(Locale.ROOT, "dictionary: %s, %d columns%n", description, dict.cols());
        Exactness ex = pr.exactness();
        String reason = pr.reason();
        w.printf(Locale.ROOT, "exactness: %s: %s%n", ex.id(), reason);
        w.flush();
        CommandResult res = CommandResult.start("convex path", common).put("data", data.toString())
                .put("penalty", depth > 2 ? "l" + depth + "^" + depth : p.id())
                .put("depth", depth).put("bias", !noBias).put("columns", dict.cols()).put("dictionary", description)
                .put("exactness", ex.id()).put("reason", reason).put("path", rows)
                .figure(FitFigures.pathWidth("convex-beta-path", sorted, nnz))
                .figure(FitFigures.pathObjective("convex-beta-path-objective", sorted, obj, l1));
        if (!fits.isEmpty()) {
            res.figure(FitFigures.pathFits1d("convex-beta-path-fits", d, sorted, fits));
        }
        res.finish();
        return 0;
    }
}
