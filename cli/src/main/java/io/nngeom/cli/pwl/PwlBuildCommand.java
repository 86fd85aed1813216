package io.nngeom.cli.pwl;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.cli.options.NetworkOut;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.Piecewise;
import io.nngeom.piecewise.PwlSpec;
import io.nngeom.piecewise.SpecIo;
import io.nngeom.run.Heartbeat;
import io.nngeom.run.InputException;
import io.nngeom.run.StderrProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom pwl build}: the network a PL spec calls for, measured against the spec. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Build a ReLU network from a piecewise-linear spec (JSON: pwl1d, triangulation, maxmin, points; "
                + "see docs/theory/piecewise.md) and measure it against the spec.",
            "--depth shallow: one hidden layer (C1, C2 with the representability test, C3); "
                + "--depth deep: the max-min lattice network (C5), exact on any convex triangulation."})
public final class PwlBuildCommand implements Callable<Integer> {

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "The PL function spec (JSON).")
    Path specFile;

    @Option(names = "--depth", paramLabel = "shallow|deep", defaultValue = "deep",
            description = "One hidden layer or deep (default: ${DEFAULT-VALUE}).")
    Piecewise.Depth depth;

    @Mixin
    NetworkOut modelOut;

    @Option(names = "--test-points", paramLabel = "N", defaultValue = "20000",
            description = "Random test points for maxError (default: ${DEFAULT-VALUE}).")
    int testPoints;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Piecewise.Depth d = depth;
        if (testPoints < 1) {
            throw new InputException("--test-points: must be at least 1, got " + testPoints);
        }
        modelOut.check();
        PwlSpec s = SpecIo.read(specFile);
        CommandResult result = CommandResult.start("pwl build", common);
        Piecewise.BuildResult r;
        try (StderrProgress progress = common.progress(spec.commandLine().getErr());
             Heartbeat beat = Heartbeat.start(progress, "pwl build")) {
            r = Piecewise.build(s, new Piecewise.BuildOptions(d, testPoints, common.seed()), beat.prefixed("pwl build"));
        }
        if (!allFinite(r.net()) || !Double.isFinite(r.maxError())) {
            throw InputException.of(specFile, "the built network " + (allFinite(r.net()) ? "overflows float64 on the test points"
                    : "has non-finite weights") + ": the spec's values or slopes are too large, or its breakpoints too close");
        }
        modelOut.write(r.net());
        result.put("spec", specFile.toString()).put("specType", r.specType()).put("depth", d.name().toLowerCase(Locale.ROOT))
                .put("construction", r.construction().name()).put("architecture", r.net().architecture())
                .put("hiddenLayers", r.hiddenLayers()).put("hiddenUnits", r.hiddenUnits())
                .put("maxError", r.maxError()).put("maxAbsValue", r.maxAbsValue()).put("testPoints", r.testPoints())
                .put("representable", r.representable()).put("residual", r.residual())
                .put("details", r.construction().details());
        if (modelOut.file() != null) {
            result.put("model", modelOut.name());
        }
        result.finish();
        if (!common.quiet()) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s (%s, %s): %d hidden layer%s, %d hidden units, max error %.3e on %d points%n",
                    r.construction().name(), r.specType(), d.name().toLowerCase(Locale.ROOT), r.hiddenLayers(),
                    r.hiddenLayers() == 1 ? "" : "s", r.hiddenUnits(),
                    r.maxError(), r.testPoints());
            if (d == Piecewise.Depth.SHALLOW) {
                out.printf(Locale.ROOT, "representable with one hidden layer: %s (residual %.3e)%n", r.representable(), r.residual());
            }
            out.flush();
        }
        return Main.OK;
    }

    private static boolean allFinite(Mlp net) {
        for (Layer l : net.layers()) {
            if (!l.weight().allFinite() || !Arrays.stream(l.bias()).allMatch(Double::isFinite)) {
                return false;
            }
        }
        return true;
    }
}
