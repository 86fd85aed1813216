package io.nngeom.cli;

import io.nngeom.cli.options.SafetensorsActivation;
import io.nngeom.cli.options.TargetOptions;
import io.nngeom.data.Dataset;
import io.nngeom.io.GatedModelIo;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.ForwardTrace;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.plot.Chart;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nngeom info}: a model's layers, activations and parameter count; on data, the dead units (never
 * active: pre-activation ≤ 0 on every example) and always-active units (pre-activation &gt; 0 on every example)
 * of each hidden layer with a ReLU-type activation.
 */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Describe a model: layers, activations, parameter count.",
            "With --data: the dead (never active) and always-active units of each ReLU-type hidden layer on the data."})
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model (.json or .safetensors).")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", description = "Data (CSV, NPY, NPZ) on which to count dead and always-active units.")
    Path data;

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
        if (GatedModelIo.isGated(model)) {
            var g = GatedModelIo.read(model);
            Dataset gd = data == null ? null : target.read(data);
            if (gd != null) {
                CliInputs.checkInputs(g.inputDim(), "the model " + model + " (" + g.architecture() + ")", gd, data);
            }
            GatedInfo.describe(g, model, data, gd, spec.commandLine().getOut(), CommandResult.start("info", common));
            return Main.OK;
        }
        Mlp m = activation.read(model);
        Dataset d = null;
        if (data != null) {
            d = target.read(data);
            CliInputs.checkInputs(m.inputDim(), "the model " + model + " (" + m.architecture() + ")", d, data);
        }
        CommandResult result = CommandResult.start("info", common);
        ForwardTrace trace = d == null ? null : m.trace(d.x());

        PrintWriter o = spec.commandLine().getOut();
        o.println("model       " + model);
        o.println("arch        " + m.architecture() + " (" + m.hiddenLayerCount() + " hidden layer"
                + (m.hiddenLayerCount() == 1 ? "" : "s") + ", " + m.hiddenUnits() + " hidden units)");
        o.println("parameters  " + m.parameterCount());
        if (d != null) {
            o.println("data        " + data + ": " + d.size() + " examples");
        }
        o.println();
        String header = String.format("%-6s %-7s %-8s %-18s %10s", "layer", "inputs", "outputs", "activation", "parameters");
        if (d != null) {
            header += String.format("  %6s  %13s", "dead", "always active");
        }
        o.println(header);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 0; l < m.layerCount(); l++) {
            Layer layer = m.layer(l);
            boolean hidden = l < m.layerCount() - 1;
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("index", l);
            lm.put("inputs", layer.inputs());
            lm.put("outputs", layer.outputs());
            lm.put("activation", layer.activation().id());
            lm.put("parameters", layer.parameterCount());
            String line = String.format("%-6d %-7d %-8d %-18s %10d", l, layer.inputs(), layer.outputs(),
                    layer.activation().id() + (hidden ? "" : " (output)"), layer.parameterCount());
            if (trace != null && hidden && hasKink(layer.activation())) {
                int[][] da = deadAndAlwaysActive(trace.preActivations().get(l));
                result.figure(activity(l, trace.preActivations().get(l)));
                lm.put("dead", da[0]);
                lm.put("alwaysActive", da[1]);
                line += String.format("  %6d  %13d", da[0].length, da[1].length);
            } else if (trace != null) {
                line += String.format("  %6s  %13s", "-", "-");
            }
            layers.add(lm);
            o.println(line);
        }
        if (trace != null) {
            o.println();
            o.println("dead: pre-activation <= 0 on every example; always active: > 0 on every example");
        }
        o.flush();

        result.put("model", model.toString())
                .put("architecture", m.architecture())
                .put("hiddenLayers", m.hiddenLayerCount())
                .put("hiddenUnits", m.hiddenUnits())
                .put("parameters", m.parameterCount())
                .put("data", data == null ? null : data.toString())
                .put("samples", d == null ? null : d.size())
                .put("layers", layers);
        result.finish();
        return Main.OK;
    }

    /** Fraction of the examples on which each unit of hidden layer l is active (0: dead, 1: always active). */
    static Chart activity(int l, Matrix z) {
        double[] unit = new double[z.cols()];
        double[] frac = new double[z.cols()];
        for (int j = 0; j < z.cols(); j++) {
            int on = 0;
            for (int i = 0; i < z.rows(); i++) {
                if (z.get(i, j) > 0) {
                    on++;
                }
            }
            unit[j] = j;
            frac[j] = z.rows() == 0 ? 0 : (double) on / z.rows();
        }
        return Chart.of("activity-layer" + l, "Layer " + l + ": fraction of examples on which each unit is active",
                "unit", "fraction active").scatter("units", unit, frac);
    }

    /** Activations with a kink at 0 whose units are on or off: ReLU and leaky ReLU. */
    static boolean hasKink(Activation a) {
        return a.kind() == Activation.Kind.RELU || a.kind() == Activation.Kind.LEAKY_RELU;
    }

    /** Units whose pre-activation is ≤ 0 on every row (dead) and &gt; 0 on every row (always active). */
    static int[][] deadAndAlwaysActive(Matrix z) {
        List<Integer> dead = new ArrayList<>();
        List<Integer> always = new ArrayList<>();
        for (int j = 0; j < z.cols(); j++) {
            boolean anyOn = false;
            boolean allOn = true;
            for (int i = 0; i < z.rows(); i++) {
                boolean on = z.get(i, j) > 0;
                anyOn |= on;
                allOn &= on;
            }
            if (!anyOn) {
                dead.add(j);
            }
            if (allOn && z.rows() > 0) {
                always.add(j);
            }
        }
        return new int[][] {dead.stream().mapToInt(Integer::intValue).toArray(),
            always.stream().mapToInt(Integer::intValue).toArray()};
    }
}
