package io.nngeom.cli.convex;

import io.nngeom.cli.CliInputs;
import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.options.SafetensorsActivation;
import io.nngeom.convex.Certificate;
import io.nngeom.convex.CertifyOptions;
import io.nngeom.convex.Convex;
import io.nngeom.convex.FitOptions;
import io.nngeom.data.Dataset;
import io.nngeom.net.Mlp;
import io.nngeom.run.Budget;
import io.nngeom.run.InputException;
import io.nngeom.run.Progress;
import io.nngeom.run.StderrProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom convex certify}: is a trained ReLU network a global optimum of the regularised problem? */
@Command(name = "certify", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Certify a trained two-layer ReLU network (nngeom JSON, or safetensors from PyTorch) in any dimension: its "
            + "objective, the dual constraint max|theta'(Xw+b)+|/beta at its residual (1 at a global optimum), and a verdict: "
            + "optimal (the constraint checked over every neuron and the gap to the lower bound within --max-gap), not-optimal "
            + "(a neuron violates the constraint: a better network is built and its objective shown), or undecided."})
public final class CertifyCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The network (.json or .safetensors), d-m-1 ReLU.")
    Path model;

    @Mixin
    SafetensorsActivation activation;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Regression data (CSV, NPY, NPZ, or builtin:NAME).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Target column name (CSV).")
    String target;

    @Option(names = "--beta", required = true, paramLabel = "B", description = "Regularisation beta > 0 of the objective.")
    double beta;

    @Mixin
    PenaltyOption penalty;

    @Option(names = "--max-patterns", paramLabel = "N", defaultValue = "2000", description = {
        "d >= 3: a complete arrangement-pattern set up to N patterns proves optimality; beyond, N sampled patterns are "
            + "searched for a violating neuron (default: ${DEFAULT-VALUE})."})
    int maxPatterns;

    @Option(names = "--max-columns", paramLabel = "N", defaultValue = "" + FitOptions.DEFAULT_MAX_COLUMNS, description = {
        "d >= 3 under l1: the largest wedge-and-basis dictionary checked completely (default: ${DEFAULT-VALUE})."})
    long maxColumns;

    @Option(names = "--max-gap", paramLabel = "PERCENT", defaultValue = "" + CertifyOptions.DEFAULT_MAX_GAP_PERCENT, description = {
        "Relative gap to the lower bound, in percent, within which a certified model is called optimal (default: ${DEFAULT-VALUE})."})
    double maxGap;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop the search after SECONDS; the verdict says what was checked.")
    Double timeLimit;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (timeLimit != null) {
            CliInputs.positive("--time-limit", timeLimit);
        }
        Mlp m = activation.read(model);
        if (m.layerCount() > 2 && penalty.given()) {
            throw new InputException("--penalty: a depth-" + m.layerCount() + " model is judged by (beta/L) sum |w|^L; omit --penalty");
        }
        Dataset d = CliInputs.data(data, target, false);
        CliInputs.checkInputs(m.inputDim(), "the model " + model + " (" + m.architecture() + ")", d, data);
        StderrProgress progress = common.quiet() ? null : StderrProgress.onStderr(2);
        CertifyOptions o = new CertifyOptions(beta, penalty.norm(), maxPatterns, maxColumns, maxGap, common.seed(),
                Budget.of(timeLimit == null ? 0 : timeLimit, progress == null ? Progress.NONE : progress));
        if (!common.quiet()) {
            System.err.println("convex certify: " + Convex.certifyPlan(d.size(), d.inputDim(), m.layerCount(), o));
        }
        Certificate c;
        try {
            c = Convex.certify(m, d, o);
        } catch (InputException e) {
            throw e.getMessage().startsWith("model:") ? InputException.of(model, e.getMessage().substring(6).trim()) : e;
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        print(c);
        CommandResult.start("convex certify", common).put("model", model.toString()).put("data", data.toString())
                .put("beta", beta).put("penalty", m.layerCount() > 2 ? "l" + m.layerCount() + "^" + m.layerCount() : o.norm().id())
                .put("depth", m.layerCount()).put("verdict", c.verdict().id()).put("evidence", c.evidence())
                .put("nnObjective", c.nnObjective()).put("dualRatio", c.dualRatio())
                .put("lowerBound", c.lowerBound()).put("gapPercent", c.gapPercent()).put("maxGapPercent", maxGap)
                .put("certified", c.certified()).put("how", c.how()).put("residualMean", c.residualMean())
                .put("improvedObjective", c.improvedObjective()).put("violatingNeuron", c.violator()).finish();
        return 0;
    }

    private void print(Certificate c) {
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "verdict       %s%n", c.verdict().id());
        w.printf(Locale.ROOT, "nnObjective   %.12g%n", c.nnObjective());
        w.printf(Locale.ROOT, "dualRatio     %.8f   (max |theta'(Xw+b)+|/beta over the neurons %s; 1 at a global optimum)%n",
                c.dualRatio(), c.certified() ? "of the whole problem" : "searched");
        if (c.certified()) {
            w.printf(Locale.ROOT, "lowerBound    %.12g   (certified)%n", c.lowerBound());
            w.printf(Locale.ROOT, "gap           %.6g %% above the lower bound%n", c.gapPercent());
        } else {
            w.printf(Locale.ROOT, "lowerBound    none   (the check over every neuron did not fit the limits)%n");
        }
        if (c.verdict() == Certificate.Verdict.NOT_OPTIMAL) {
            w.printf(Locale.ROOT, "improved      %.12g   (objective of the model with the violating neuron added)%n", c.improvedObjective());
        }
        w.printf(Locale.ROOT, "evidence      %s%n", c.evidence());
        w.flush();
    }
}
