package io.nngeom.cli;

import io.nngeom.data.Dataset;
import io.nngeom.data.Synthetic;
import io.nngeom.io.DataIo;
import io.nngeom.io.Memory;
import io.nngeom.run.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nngeom generate}: writes one of the built-in synthetic data sets ({@link Synthetic}) to a file, so that
 * every other command can be tried without data of one's own.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write a built-in synthetic data set (CSV, NPY or NPZ by the extension of --out).",
            "Kinds: regression-1d and regression-2d (inputs uniform on [-1, 1]^d, target f(x) + noise),",
            "clusters (Q Gaussian classes in R^Q, integer labels), spirals (two interleaved spirals, labels 0/1)."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "regression-1d, regression-2d, clusters or spirals.")
    String kind;

    @Option(names = "--function", paramLabel = "NAME",
            description = "Regression function. 1-D: sin, abs, sawtooth, cubic, bump, step (default sin); "
                    + "2-D: saddle, ripple, bump, pyramid, abs-sum (default ripple).")
    String function;

    @Option(names = "--n", paramLabel = "N", defaultValue = "500",
            description = "Number of examples (per class for clusters and spirals; default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--noise", paramLabel = "SIGMA", defaultValue = "0",
            description = "Standard deviation of the Gaussian noise on targets (regression) or points (spirals); default ${DEFAULT-VALUE}.")
    double noise;

    @Option(names = "--classes-count", paramLabel = "Q", defaultValue = "3",
            description = "Number of classes Q for clusters (points in R^Q; default ${DEFAULT-VALUE}).")
    int q;

    @Option(names = "--spread", paramLabel = "DELTA", defaultValue = "0.1",
            description = "Standard deviation of each cluster around its mean (default ${DEFAULT-VALUE}).")
    double spread;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the data (.csv, .npy, .npz).")
    Path out;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CliInputs.positive("--n", n);
        CliInputs.nonNegative("--noise", noise);
        DataIo.checkExtension(out);
        long seed = common.seed();
        String k = kind.trim().toLowerCase(Locale.ROOT);
        // values per example (inputs, targets, one-hot) and copies while writing (CSV text is ~12 doubles' worth)
        long columns = k.equals("clusters") ? 3L * Math.max(q, 1) : k.equals("spirals") ? 5 : 3;
        boolean csv = out.toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        Memory.require("--n " + n, Memory.bytes(n, columns, 8, csv ? 12 : 4), "generating " + n + " examples");
        Dataset d;
        try {
            d = switch (k) {
                case "regression-1d" -> Synthetic.regression1d(function == null ? "sin" : function, n, noise, seed);
                case "regression-2d" -> Synthetic.regression2d(function == null ? "ripple" : function, n, noise, seed);
                case "clusters" -> {
                    CliInputs.positive("--classes-count", q);
                    CliInputs.positive("--spread", spread);
                    yield Synthetic.gaussianClusters(q, n, spread, seed).data();
                }
                case "spirals" -> Synthetic.twoSpirals(n, 1.5, noise, seed);
                default -> throw InputException.of("--kind", "unknown kind '" + kind
                        + "' (expected regression-1d, regression-2d, clusters, spirals)");
            };
        } catch (IllegalArgumentException e) {
            throw InputException.of(function != null && e.getMessage().contains("function") ? "--function" : "--kind",
                    e.getMessage());
        }
        DataIo.write(out, d);
        CommandResult.start("generate", common)
                .put("kind", k)
                .put("file", out.toString())
                .put("examples", d.size())
                .put("inputs", d.inputDim())
                .put("classes", d.isClassification() ? d.classes() : null)
                .finish();
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + out + ": " + d.size() + " examples, " + d.inputDim() + " input column"
                + (d.inputDim() == 1 ? "" : "s") + (d.isClassification() ? ", " + d.classes() + " classes (last column)"
                : ", target in the last column"));
        o.flush();
        return Main.OK;
    }
}
