package io.nngeom.cli;

import io.nngeom.cli.options.LossOption;
import io.nngeom.cli.options.TargetOptions;
import io.nngeom.data.Dataset;
import io.nngeom.io.ModelIo;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.report.Fmt;
import io.nngeom.run.InputException;
import io.nngeom.run.Num;
import io.nngeom.run.Seeds;
import io.nngeom.run.StderrProgress;
import io.nngeom.train.Objective;
import io.nngeom.train.Optimizer;
import io.nngeom.train.Penalty;
import io.nngeom.train.Trainer;
import io.nngeom.train.TrainingHistory;
import io.nngeom.train.TrainingOptions;
import io.nngeom.train.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom train}: trains a multilayer perceptron on a data set ({@link Trainer}). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Train a multilayer perceptron on a data set and write the model (.json or .safetensors).")
public final class TrainCommand implements Callable<Integer> {
    /** Points of the loss curve kept in the JSON result. */
    static final int HISTORY_POINTS = 200;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data: CSV, NPY or NPZ.")
    Path data;

    @Mixin
    TargetOptions target;

    @Option(names = "--arch", paramLabel = "SIZES",
            description = "Layer sizes, input first, e.g. 2-64-64-1 (required unless --init).")
    String arch;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Hidden activation: relu, leaky-relu[:ALPHA], tanh, sigmoid, identity, softplus (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Mixin
    LossOption loss;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "gd, sgd, adam or lbfgs (default: ${DEFAULT-VALUE}).")
    Optimizer optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: gd/sgd 0.01, adam 0.001; lbfgs uses a line search).")
    Double lr;

    @Option(names = "--iters", paramLabel = "N", defaultValue = "1000",
            description = "Parameter updates (sgd, adam with --batch: mini-batch steps) (default: ${DEFAULT-VALUE}).")
    int iters;

    @Option(names = "--batch", paramLabel = "N", description = "Mini-batch size for sgd (default: 32) and adam (default: the whole data set).")
    Integer batch;

    @Option(names = "--momentum", paramLabel = "M", description = "Momentum for sgd, in [0, 1) (default: 0.9).")
    Double momentum;

    @Option(names = "--grad-tol", paramLabel = "T",
            description = "Stop when the gradient norm is <= T (default: lbfgs 1e-10, others 0 = never).")
    Double gradTol;

    @Option(names = "--penalty", paramLabel = "SPEC", defaultValue = "none",
            description = "Explicit penalty: l2:BETA adds (BETA/2)·sum W^2, l1:BETA adds BETA·sum |W|; combine as "
                    + "l2:B,l1:B; add ',biases' to penalise biases too (default: ${DEFAULT-VALUE}).")
    Penalty penalty;

    @Option(names = "--freeze", paramLabel = "LAYERS", split = ",",
            description = "Layers (0 = first) kept fixed, comma-separated.")
    List<Integer> freeze;

    @Option(names = "--init", paramLabel = "MODEL", description = "Start from this model instead of a random initialisation.")
    Path init;

    @Option(names = "--out", paramLabel = "MODEL", description = "Write the trained model (.json or .safetensors).")
    Path out;

    @Option(names = "--test", paramLabel = "FILE", description = "Held-out data (same columns as --data): report testLoss, testMse and, "
            + "for classes, testAccuracy of the trained model (and trainMse, trainAccuracy).")
    Path test;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // everything the user gave is checked before any work is done
        CliInputs.positive("--iters", iters);
        if (lr != null) {
            CliInputs.positive("--lr", lr);
        }
        if (batch != null) {
            CliInputs.positive("--batch", batch);
        }
        if (momentum != null && !(momentum >= 0 && momentum < 1)) {
            throw InputException.of("--momentum", "must lie in [0, 1), got " + momentum);
        }
        if (gradTol != null) {
            CliInputs.nonNegative("--grad-tol", gradTol);
        }
        if (out != null) {
            ModelIo.checkExtension(out);
        }
        if (arch == null && init == null) {
            throw InputException.of("--arch", "missing: give the layer sizes (e.g. --arch 2-64-64-1) or --init MODEL");
        }
        int[] sizes = arch == null ? null : CliInputs.architecture("--arch", arch);
        Mlp start = init == null ? null : CliInputs.model(init, activation);
        if (start != null && sizes != null && !Arrays.equals(sizes, start.sizes())) {
            throw InputException.of("--arch " + arch, "does not match the architecture " + start.architecture() + " of " + init);
        }
        if (sizes == null) {
            sizes = start.sizes();
        }
        String what = start != null ? "the model " + init : "--arch " + arch;
        Dataset d = target.read(data);
        CliInputs.checkInputs(sizes[0], what, d, data);
        d = CliInputs.matchOutputs(sizes[sizes.length - 1], what, d, data);
        int layers = sizes.length - 1;
        if (freeze != null) {
            for (int l : freeze) {
                if (l < 0 || l >= layers) {
                    throw InputException.of("--freeze", "layer " + l + " does not exist (the network has " + layers
                            + " layers, 0.." + (layers - 1) + ")");
                }
            }
        }
        Loss lossFn = loss.resolve(d);
        Dataset testData = null;
        if (test != null) {
            testData = target.read(test);
            CliInputs.checkInputs(sizes[0], what, testData, test);
            testData = CliInputs.matchOutputs(sizes[sizes.length - 1], what, testData, test);
        }

        CommandResult result = CommandResult.start("train", common);
        if (start == null) {
            start = Mlp.random(sizes, activation, Seeds.rng(Seeds.child(common.seed(), "init")));
        }
        TrainingOptions opts = TrainingOptions.defaults(optimizer).withIterations(iters)
                .withSeed(Seeds.child(common.seed(), "train"));
        if (lr != null) {
            opts = opts.withLearningRate(lr);
        }
        if (batch != null) {
            opts = opts.withBatchSize(batch);
        }
        if (momentum != null) {
            opts = opts.withMomentum(momentum);
        }
        if (gradTol != null) {
            opts = opts.withGradTol(gradTol);
        }
        if (freeze != null) {
            opts = opts.withFrozenLayers(new TreeSet<>(freeze));
        }
        Objective objective = Objective.of(lossFn, penalty);
        TrainingResult r;
        try (StderrProgress progress = common.progress(spec.commandLine().getErr())) {
            r = Trainer.train(start, d, objective, opts, progress);
        }
        if (!Double.isFinite(r.objective()) || !Double.isFinite(r.gradNorm())) {
            throw new CommandFailedException("training diverged: the objective is " + r.objective() + " and the gradient norm "
                    + r.gradNorm() + " after " + r.iterations()
                    + " iterations" + (optimizer == Optimizer.LBFGS ? "" : "; try a smaller --lr"));
        }
        Mlp model = r.model();
        if (out != null) {
            ModelIo.write(model, out);
        }

        result.put("architecture", model.architecture())
                .put("activation", activationOf(model))
                .put("parameters", model.parameterCount())
                .put("data", data.toString())
                .put("samples", d.size())
                .put("classes", d.isClassification() ? d.classes() : null)
                .put("lossFunction", lossFn.id())
                .put("penalty", penalty.id())
                .put("optimizer", optimizer.id())
                .put("learningRate", opts.learningRate())
                .put("iterations", r.iterations())
                .put("converged", r.converged())
                .put("loss", r.loss())
                .put("objective", r.objective())
                .put("gradNorm", r.gradNorm())
                .put("history", historySummary(r.history()))
                .put("model", out == null ? null : out.toString())
                .figure(r.history().chart("loss", "Training objective"));
        double[] trainM = metrics(model, d, lossFn);
        double[] testM = testData == null ? null : metrics(model, testData, lossFn);
        result.put("trainMse", trainM[1]).put("trainAccuracy", d.isClassification() ? trainM[2] : null)
                .put("test", test == null ? null : test.toString())
                .put("testLoss", testM == null ? null : testM[0])
                .put("testMse", testM == null ? null : testM[1])
                .put("testAccuracy", testM == null || !d.isClassification() ? null : testM[2]);
        result.finish();

        PrintWriter o = spec.commandLine().getOut();
        o.println("architecture  " + model.architecture() + " (" + activationOf(model) + "), " + model.parameterCount() + " parameters");
        o.println("data          " + data + ": " + d.size() + " examples, " + d.inputDim() + " inputs, "
                + (d.isClassification() ? d.classes() + " classes" : d.targetDim() + " target" + (d.targetDim() == 1 ? "" : "s")));
        o.println("optimizer     " + optimizer.id() + (optimizer == Optimizer.LBFGS ? "" : ", lr " + Fmt.num(opts.learningRate()))
                + ", " + r.iterations() + " iterations" + (r.converged() ? " (converged)" : ""));
        o.println("loss          " + Num.show(r.loss()) + " (" + lossFn.id() + ")");
        o.println("objective     " + Num.show(r.objective()) + (penalty.isZero() ? "" : " (penalty " + penalty.id() + ")"));
        o.println("gradient norm " + Num.show(r.gradNorm()));
        if (testM != null) {
            o.println("test          loss " + Num.show(testM[0]) + ", mse " + Num.show(testM[1])
                    + (d.isClassification() ? ", accuracy " + Num.show(testM[2]) + " (train " + Num.show(trainM[2]) + ")" : "")
                    + " on " + test + ": " + testData.size() + " examples");
        }
        if (out != null) {
            o.println("model         " + out);
        }
        o.flush();
        return Main.OK;
    }

    static String activationOf(Mlp m) {
        return m.layerCount() > 1 ? m.layer(0).activation().id() : "none";
    }

    /** First, last and minimal objective, and the curve at up to {@link #HISTORY_POINTS} evenly spaced entries. */
    static Map<String, Object> historySummary(TrainingHistory h) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = h.size();
        m.put("recorded", n);
        if (n == 0) {
            return m;
        }
        m.put("firstObjective", h.objective()[0]);
        m.put("lastObjective", h.objective()[n - 1]);
        m.put("minObjective", Arrays.stream(h.objective()).min().orElse(Double.NaN));
        int k = Math.min(n, HISTORY_POINTS);
        int[] it = new int[k];
        double[] loss = new double[k];
        double[] obj = new double[k];
        double[] grad = new double[k];
        for (int j = 0; j < k; j++) {
            int i = k == 1 ? n - 1 : (int) Math.round((double) j * (n - 1) / (k - 1));
            it[j] = h.iteration()[i];
            loss[j] = h.loss()[i];
            obj[j] = h.objective()[i];
            grad[j] = h.gradNorm()[i];
        }
        m.put("iteration", it);
        m.put("loss", loss);
        m.put("objective", obj);
        m.put("gradNorm", grad);
        return m;
    }

    /** Loss, mean squared error (as eval: of the softmax probabilities under the softmax loss) and accuracy (NaN without labels). */
    static double[] metrics(Mlp model, Dataset d, Loss lossFn) {
        Matrix f = model.apply(d.x());
        double mse = Loss.MSE.value(lossFn == Loss.SOFTMAX_CE ? EvalCommand.softmax(f) : f, d.y());
        return new double[] {lossFn.value(f, d.y()), mse, d.isClassification() ? EvalCommand.accuracy(f, d.labels()) : Double.NaN};
    }
}
