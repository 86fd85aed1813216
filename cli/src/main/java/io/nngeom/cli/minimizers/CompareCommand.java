package io.nngeom.cli.minimizers;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.minimizers.CompareOptions;
import io.nngeom.minimizers.CompareResult;
import io.nngeom.minimizers.Minimizers;
import io.nngeom.plot.Chart;
import io.nngeom.run.StderrProgress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom minimizers compare}: the constructed minimizer against Adam and L-BFGS. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Compare the constructed minimizer with Adam and L-BFGS training.",
            "Same architecture, several random initialisations (He normal weights, zero biases)."})
public final class CompareCommand implements Callable<Integer> {
    private static final double LOG_FLOOR = 1e-32;

    @Mixin
    DataSource source;

    @Mixin
    LayersOption layers;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10",
            description = "Random initialisations per optimizer (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--adam-steps", paramLabel = "N", defaultValue = "15000",
            description = "Full-batch Adam steps (default: ${DEFAULT-VALUE}).")
    int adamSteps;

    @Option(names = "--lr", paramLabel = "ETA", defaultValue = "3e-3", description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--lbfgs-steps", paramLabel = "N", defaultValue = "2000",
            description = "L-BFGS iterations (default: ${DEFAULT-VALUE}).")
    int lbfgsSteps;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var data = source.load();
        CompareOptions opt = new CompareOptions(layers.layers(), seeds, adamSteps, lr, lbfgsSteps, common.seed());
        CommandResult result = CommandResult.start("minimizers compare", common);
        CompareResult r;
        try (StderrProgress progress = common.progress(spec.commandLine().getErr())) {
            r = Minimizers.compare(data, opt, progress.prefixed("minimizers compare"));
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        Chart chart = Chart.of("minimizers-compare", "Adam training curves against the constructed cost", "iteration", "C2")
                .withLogY();
        for (CompareResult.Run run : r.runs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("optimizer", run.optimizer());
            m.put("seed", run.seed());
            m.put("cost", run.cost());
            runs.add(m);
            if (run.optimizer().equals("adam")) {
                double[] x = new double[run.iterations().length];
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.max(1, run.iterations()[i]);
                    y[i] = Math.max(LOG_FLOOR, run.history()[i]);
                }
                chart = chart.line("Adam, seed " + run.seed(), x, y);
            }
        }
        double cc = Math.max(LOG_FLOOR, r.constructedCost());
        chart = chart.withSeries(new Chart.Series("constructed minimizer", new double[] {1, Math.max(1, adamSteps)},
                new double[] {cc, cc}, Chart.Series.Style.DASHED));
        result.put("constructedCost", r.constructedCost())
                .put("bestTrained", r.best(null))
                .put("adamBest", r.best("adam")).put("adamMedian", r.median("adam"))
                .put("lbfgsBest", r.best("lbfgs")).put("lbfgsMedian", r.median("lbfgs"))
                .put("constructedAtMostBest", r.constructedCost() <= r.best(null) + 1e-12)
                .put("plateaus", r.plateaus())
                .put("runsAtPlateau", r.atPlateau(1e-3))
                .put("runs", runs)
                .figure(chart);
        result.finish();
        PrintWriter w = spec.commandLine().getOut();
        w.println("constructed C2 = " + Fmt.e(r.constructedCost()));
        w.println("Adam   (" + seeds + " seeds): best " + Fmt.e(r.best("adam")) + ", median " + Fmt.e(r.median("adam")));
        w.println("L-BFGS (" + seeds + " seeds): best " + Fmt.e(r.best("lbfgs")) + ", median " + Fmt.e(r.median("lbfgs")));
        w.println(r.atPlateau(1e-3) + " of " + r.runs().size() + " runs ended within 1e-3 of a merged-class plateau");
        w.flush();
        return Main.OK;
    }
}
