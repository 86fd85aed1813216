package io.nngeom.cli.convex;

import io.nngeom.cli.CliInputs;
import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.convex.Convex;
import io.nngeom.convex.Exactness;
import io.nngeom.convex.DeepDictionary;
import io.nngeom.convex.Dictionary;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.data.Dataset;
import io.nngeom.optim.ColumnProvider;
import io.nngeom.optim.LassoPath;
import io.nngeom.optim.LassoProblem;
import io.nngeom.optim.LassoSolution;
import io.nngeom.convex.TwoLayer;
import io.nngeom.convex.experiments.FitFigures;
import io.nngeom.run.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (double b : betas) {
            if (!(b > 0) || !Double.isFinite(b)) {
                throw new InputException("--betas: every beta must be positive, got " + b);
            }
        }
        double[] sorted = betas.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            double t = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = t;
        }
        Dataset d = CliInputs.data(data, target, false);
        if (d.isClassification() || d.targetDim() != 1) {
            throw new InputException(data + ": convex training needs one real target column");
        }
        PenaltyNorm p = penalty.norm();
        if (depth < 2 || depth > 4) {
            throw new InputException("--depth: expected 2, 3 or 4, got " + depth);
        }
        if (depth > 2 && noBias) {
            throw new InputException("--no-bias: the deep 1-D theory has free biases; not available with --depth " + depth);
        }
        penalty.refuseAtDepth(depth);
        ColumnProvider dict;
        String description;
        Convex.Claim claim;
        if (depth > 2) {
            DeepDictionary dd = Convex.deepDictionary(d.x(), depth);
            dict = dd;
            description = dd.description();
            claim = new Convex.Claim(Exactness.EXACT, Convex.DEEP_EXACT_REASON);
        } else {
            Dictionary dd = Convex.dictionary(d.x(), p, !noBias);
            dict = dd;
            description = dd.description();
            claim = Convex.lassoClaim(d.inputDim(), p);
        }
        double[] y = d.y().colArray(0);
        List<LassoSolution> path = LassoPath.solve(Convex.lassoSolver(), new LassoProblem(dict, y, sorted[0], !noBias),
                sorted, Convex.lassoOptions(1e-10));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%-12s %-16s %-9s %-12s %s%n", "beta", "objective", "nonzeros", "l1Norm", "dualityGap");
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean capped = false;
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
            capped |= !s.converged();
            nnz[k] = s.nonzeros();
            obj[k] = s.primal();
            l1[k] = s.l1Norm();
            if (d.inputDim() == 1 && !noBias) {
                fits.add(fitted(dict, s.z(), s.intercept()));
            }
        }
        w.printf(Locale.ROOT, "dictionary: %s, %d columns%n", description, dict.cols());
        Exactness ex = capped ? Exactness.UPPER_BOUND : claim.exactness();
        String reason = claim.reason() + (capped ? "; BUT the solver stopped at its iteration cap before the tolerance at some beta "
                + "(rows with converged = false): there a feasible point, hence an upper bound" : "");
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

    /** The fitted function t ↦ Σ_j z_j a_j(t) + ξ of a 1-D path solution, for the path picture. */
    static DoubleUnaryOperator fitted(ColumnProvider dict, double[] z, double xi) {
        if (dict instanceof DeepDictionary dd) {
            return t -> {
                double f = xi;
                for (int j = 0; j < z.length; j++) {
                    if (z[j] != 0) {
                        f += z[j] * dd.feature(j, t);
                    }
                }
                return f;
            };
        }
        io.nngeom.net.Mlp m = TwoLayer.recover((Dictionary) dict, z, xi);
        return t -> m.apply(new io.nngeom.linalg.Matrix(1, 1, new double[] {t})).get(0, 0);
    }
}
