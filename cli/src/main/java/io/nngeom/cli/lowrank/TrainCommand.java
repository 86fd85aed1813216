package io.nngeom.cli.lowrank;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.io.ModelIo;
import io.nngeom.io.ModelNames;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.Bottleneck;
import io.nngeom.lowrank.BottleneckMetrics;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LocalGeometry;
import io.nngeom.lowrank.LowRankFigures;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.run.InputException;
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

/** {@code nngeom lowrank train}: trains a k-feature bottleneck on the population loss of a joint law. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Train one-hot → k-unit feature layer → softmax/affine output on the population loss of a joint "
            + "law to ‖∇‖ ≤ 1e-10 (best of several starts), write the network and report its agreement with "
            + "the SVD (M1–M7)."})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    LawOptions law;

    @Option(names = "--k", paramLabel = "K", required = true, description = "Bottleneck width.")
    int k;

    @Mixin
    LossOption loss;

    @Option(names = "--activation", paramLabel = "ACT", defaultValue = "identity",
            description = "Feature-layer activation: identity, sigmoid or tanh (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--restarts", defaultValue = "4", description = "Random starts (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--grad-tol", defaultValue = "1e-10", description = "Gradient-norm target (default: ${DEFAULT-VALUE}).")
    double gradTol;

    @Option(names = "--out", paramLabel = "MODEL", description = "Where the trained network goes (.json or .safetensors).")
    Path model;

    @Mixin
    EmbeddingOption embedding;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LossKind kind = loss.kind();
        Activation.Kind ak = activation.kind();
        if (ak != Activation.Kind.IDENTITY && ak != Activation.Kind.SIGMOID && ak != Activation.Kind.TANH) {
            throw new InputException("--activation: the feature layer takes identity, sigmoid or tanh, got " + activation.id());
        }
        if (model != null) {
            ModelIo.checkExtension(model);
        }
        JointDistribution d = law.read();
        Matrix e = embedding.read(kind, d);
        int rank = Math.min(d.nx(), d.ny()) - 1;
        if (k > rank) {
            throw new InputException("--k: " + k + " exceeds the rank bound min(n_x, n_y) − 1 = " + rank);
        }
        if (e != null && k > e.rows()) {
            throw new InputException("--k: " + k + " exceeds the embedding dimension " + e.rows());
        }
        Bottleneck.Trained t = Bottleneck.train(d, new Bottleneck.Options(k, activation, kind, e, Activation.IDENTITY,
                restarts, gradTol, 20000, common.seed()));
        BottleneckMetrics m = BottleneckMetrics.of(d, t.model(), t.loss(), k, kind, e);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!common.quiet()) {
            d.warnings().forEach(w -> err.println("warning: " + w));
            if (!t.converged()) {
                err.println("warning: training stopped at gradient norm " + t.gradNorm() + " > " + gradTol);
            }
        }
        out.printf(Locale.ROOT, "network              %s (%s features, %s loss)%n", t.model().architecture(), activation.id(),
                kind.name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "loss                 %s   predicted %s   ‖∇‖ %.1e%n", Out.g(t.loss()), Out.g(m.predictedLoss()), t.gradNorm());
        out.printf(Locale.ROOT, "epsilon = ‖B̃‖_F      %s%n", Out.g(m.epsilon()));
        out.printf(Locale.ROOT, "M1 sinθ(Φ, V_k)      %s%n", Out.g(m.m1()));
        out.printf(Locale.ROOT, "M2 sinθ(Ψ, U_k)      %s%n", Out.g(m.m2()));
        out.printf(Locale.ROOT, "M3 product rel. err  %s%n", Out.g(m.m3()));
        out.printf(Locale.ROOT, "M4 H-score ratio     %s%n", Out.g(m.m4()));
        if (k == 1) {
            out.printf(Locale.ROOT, "M7 corr. with f1     %s%n", Out.g(m.m7()));
        }
        if (model != null) {
            ModelIo.write(t.model(), model, names(d, e));
            out.println("model written to " + model);
        }
        CommandResult res = CommandResult.start("lowrank train", common)
                .put("architecture", t.model().architecture())
                .put("k", k)
                .put("loss", kind.name().toLowerCase(Locale.ROOT))
                .put("activation", activation.id())
                .put("converged", t.converged())
                .put("restartLosses", t.restartLosses())
                .put("metrics", AnalyzeCommand.metrics(m, t.gradNorm()))
                .put("model", model == null ? null : model.toString())
                .put("inputNames", d.xNames())
                .put("outputNames", names(d, e).outputs());
        LocalGeometry.Modes modes = kind == LossKind.SOFTMAX ? LocalGeometry.modes(d)
                : LocalGeometry.modes(LocalGeometry.mmseMatrix(d, e == null ? LocalGeometry.oneHot(d.ny()) : e), d.px(), null, rank);
        res.figure(LowRankFigures.learnedVsPredicted("lowrank-train-features", d, t.features(), modes, Math.min(k, 2)));
        res.finish();
        out.flush();
        return 0;
    }

    /** The symbols of X in the order of the network's one-hot inputs; the outputs are Y's symbols or the embedding's coordinates. */
    private static ModelNames names(JointDistribution d, Matrix embedding) {
        List<String> outputs = new ArrayList<>();
        if (embedding == null) {
            outputs.addAll(d.yNames());
        } else {
            for (int i = 0; i < embedding.rows(); i++) {
                outputs.add("embedding[" + i + "]");
            }
        }
        return new ModelNames(d.xNames(), outputs);
    }
}
