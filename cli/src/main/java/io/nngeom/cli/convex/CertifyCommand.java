package io.nngeom.cli.convex;

import io.nngeom.cli.CliInputs;
import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.convex.Certificate;
import io.nngeom.convex.CertifyOptions;
import io.nngeom.convex.Convex;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.data.Dataset;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nngeom convex certify}: certificate of global optimality for a trained 2-layer ReLU network. */
@Command(name = "certify", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Certify a trained 2-layer ReLU network (JSON or safetensors): its objective, the dual ratio "
            + "max|a_j'r|/beta (1 at a global optimum), a certified lower bound and 'globally optimal within X %%'."})
public final class CertifyCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The network (.json or .safetensors), d-m-1 ReLU.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Regression data (CSV, NPY, NPZ).")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Target column name (CSV).")
    String target;

    @Option(names = "--beta", required = true, paramLabel = "B", description = "Regularisation beta > 0 of the objective.")
    double beta;

    @Mixin
    PenaltyOption penalty;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PenaltyNorm p = penalty.norm();
        CertifyOptions o = new CertifyOptions(beta, p);
        Mlp m = CliInputs.model(model);
        if (m.layerCount() > 2 && penalty.given()) {
            throw new InputException("--penalty: a depth-" + m.layerCount() + " model is judged by (beta/L) sum |w|^L; omit --penalty");
        }
        Dataset d = CliInputs.data(data, target, false);
        CliInputs.checkInputs(m.inputDim(), "the model " + model + " (" + m.architecture() + ")", d, data);
        Certificate c = Convex.certify(m, d, o);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "nnObjective   %.12g%n", c.nnObjective());
        w.printf(Locale.ROOT, "dualRatio     %.8f   (max_j |a_j'r|/beta; 1 at a global optimum)%n", c.dualRatio());
        w.printf(Locale.ROOT, "lowerBound    %.12g   (%s)%n", c.lowerBound(), c.certified() ? "certified" : "not rigorous");
        w.printf(Locale.ROOT, "globally optimal within %.6g %%%n", c.gapPercent());
        w.printf(Locale.ROOT, "how           %s%n", c.how());
        w.flush();
        CommandResult.start("convex certify", common).put("model", model.toString()).put("data", data.toString())
                .put("beta", beta).put("penalty", m.layerCount() > 2 ? "l" + m.layerCount() + "^" + m.layerCount() : p.id())
                .put("depth", m.layerCount()).put("nnObjective", c.nnObjective()).put("dualRatio", c.dualRatio())
                .put("lowerBound", c.lowerBound()).put("gapPercent", c.gapPercent()).put("certified", c.certified())
                .put("how", c.how()).put("residualMean", c.residualMean()).finish();
        return 0;
    }
}
