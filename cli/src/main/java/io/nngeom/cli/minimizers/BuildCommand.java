package io.nngeom.cli.minimizers;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.cli.options.NetworkOut;
import io.nngeom.data.Dataset;
import io.nngeom.minimizers.BuildOptions;
import io.nngeom.minimizers.BuildResult;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.minimizers.LayerReport;
import io.nngeom.minimizers.Minimizers;
import io.nngeom.minimizers.Pictures;
import io.nngeom.plot.Chart;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom minimizers build}: the explicit zero-cost minimizer for L ≥ Q. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Build the explicit zero-cost network for L >= Q hidden layers.",
            "L hidden ReLU layers of width Q and an affine output: layer l collapses one class to an apex point,",
            "the output layer interpolates the apexes.",
            "Inputs with d != Q columns first pass an affine map into R^Q (the affine span of the class means, lifted",
            "to z_Q = 1), folded into the first hidden layer; the condition is checked on the mapped data.",
            "Refuses (exit 2) when the clustering condition fails, naming the class and the step."})
public final class BuildCommand implements Callable<Integer> {

    @Mixin
    DataSource source;

    @Mixin
    LayersOption layers;

    @Option(names = "--order", paramLabel = "K", split = ",",
            description = "Truncation order: the class labels (0..Q-1) in the order they are collapsed (default 0,1,...,Q-1).")
    int[] order;

    @Option(names = "--theta", paramLabel = "X", defaultValue = "" + BuildOptions.DEFAULT_THETA,
            description = "Apex position in (0,1) between the collapsed cluster (0) and the nearest other point (1) (default: ${DEFAULT-VALUE}).")
    double theta;

    @Option(names = "--normal", paramLabel = "RULE", defaultValue = "MEAN_DIFFERENCE",
            description = "Separating normal: MEAN_DIFFERENCE (LP fallback) or MAX_MARGIN (default: ${DEFAULT-VALUE}).")
    BuildOptions.Normal normal;

    @Mixin
    NetworkOut modelOut;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        modelOut.check();
        Dataset data = source.load();
        BuildOptions opt = BuildOptions.defaults(layers.layers()).withOrder(order).withTheta(theta).withNormal(normal)
                .withSeed(common.seed());
        CommandResult result = CommandResult.start("minimizers build", common);
        BuildResult r = Minimizers.build(data, opt);
        modelOut.write(r.model());
        ClusteredData cd = r.data();
        List<Map<String, Object>> ls = new ArrayList<>();
        List<double[]> apexes = new ArrayList<>();
        List<Double> margins = new ArrayList<>();
        for (LayerReport l : r.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", l.layer());
            m.put("collapsed", l.collapsed());
            m.put("apex", l.apex());
            m.put("normal", l.normal());
            m.put("margin", l.margin());
            m.put("lpMargin", l.lpMargin());
            m.put("slope", l.slope());
            m.put("requiredSlope", l.requiredSlope());
            m.put("minPreActivation", l.minPreActivation());
            m.put("collapsedSpread", l.collapsedSpread());
            m.put("othersMoved", l.othersMoved());
            m.put("condA", l.condA());
            m.put("condW", l.condW());
            ls.add(m);
            apexes.add(l.apex());
            margins.add(l.margin());
        }
        result.put("cost", r.cost())
                .put("costSqrt", r.costSqrt())
                .put("Q", cd.classes())
                .put("L", r.hiddenLayers())
                .put("N", cd.size())
                .put("order", r.order())
                .put("apex", apexes)
                .put("margin", margins)
                .put("gradientNorm", r.gradientNorm())
                .put("minPreActivation", r.minPreActivation())
                .put("sigmaMinApex", r.sigmaMinApex())
                .put("delta", cd.delta())
                .put("deltaP", cd.deltaP())
                .put("noiseToSignal", cd.noiseToSignal())
                .put("meanSeparation", cd.meanSeparation())
                .put("inputs", data.inputDim())
                .put("firstLayer", r.projection() == null ? null : r.projection().rule())
                .put("architecture", r.model().architecture())
                .put("model", modelOut.name())
                .put("layers", ls);
        for (Chart c : Pictures.curated(r, "minimizers-build")) {
            result.figure(c);
        }
        result.finish();
        PrintWriter w = spec.commandLine().getOut();
        w.println("explicit minimizer: " + source.describe() + ", Q = " + cd.classes() + ", N = " + cd.size()
                + ", L = " + r.hiddenLayers() + ", order " + Arrays.toString(r.order()));
        if (r.projection() != null) {
            w.println("  affine first layer: " + r.projection().rule() + "; the clustering condition holds on the projected data");
        }
        w.println("  delta = " + Fmt.g(cd.delta()) + ", delta_P = " + Fmt.g(cd.deltaP()) + ", rho = "
                + Fmt.g(cd.meanSeparation()));
        for (LayerReport l : r.layers()) {
            w.println("  layer " + l.layer() + ": " + (l.isIdentity() ? "identity"
                    : "collapses class " + l.collapsed()[0] + ", margin " + Fmt.g(l.margin()) + ", slope "
                    + Fmt.g(l.slope()) + ", cond(W) " + Fmt.g(l.condW())) + ", min |pre-activation| "
                    + Fmt.g(l.minPreActivation()));
        }
        w.println("cost C2 = " + Fmt.e(r.cost()) + "  (C = " + Fmt.e(r.costSqrt()) + ", |grad C2| = "
                + Fmt.e(r.gradientNorm()) + ")" + (modelOut.file() == null ? "" : "  model: " + modelOut.file()));
        w.flush();
        return Main.OK;
    }
}
