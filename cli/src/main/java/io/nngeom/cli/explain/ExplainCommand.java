package io.nngeom.cli.explain;

import io.nngeom.cli.CliInputs;
import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.cli.options.SafetensorsActivation;
import io.nngeom.cli.options.TargetOptions;
import io.nngeom.data.Dataset;
import io.nngeom.explain.Explain;
import io.nngeom.explain.ExplainOptions;
import io.nngeom.explain.ExplainResult;
import io.nngeom.net.Mlp;
import io.nngeom.report.HtmlReport;
import io.nngeom.run.StderrProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom explain}: what each layer of a trained network does, through the four theories (docs/explain.md). */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Explain a trained ReLU network on its data, layer by layer: dead units, activation patterns and "
                + "linear regions along segments, distinguishability, H-score and the output layer against its "
                + "fixed-feature optimum, class collapse (NC1), and with --beta the convex certificate of the last two "
                + "layers. Writes a table, DIR/index.html and the JSON."})
public final class ExplainCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The trained model (.json or .safetensors).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data to explain it on (CSV, NPY, NPZ or builtin:NAME).")
    Path data;

    @Option(names = "--test", paramLabel = "FILE", description = "Held-out data: H-score, collapse and accuracy are also measured on it.")
    Path test;

    @Option(names = "--beta", paramLabel = "B", description = "Certify the last two layers (convex theory) at this beta.")
    Double beta;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "" + ExplainOptions.DEFAULT_SEGMENTS,
            description = "Random pairs of data points whose segments are partitioned exactly (default: ${DEFAULT-VALUE}).")
    int segments;

    @Option(names = "--planes", paramLabel = "N", defaultValue = "" + ExplainOptions.DEFAULT_PLANES,
            description = "Planes through three data points drawn with their linear regions, 0 to 3 (default: ${DEFAULT-VALUE}).")
    int planes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory of the HTML report (DIR/index.html).")
    Path out;

    @Mixin
    TargetOptions target;

    @Mixin
    SafetensorsActivation activation;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExplainOptions.check(segments, planes, beta == null ? Double.NaN : beta);
        HtmlReport.checkTarget(out);
        Mlp m = activation.read(model);
        Dataset d = target.read(data);
        CliInputs.checkInputs(m.inputDim(), "the model " + model + " (" + m.architecture() + ")", d, data);
        Dataset t = null;
        if (test != null) {
            t = target.read(test);
            CliInputs.checkInputs(m.inputDim(), "the model " + model + " (" + m.architecture() + ")", t, test);
        }
        ExplainOptions o = new ExplainOptions(m, d, t, beta == null ? Double.NaN : beta, segments, planes, common.seed());
        ExplainResult r;
        try (StderrProgress progress = common.progress(spec.commandLine().getErr())) {
            r = Explain.run(o, progress);
            progress.clear();
        }
        PrintWriter o2 = CommandResult.isStdout(common.json()) ? spec.commandLine().getErr() : spec.commandLine().getOut();
        ExplainTable.print(o2, r, model, data);
        Path index = HtmlReport.writeDirectory(out, "explain", dir -> ExplainPage.render(dir, r, model, data, test));
        if (!common.quiet()) {
            spec.commandLine().getErr().println("report: " + index);
        }
        CommandResult result = CommandResult.start("explain", common);
        result.put("model", model.toString()).put("data", data.toString()).put("test", test == null ? null : test.toString())
                .put("report", index.toString());
        result.put("architecture", r.architecture()).put("samples", r.samples()).put("classes", r.classes())
                .put("testSamples", r.testSamples()).put("accuracy", r.accuracy()).put("testAccuracy", r.testAccuracy())
                .put("segments", r.segments()).put("summary", r.summary()).put("layers", r.layers())
                .put("planes", r.planes()).put("optimality", r.optimality()).put("notes", r.notes());
        if (r.optimality() != null) {
            result.put("certificate", Map.of("verdict", r.optimality().verdict()));
        }
        r.figures().forEach(result::figure);
        result.finish();
        return Main.OK;
    }
}
