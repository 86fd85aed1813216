package io.nngeom.cli.lowrank;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.lowrank.SampleFeatures;
import io.nngeom.run.InputException;
import io.nngeom.run.Num;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowrank analyze --features FILE}: the low-rank geometry of any feature matrix for class labels. */
final class FeatureAnalysis {
    private FeatureAnalysis() {
    }

    static int run(Path file, String labels, int k, CommonOptions common, CommandSpec spec) {
        if (k < 1) {
            throw new InputException("--k: must be at least 1, got " + k);
        }
        Dataset d = file.toString().endsWith(".npz") ? DataIo.read(file, labels, null, true) : DataIo.read(file, labels, true);
        SampleFeatures.Analysis a = SampleFeatures.analyze(d.x(), d.labels(), d.classes(), k);
        PrintWriter out = spec.commandLine().getOut();
        if (!a.localRegime() && !common.quiet()) {
            spec.commandLine().getErr().println("warning: " + a.statement());
        }
        out.println("features    " + file + ": " + d.size() + " examples, " + d.inputDim() + " features, " + d.classes() + " classes");
        out.println("H-score     " + Num.show(a.hScore()) + " of " + Num.show(a.hScoreMax()) + " (½ convention; the maximum is (K − 1)/2)");
        out.println("spectrum    " + String.join(" ", Arrays.stream(a.sigma()).mapToObj(Num::show).toList())
                + "   (singular values of the features' Bayes-action matrix; H = ½Σσ²)");
        out.println("optimal " + a.optimalFeatures().cols() + "   H-score " + Num.show(optimalH(a)) + " with the top "
                + a.optimalFeatures().cols() + " modes (--json: the features, one row per example)");
        out.println(a.statement());
        out.flush();
        CommandResult.start("lowrank analyze", common).put("features", file.toString()).put("samples", d.size())
                .put("classes", d.classes()).put("hScore", a.hScore()).put("hScoreMax", a.hScoreMax())
                .put("singularValues", a.sigma()).put("k", a.optimalFeatures().cols()).put("optimalHScore", optimalH(a))
                .put("optimalFeatures", Out.rows(a.optimalFeatures())).put("epsilon", a.epsilon())
                .put("localRegime", a.localRegime()).put("statement", a.statement()).finish();
        return 0;
    }

    private static double optimalH(SampleFeatures.Analysis a) {
        double h = 0;
        for (int i = 0; i < a.optimalFeatures().cols(); i++) {
            h += 0.5 * a.sigma()[i] * a.sigma()[i];
        }
        return h;
    }
}
