package io.nngeom.cli.lowrank;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.AnalyzeOptions;
import io.nngeom.lowrank.AnalyzeResult;
import io.nngeom.lowrank.BottleneckMetrics;
import io.nngeom.lowrank.JointDistribution;
import io.nngeom.lowrank.LowRank;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.run.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom lowrank analyze}: matrices, modes, information and the predicted optimal loss of a joint law. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Analyse a joint law P(x, y): ε = ‖B̃‖_F, singular spectrum, optimal k features f_i = v_i/√p_x "
            + "and weights g_i = u_i/√p_y, I(X;Y) against ½‖B̃‖², H-score and the predicted optimal loss of a "
            + "k-feature network."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    LawOptions law;

    @Option(names = "--k", paramLabel = "K", defaultValue = "2", description = "Number of features (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--loss", paramLabel = "softmax|mse", defaultValue = "softmax",
            description = "softmax (matrix B̃) or mse with one-hot Y (matrix M = diag(√p_y)B̃) (default: ${DEFAULT-VALUE}).")
    LossKind loss;

    @Option(names = "--train", description = "Also train a k-feature bottleneck on the population loss and report its agreement (M1–M7).")
    boolean train;

    @Option(names = "--restarts", paramLabel = "N", defaultValue = "4", description = "Random starts of --train (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Mixin
    EmbeddingOption embedding;

    @Option(names = "--features", paramLabel = "FILE", description = {"Analyse a feature matrix instead of a joint law: "
            + "CSV whose last column (or --labels COL) holds class labels and the other columns the features, or NPZ "
            + "with arrays x (features) and y (labels, or --labels NAME). Gives the H-score, the spectrum of the "
            + "features' Bayes-action matrix and the optimal k features, and states whether epsilon is in the local regime."})
    Path features;

    @Option(names = "--labels", paramLabel = "NAME", description = "With --features: the column or NPZ array holding the labels.")
    String labels;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (features != null) {
            return FeatureAnalysis.run(features, labels, k, common, spec);
        }
        if (labels != null) {
            throw new InputException("--labels: only with --features");
        }
        LossKind kind = loss;
        JointDistribution d = law.read();
        Matrix e = embedding.read(kind, d);
        AnalyzeResult r = LowRank.analyze(d, new AnalyzeOptions(k, kind, e, train, restarts, common.seed()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!common.quiet()) {
            r.warnings().forEach(w -> err.println("warning: " + w));
        }
        String mat = kind == LossKind.SOFTMAX ? "B̃" : "M";
        out.printf(Locale.ROOT, "joint law            %d x symbols, %d y symbols%n", d.nx(), d.ny());
        out.printf(Locale.ROOT, "epsilon = ‖B̃‖_F      %s%n", Out.g(r.epsilon()));
        out.printf(Locale.ROOT, "I(X;Y)               %s nats   (½‖B̃‖² = %s)%n", Out.g(r.mutualInformation()), Out.g(r.halfChiSquare()));
        out.printf(Locale.ROOT, "singular values (%s)  %s%n", mat, Out.list(r.singularValues()));
        out.printf(Locale.ROOT, "%-20s %s%n", kind == LossKind.SOFTMAX ? "H(Y)" : "tr Cov(Y)", Out.g(r.entropy()));
        out.printf(Locale.ROOT, "%-20s %s%n", kind == LossKind.SOFTMAX ? "H(Y|X)" : "E‖Y − E[Y|X]‖²", Out.g(r.conditionalEntropy()));
        out.printf(Locale.ROOT, "H-score (k = %d)      %s%n", r.features().cols(), Out.g(r.hScore()));
        out.printf(Locale.ROOT, "predicted loss       %s%s%n", Out.g(r.predictedLoss()), kind == LossKind.SOFTMAX ? "  (+ o(ε²))" : "  (exact)");
        out.println("features f_i(x) = v_i(x)/√p_x(x):");
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "  %-12s %-10s", "x", "p_x"));
        for (int i = 0; i < r.features().cols(); i++) {
            h.append(String.format(Locale.ROOT, " %-12s", "f" + (i + 1)));
        }
        out.println(h);
        for (int x = 0; x < d.nx(); x++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-12s %-10s", r.xNames().get(x), Out.g(r.px()[x])));
            for (int i = 0; i < r.features().cols(); i++) {
                row.append(String.format(Locale.ROOT, " %-12s", Out.g(r.features().get(x, i))));
            }
            out.println(row);
        }
        CommandResult res = CommandResult.start("lowrank analyze", common)
                .put("loss", kind.name().toLowerCase(Locale.ROOT))
                .put("k", r.features().cols())
                .put("xNames", r.xNames())
                .put("yNames", r.yNames())
                .put("px", r.px())
                .put("py", r.py())
                .put("epsilon", r.epsilon())
                .put("singularValues", r.singularValues())
                .put("dtmSingularValues", r.dtmSingularValues())
                .put("mutualInformation", r.mutualInformation())
                .put("halfChiSquare", r.halfChiSquare())
                .put("entropy", r.entropy())
                .put("conditionalEntropy", r.conditionalEntropy())
                .put("features", Out.rows(r.features()))
                .put("weights", Out.rows(r.weights()))
                .put("hScore", r.hScore())
                .put("predictedLoss", r.predictedLoss())
                .put("warnings", r.warnings());
        if (r.trained() != null) {
            BottleneckMetrics m = r.trained();
            out.printf(Locale.ROOT, "trained bottleneck   loss %s (predicted %s), ‖∇‖ %.1e%n", Out.g(m.loss()), Out.g(m.predictedLoss()), r.trainedGradNorm());
            out.printf(Locale.ROOT, "  M1 sinθ(Φ,V_k) %s  M2 sinθ(Ψ,U_k) %s  M3 relFrob %s  M4 H-ratio %s%n",
                    Out.g(m.m1()), Out.g(m.m2()), Out.g(m.m3()), Out.g(m.m4()));
            res.put("trained", metrics(m, r.trainedGradNorm()));
        }
        r.figures().forEach(res::figure);
        res.finish();
        out.flush();
        return 0;
    }

    static Map<String, Object> metrics(BottleneckMetrics m, double grad) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("loss", m.loss());
        t.put("predictedLoss", m.predictedLoss());
        t.put("gradNorm", grad);
        t.put("m1", m.m1());
        t.put("m2", m.m2());
        t.put("m3", m.m3());
        t.put("m4", m.m4());
        t.put("lossGap", m.lossGap());
        t.put("m5", m.m5());
        t.put("m6", m.m6());
        t.put("m7", m.m7());
        t.put("maxOutputPerturbation", m.maxOutputPerturbation());
        return t;
    }
}
