package io.nngeom.cli.minimizers;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.minimizers.Configuration;
import io.nngeom.minimizers.LocalMinimaOptions;
import io.nngeom.minimizers.LocalMinimaResult;
import io.nngeom.minimizers.Minimizers;
import io.nngeom.minimizers.Pictures;
import io.nngeom.validate.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom minimizers local-minima}: the candidate local minima for every subset of classes. */
@Command(name = "local-minima", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Measure the candidate local minima for every subset S of classes.",
            "Collapse exactly S (least-squares output) and, for |S| >= 2, merge S into one point; report cost,",
            "gradient, descending random directions and what gradient descent does."})
public final class LocalMinimaCommand implements Callable<Integer> {

    @Mixin
    DataSource source;

    @Mixin
    LayersOption layers;

    @Option(names = "--directions", paramLabel = "N", defaultValue = "200",
            description = "Random unit directions per epsilon (default: ${DEFAULT-VALUE}).")
    int directions;

    @Option(names = "--gd-steps", paramLabel = "N", defaultValue = "2000",
            description = "Gradient-descent steps (Armijo backtracking) from each configuration (default: ${DEFAULT-VALUE}).")
    int gdSteps;

    @Option(names = "--gd-rate", paramLabel = "ETA", defaultValue = "0.05",
            description = "Initial gradient-descent step size (default: ${DEFAULT-VALUE}).")
    double gdRate;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var data = source.load();
        LocalMinimaOptions opt = new LocalMinimaOptions(layers.layers(), directions, new double[] {1e-6, 1e-4}, gdSteps, gdRate,
                common.seed());
        CommandResult result = CommandResult.start("minimizers local-minima", common);
        LocalMinimaResult r = Minimizers.localMinima(data, opt);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Configuration c : r.configurations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("configuration", c.label());
            m.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
            m.put("classes", c.classes());
            m.put("cost", c.cost());
            m.put("predictedCost", c.closedForm());
            m.put("gradientNorm", c.gradientNorm());
            m.put("hiddenGradientNorm", c.hiddenGradientNorm());
            m.put("descentFraction", c.descentFraction());
            m.put("minCostChange", c.minCostChange());
            m.put("costAfterDescent", c.costAfterDescent());
            m.put("descentDistance", c.descentDistance());
            m.put("localMinimum", c.localMinimum());
            rows.add(m);
        }
        result.put("Q", r.classes()).put("L", r.layers()).put("affineLeastSquares", r.affineLeastSquares())
                .put("localMinima", r.localMinimumCount()).put("configurations", rows);
        result.finish();
        Table t = Pictures.localMinimaTable(r);
        PrintWriter w = spec.commandLine().getOut();
        w.println(t.title());
        printTable(w, t);
        w.println(r.localMinimumCount() + " of " + r.configurations().size()
                + " configurations pass the numerical local-minimum tests (the paper announces 2^Q - 1 = "
                + ((1 << r.classes()) - 1) + ")");
        w.flush();
        return Main.OK;
    }

    static void printTable(PrintWriter w, Table t) {
        int[] width = new int[t.headers().size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = t.headers().get(i).length();
            for (List<String> row : t.rows()) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            sb.append(String.format("%-" + width[i] + "s  ", t.headers().get(i)));
        }
        w.println(sb.toString().stripTrailing());
        for (List<String> row : t.rows()) {
            sb.setLength(0);
            for (int i = 0; i < width.length; i++) {
                sb.append(String.format("%-" + width[i] + "s  ", row.get(i)));
            }
            w.println(sb.toString().stripTrailing());
        }
    }
}
