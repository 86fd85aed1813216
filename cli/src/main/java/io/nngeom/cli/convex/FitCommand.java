package io.nngeom.cli.convex;

import io.nngeom.cli.CliInputs;
import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.convex.Certificate;
import io.nngeom.convex.ConeDecomposition;
import io.nngeom.convex.Convex;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.FitResult;
import io.nngeom.convex.TwoLayer;
import io.nngeom.convex.Unitize;
import io.nngeom.convex.figures.FitFigures;
import io.nngeom.convex.figures.PlaneFigure;
import io.nngeom.data.Dataset;
import io.nngeom.io.GatedModelIo;
import io.nngeom.io.ModelIo;
import io.nngeom.io.Npy;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.Budget;
import io.nngeom.run.InputException;
import io.nngeom.run.Progress;
import io.nngeom.run.Seeds;
import io.nngeom.run.StderrProgress;
import io.nngeom.solvers.StopRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom convex fit}: solves a convex program for a regression data set and writes the recovered network. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Fit a two-layer ReLU network (with --depth 3|4: a deep narrow network on 1-D data) by convex optimisation and say whether the value is exact, an upper "
            + "or a lower bound on the network optimum, and why."})
public final class FitCommand implements Callable<Integer> {
    /** Most Adam runs {@code --gd-runs} accepts. */
    static final int GD_RUNS_MAX = 50;
    /** Width, steps per phase, phases and first learning rate of the {@code --gd-runs} networks. */
    static final int GD_WIDTH = 30;
    static final int GD_STEPS = 1500;
    static final int GD_PHASES = 4;
    static final double GD_LR = 1e-2;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Regression data (CSV, NPY, NPZ); last column is the target.")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Target column name (CSV) instead of the last column; "
            + "several comma-separated names (a,b,c) give several outputs (--method gated).")
    String target;

    @Option(names = "--classes", description = "The target holds class labels 0..K-1: K one-hot outputs, squared loss, one-vs-all with "
            + "shared gates (--method gated); reports trainAccuracy (and testAccuracy with --test).")
    boolean classes;

    @Option(names = "--decompose", description = "With --method gated: split every gated neuron into two ReLU neurons (cone decomposition, "
            + "Mishkin-Sahiner-Pilanci 2022) and report the ReLU network's objective next to the gated one; --out then writes the ReLU network.")
    boolean decompose;

    @Option(names = "--decompose-on", paramLabel = "FILE", description = "With --decompose: also make the ReLU network reproduce the gated "
            + "predictions on the inputs of FILE (data with the columns of --data, e.g. the --test file; their cone constraints are added, "
            + "at a larger penalty).")
    Path decomposeOn;

    @Option(names = "--unitize", description = "Scale every input column to unit Euclidean norm over the training rows before fitting, as scnn's "
            + "unitize_data does; the written model takes raw inputs (a gated model records the scales, a ReLU network has them folded in).")
    boolean unitize;

    @Option(names = "--gated-out", paramLabel = "MODEL", description = "With --method gated: write the gated model here (.json or .safetensors) "
            + "(without --decompose, --out does the same).")
    Path gatedOut;

    @Option(names = "--beta", required = true, paramLabel = "B", description = "Regularisation beta > 0.")
    double beta;

    @Mixin
    PenaltyOption penalty;

    @Option(names = "--no-bias", description = "Hidden biases and the output bias fixed at 0 (hyperplanes through the origin).")
    boolean noBias;

    @Option(names = "--method", paramLabel = "auto|lasso|exact|gated", defaultValue = "auto", description = "Program to solve (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--depth", paramLabel = "2|3|4", defaultValue = "2", description = "Network depth L (default: ${DEFAULT-VALUE}). "
            + "3 and 4: deep narrow networks on 1-D data (parallel width-1 chains, penalty (beta/L) sum |w|^L on all weights), "
            + "solved as a Lasso over the deep dictionary.")
    int depth;

    @Option(names = "--max-patterns", paramLabel = "N", defaultValue = "2000", description = "Sampled arrangement patterns (d >= 3) or gates (gated) (default: ${DEFAULT-VALUE}).")
    int maxPatterns;

    @Option(names = "--gates", paramLabel = "FILE.npy", description = "Gate vectors (a d x m matrix, (d+1) x m with bias): the gates of --method gated, or the patterns "
            + "--method exact is restricted to (like-for-like with scnn).")
    Path gates;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-10", description = "Relative duality gap at which to stop "
            + "(with --stop gradient: scnn's tol, the squared min-norm subgradient norm in scnn's scaling) (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--stop", paramLabel = "gap|gradient", defaultValue = "gap", description = {
        "Stopping rule of --method gated (default: ${DEFAULT-VALUE}). gap: certified relative duality gap <= --tolerance. "
            + "gradient: scnn's R-FISTA rule, ||min-norm subgradient of the objective/n||^2 <= --tolerance, uncertified; "
            + "the duality gap is measured once at the end and reported."})
    String stop;

    @Option(names = "--gd-runs", paramLabel = "K", defaultValue = "0", description = {
        "With --plot on 1-D data: also train K width-30 networks by full-batch Adam on the same objective (4 phases of "
            + "1500 steps, learning rate 1e-2 down to 1e-5) and draw their fits; their objectives go into the JSON as "
            + "gdObjectives (default: ${DEFAULT-VALUE})."})
    int gdRuns;

    @Option(names = "--out", paramLabel = "MODEL", description = "Write the recovered network (.json or .safetensors); with --method gated "
            + "the gated model (format nngeom-gated, read by eval and info), with --decompose the ReLU network.")
    Path out;

    @Option(names = "--test", paramLabel = "FILE", description = "Held-out data (same columns as --data): report testMse (and testAccuracy with --classes).")
    Path test;

    @Option(names = "--max-columns", paramLabel = "N", defaultValue = "" + FitOptions.DEFAULT_MAX_COLUMNS, description = {
        "Largest wedge dictionary a Lasso may build; larger ones are refused before any work (default: ${DEFAULT-VALUE})."})
    long maxColumns;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = {
        "Stop the solve after SECONDS with the best result so far, labelled with what it proves (default: no limit)."})
    Double timeLimit;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkOptions();
        FitOptions.Method m = FitOptions.Method.parse(method);
        Dataset d = CliInputs.data(data, target, classes);
        Matrix g = readGates(m);
        if ((decompose || gatedOut != null) && m != FitOptions.Method.GATED) {
            throw new InputException((decompose ? "--decompose" : "--gated-out") + ": only with --method gated");
        }
        if (decomposeOn != null && !decompose) {
            throw new InputException("--decompose-on: only with --decompose");
        }
        Matrix extra = null;
        if (decomposeOn != null) {
            Dataset e = CliInputs.data(decomposeOn, target, classes);
            CliInputs.checkInputs(d.inputDim(), "the training data " + data, e, decomposeOn);
            extra = e.x();
        }
        if (g != null && g.cols() == 0) {
            throw new InputException(gates + ": the gate matrix has no columns (shape " + g.rows() + " x 0); need at least one gate");
        }
        StopRule stopRule = StopRule.parse(stop, "--stop");
        if (stopRule == StopRule.GRADIENT && m != FitOptions.Method.GATED) {
            throw new InputException("--stop: gradient is only for --method gated; the other methods stop on the gap");
        }
        if (gdRuns > 0 && d.inputDim() != 1) {
            throw new InputException("--gd-runs: the Adam baselines are drawn for 1-D data only; " + data + " has "
                    + d.inputDim() + " input columns");
        }
        Dataset testData = null;
        if (test != null) {
            testData = CliInputs.data(test, target, classes);
            CliInputs.checkInputs(d.inputDim(), "the training data " + data, testData, test);
            if (!classes && testData.targetDim() != d.targetDim()) {
                throw new InputException(test + ": " + testData.targetDim() + " target columns, the training data " + data + " have " + d.targetDim());
            }
        }
        StderrProgress progress = common.quiet() ? null : StderrProgress.onStderr(2);
        FitOptions o = new FitOptions(beta, penalty.norm(), !noBias, m, maxPatterns, g, tolerance, common.seed(), depth, stopRule,
                maxColumns, Budget.of(timeLimit == null ? 0 : timeLimit, progress == null ? Progress.NONE : progress));
        refuseUnused(o, d);
        if (!common.quiet()) {
            System.err.println("convex fit: " + Convex.plan(d.size(), d.inputDim(), o));
        }
        Outcome oc = solve(d, o, extra, progress);
        FitResult r = oc.r();
        ConeDecomposition.Result dec = oc.dec();
        writeModels(r, dec);
        FitMetrics fm = FitMetrics.of(r.gated() != null ? r.gated()::apply : r.model() == null ? null : r.model()::apply, d, testData);
        FitMetrics dm = dec == null ? null : FitMetrics.of(dec.network()::apply, d, testData);
        print(oc, fm, dm);
        CommandResult res = json(o, d, oc, fm, dm);
        figures(res, o, d, r);
        res.finish();
        return 0;
    }

    /** The fit, its verdict and decomposition, with the models on raw inputs. */
    private record Outcome(FitResult r, Certificate verdict, ConeDecomposition.Result dec) {
    }

    /** Checks every option that needs no data, before any work. */
    private void checkOptions() {
        if (depth < 2 || depth > 4) {
            throw new InputException("--depth: expected 2, 3 or 4, got " + depth);
        }
        penalty.refuseAtDepth(depth);
        if (depth > 2 && spec.commandLine().getParseResult().hasMatchedOption("--max-patterns")) {
            throw new InputException("--max-patterns: not used at depth " + depth + " (the deep dictionary is enumerated completely)");
        }
        if (out != null) {
            ModelIo.checkExtension(out);
        }
        if (gatedOut != null) {
            ModelIo.checkExtension(gatedOut);
        }
        if (gdRuns < 0 || gdRuns > GD_RUNS_MAX) {
            throw new InputException("--gd-runs: must lie in [0, " + GD_RUNS_MAX + "], got " + gdRuns);
        }
        if (gdRuns > 0 && depth != 2) {
            throw new InputException("--gd-runs: the Adam baselines are two-layer networks; only with --depth 2");
        }
        if (gdRuns > 0 && common.plot() == null) {
            throw new InputException("--gd-runs: the Adam baselines are drawn into the --plot pictures; give --plot DIR");
        }
        if (timeLimit != null) {
            CliInputs.positive("--time-limit", timeLimit);
        }
    }

    private Matrix readGates(FitOptions.Method m) {
        Matrix g = null;
        if (gates != null) {
            if (m != FitOptions.Method.GATED && m != FitOptions.Method.EXACT) {
                throw new InputException("--gates: only with --method gated or exact");
            }
            var a = Npy.read(gates);
            if (a.rank() != 2) {
                throw new InputException(gates + ": gates must be a 2-D array (d x m), got rank " + a.rank());
            }
            g = new Matrix(a.rows(), a.cols(), a.data().clone());
        }
        return g;
    }

    private Outcome solve(Dataset d, FitOptions o, Matrix extra, StderrProgress progress) {
        FitResult r;
        Certificate verdict;
        ConeDecomposition.Result dec;
        Unitize u = unitize ? Unitize.of(d) : null;
        try {
            Dataset fd = u == null ? d : u.data();
            r = Convex.fit(fd, o);
            verdict = Convex.verdict(fd, o, r);
            dec = decompose ? Convex.decompose(fd, extra == null || u == null ? extra : Unitize.scaled(extra, u.scale()), o, r) : null;
            if (u != null) {
                r = u.onRawInputs(r);
                dec = dec == null ? null : new ConeDecomposition.Result(u.onRawInputs(dec.network()), dec.objective(), dec.penalty(),
                        dec.maxDeviation(), dec.exact(), dec.neurons(), dec.split(), dec.failed());
            }
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        return new Outcome(r, verdict, dec);
    }

    private void writeModels(FitResult r, ConeDecomposition.Result dec) {
        if (out != null) {
            if (dec != null) {
                ModelIo.write(dec.network(), out);
            } else if (r.gated() != null) {
                GatedModelIo.write(r.gated(), out);
            } else if (r.model() != null) {
                ModelIo.write(r.model(), out);
            }
        }
        if (gatedOut != null) {
            GatedModelIo.write(r.gated(), gatedOut);
        }
    }

    private void print(Outcome oc, FitMetrics fm, FitMetrics dm) {
        FitResult r = oc.r();
        Certificate verdict = oc.verdict();
        ConeDecomposition.Result dec = oc.dec();
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "method        %s (%s)%n", r.method(), r.dictionary());
        w.printf(Locale.ROOT, "objective     %.12g   (convex program)%n", r.objective());
        w.printf(Locale.ROOT, "nnObjective   %.12g   (recovered network)%n", r.nnObjective());
        w.printf(Locale.ROOT, "dualityGap    %.3e   lowerBound %.12g%n", r.dualityGap(), r.lowerBound());
        w.printf(Locale.ROOT, "nonzeros      %d   l1Norm %.6g   columns %d%n", r.nonzeros(), r.l1Norm(), r.columns());
        fm.print(w, "");
        if (dec != null) {
            w.printf(Locale.ROOT, "decomposed    %s ReLU network, objective %.12g (gated %.12g), %d neurons (%d split), max deviation from the "
                    + "gated predictions %.3e: %s%n", dec.exact() ? "exact" : "INEXACT", dec.objective(), r.objective(),
                    dec.neurons(), dec.split(), dec.maxDeviation(), dec.exact() ? "same predictions on the training data" + (decomposeOn == null ? "" : " and the inputs of " + decomposeOn)
                            : "differs from the gated network on the training data" + (dec.failed() > 0 ? " (" + dec.failed() + " neurons not split)" : ""));
            dm.print(w, "decomposed ");
        }
        w.printf(Locale.ROOT, "exactness     %s: %s%n", r.exactness().id(), r.reason());
        if (verdict != null) {
            w.printf(Locale.ROOT, "verdict       %s%s: %s%n", verdict.verdict().id(), Double.isNaN(verdict.gapPercent()) ? ""
                    : String.format(Locale.ROOT, " (gap %.4g %%)", verdict.gapPercent()), verdict.evidence());
        }
        if (out != null && (r.model() != null || r.gated() != null)) {
            w.printf(Locale.ROOT, "model         %s (%s)%n", out, dec != null ? dec.network().architecture()
                    : r.gated() != null ? r.gated().architecture() : r.model().architecture());
        }
        w.flush();
    }

    private CommandResult json(FitOptions o, Dataset d, Outcome oc, FitMetrics fm, FitMetrics dm) {
        FitResult r = oc.r();
        Certificate verdict = oc.verdict();
        ConeDecomposition.Result dec = oc.dec();
        CommandResult res = CommandResult.start("convex fit", common)
                .put("data", data.toString())
                .put("beta", beta)
                .put("penalty", depth > 2 ? "l" + depth + "^" + depth : o.norm().id())
                .put("depth", depth)
                .put("bias", o.bias())
                .put("method", r.method())
                .put("objective", r.objective())
                .put("nnObjective", r.nnObjective())
                .put("dualityGap", r.dualityGap())
                .put("lowerBound", r.lowerBound())
                .put("nonzeros", r.nonzeros())
                .put("l1Norm", r.l1Norm())
                .put("classes", classes)
                .put("unitize", unitize)
                .put("outputs", d.targetDim())
                .put("trainMse", fm.trainMse())
                .put("testMse", fm.testMse())
                .put("trainAccuracy", fm.trainAccuracy())
                .put("testAccuracy", fm.testAccuracy())
                .put("test", test == null ? null : test.toString())
                .put("exactness", r.exactness().id())
                .put("verdict", verdict == null ? null : verdict.verdict().id())
                .put("gapPercent", verdict == null ? Double.NaN : verdict.gapPercent())
                .put("verdictEvidence", verdict == null ? null : verdict.evidence())
                .put("reason", r.reason())
                .put("stopRule", o.stop().id())
                .put("columns", r.columns())
                .put("dictionary", r.dictionary())
                .put("solverSeconds", r.run().seconds())
                .put("model", out == null ? null : out.toString())
                .put("gapIterations", r.gapIterations())
                .put("gapHistory", r.gapHistory())
                .put("gatedModel", gatedOut != null ? gatedOut.toString() : r.gated() != null && dec == null && out != null ? out.toString() : null);
        if (dec != null) {
            res.put("decomposed", dec.exact() ? "exact" : "inexact")
                    .put("decomposedObjective", dec.objective())
                    .put("decomposedPenalty", dec.penalty())
                    .put("decomposedNeurons", dec.neurons())
                    .put("decomposedSplit", dec.split())
                    .put("decomposedFailed", dec.failed())
                    .put("decomposedMaxDeviation", dec.maxDeviation())
                    .put("decomposedTrainMse", dm.trainMse())
                    .put("decomposedTestMse", dm.testMse())
                    .put("decomposedTrainAccuracy", dm.trainAccuracy())
                    .put("decomposedTestAccuracy", dm.testAccuracy());
        }
        return res;
    }

    private void figures(CommandResult res, FitOptions o, Dataset d, FitResult r) {
        if (r.gapHistory().length > 0) {
            boolean colgen = r.dictionary().startsWith("column generation");
            res.figure(FitFigures.gap("convex-fit-gap", "exact".equals(r.method())
                    ? (colgen ? "exact program (column generation): certified relative gap vs pricing rounds"
                            : "exact program: constraint violation vs augmented-Lagrangian steps")
                    : r.method() + ": relative duality gap vs iterations", colgen ? "pricing round" : "iteration", r.method(),
                    r.gapIterations(), r.gapHistory()));
        }
        if (common.plot() != null && r.model() != null && d.inputDim() == 1) {
            List<Mlp> gd = new ArrayList<>();
            double[] gdObjectives = new double[gdRuns];
            double[] y = d.y().colArray(0);
            for (int k = 0; k < gdRuns; k++) {
                Mlp net = TwoLayer.adam(d, beta, GD_WIDTH, Seeds.child(common.seed(), "gd-run-" + k), GD_STEPS, GD_LR, GD_PHASES).model();
                gd.add(net);
                gdObjectives[k] = TwoLayer.objective(net, d.x(), y, beta, o.norm());
            }
            res.figure(FitFigures.fit1d("convex-fit-1d", d, r.model(), gd, beta));
            if (gdRuns > 0) {
                res.put("gdObjectives", gdObjectives);
            }
        } else if (common.plot() != null && r.model() != null && d.inputDim() == 2) {
            res.figure(PlaneFigure.draw("convex-fit-plane", String.format(Locale.ROOT,
                    "2-D %s fit (beta = %s, %s penalty, %s): neuron lines and level regions of f", r.method(), FitFigures.num(beta), o.norm().id(), r.exactness().id()),
                    d, r.model()));
        }
    }

    /** Options the resolved program does not use are refused, not ignored. */
    private void refuseUnused(FitOptions o, Dataset d) {
        FitOptions.Method resolved = Convex.resolve(d.size(), d.inputDim(), o);
        boolean sampled = o.gates() == null && (resolved == FitOptions.Method.GATED
                || resolved == FitOptions.Method.EXACT && d.inputDim() >= 3);
        if (depth == 2 && given("--max-patterns") && !sampled) {
            throw new InputException("--max-patterns: not used by the program solved here (" + resolved.id() + " on " + d.inputDim()
                    + "-D data" + (o.gates() != null ? " with given gates" : "") + "); it caps sampled patterns (--method exact, d >= 3) or gates (--method gated)");
        }
        if (given("--max-columns") && resolved == FitOptions.Method.GATED) {
            throw new InputException("--max-columns: not used by --method gated (no wedge dictionary is built)");
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
