package io.nngeom.cli;

import io.nngeom.cli.options.LossOption;
import io.nngeom.cli.options.SafetensorsActivation;
import io.nngeom.cli.options.TargetOptions;
import io.nngeom.data.Dataset;
import io.nngeom.io.AtomicFiles;
import io.nngeom.io.GatedModelIo;
import io.nngeom.io.Npy;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.GatedNetwork;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.plot.Chart;
import io.nngeom.run.InputException;
import io.nngeom.run.Num;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom eval}: a model's loss, mean squared error and (for classes) accuracy on a data set. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Evaluate a model on a data set: loss, mean squared error and, for classes, accuracy.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model (.json or .safetensors).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data: CSV, NPY or NPZ.")
    Path data;

    @Mixin
    TargetOptions target;

    @Mixin
    LossOption loss;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Also write the model's outputs (one row per example) to FILE (.npy, or .csv with columns out0, out1, ...).")
    Path predictions;

    @Mixin
    SafetensorsActivation activation;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // a gated-ReLU model (convex fit --method gated) is evaluated by its own forward pass
        GatedNetwork gated = GatedModelIo.isGated(model) ? GatedModelIo.read(model) : null;
        Mlp m = gated == null ? activation.read(model) : null;
        String arch = gated == null ? m.architecture() : gated.architecture();
        Dataset d = target.read(data);
        String what = "the model " + model + " (" + arch + ")";
        CliInputs.checkInputs(gated == null ? m.inputDim() : gated.inputDim(), what, d, data);
        d = CliInputs.matchOutputs(gated == null ? m.outputDim() : gated.outputDim(), what, d, data);
        Loss lossFn = loss.resolve(d);

        CommandResult result = CommandResult.start("eval", common);
        Matrix f = gated == null ? m.apply(d.x()) : gated.apply(d.x());
        double lossValue = lossFn.value(f, d.y());
        // with the softmax head the outputs are logits: the squared error is that of the class probabilities
        boolean probabilities = lossFn == Loss.SOFTMAX_CE;
        double mse = Loss.MSE.value(probabilities ? softmax(f) : f, d.y());
        Double accuracy = d.isClassification() ? accuracy(f, d.labels()) : null;

        result.put("model", model.toString())
                .put("architecture", arch)
                .put("data", data.toString())
                .put("samples", d.size())
                .put("lossFunction", lossFn.id())
                .put("loss", lossValue)
                .put("mse", mse)
                .put("mseOf", probabilities ? "probabilities" : "outputs")
                .put("accuracy", accuracy);
        if (!d.isClassification()) {
            for (int k = 0; k < d.targetDim(); k++) {
                result.figure(parity(f, d.y(), k));
            }
        }
        if (predictions != null) {
            writePredictions(predictions, f);
            result.put("predictions", predictions.toString());
        }
        result.finish();

        PrintWriter o = spec.commandLine().getOut();
        o.println("model     " + model + " (" + arch + ")");
        o.println("data      " + data + ": " + d.size() + " examples");
        o.println("loss      " + Num.show(lossValue) + " (" + lossFn.id() + ")");
        o.println("mse       " + Num.show(mse) + (probabilities ? " (softmax probabilities against one-hot targets)" : ""));
        if (accuracy != null) {
            o.println("accuracy  " + Num.show(accuracy));
        }
        o.flush();
        return Main.OK;
    }

    /** Writes the outputs as NPY (float64, C order) or CSV, atomically; any other extension is bad input. */
    static void writePredictions(Path file, Matrix f) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            Npy.write(file, f);
        } else if (name.endsWith(".csv")) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < f.cols(); k++) {
                sb.append(k == 0 ? "" : ",").append("out").append(k);
            }
            sb.append('\n');
            for (int i = 0; i < f.rows(); i++) {
                for (int k = 0; k < f.cols(); k++) {
                    sb.append(k == 0 ? "" : ",").append(f.get(i, k));
                }
                sb.append('\n');
            }
            AtomicFiles.writeString(file, sb.toString());
        } else {
            throw InputException.of("--predictions", "'" + file + "' must end in .npy or .csv");
        }
    }

    /** Predicted against target for output k, with the diagonal y = x (equal aspect). */
    static Chart parity(Matrix f, Matrix y, int k) {
        double[] t = y.colArray(k);
        double[] p = f.colArray(k);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.length; i++) {
            lo = Math.min(lo, Math.min(t[i], p[i]));
            hi = Math.max(hi, Math.max(t[i], p[i]));
        }
        String suffix = y.cols() == 1 ? "" : "-" + k;
        return Chart.of("parity" + suffix, "Predicted against target" + (y.cols() == 1 ? "" : " (output " + k + ")"),
                        "target", "prediction")
                .scatter("examples", t, p)
                .withSeries(new Chart.Series("y = x", new double[] {lo, hi}, new double[] {lo, hi}, Chart.Series.Style.DASHED))
                .withEqualAspect();
    }

    /** Row-wise softmax (max subtracted first, so no overflow). */
    static Matrix softmax(Matrix f) {
        Matrix p = Matrix.zeros(f.rows(), f.cols());
        for (int i = 0; i < f.rows(); i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < f.cols(); k++) {
                m = Math.max(m, f.get(i, k));
            }
            double s = 0;
            for (int k = 0; k < f.cols(); k++) {
                s += Math.exp(f.get(i, k) - m);
            }
            for (int k = 0; k < f.cols(); k++) {
                p.set(i, k, Math.exp(f.get(i, k) - m) / s);
            }
        }
        return p;
    }

    /** Fraction of examples whose largest output (first one on ties) is the label. */
    public static double accuracy(Matrix f, int[] labels) {
        int hit = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int k = 1; k < f.cols(); k++) {
                if (f.get(i, k) > f.get(i, best)) {
                    best = k;
                }
            }
            if (best == labels[i]) {
                hit++;
            }
        }
        return labels.length == 0 ? Double.NaN : (double) hit / labels.length;
    }
}
