package io.nngeom.cli.lowrank;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.lowrank.HiddenLayer;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.lowrank.Sweep;
import io.nngeom.run.InputException;
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

/** {@code nngeom lowrank sweep}: the ε sweep of the bottleneck (E4) or hidden-layer (E7) setting. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Local laws with exact ε = ‖B̃‖_F, a network trained on each population loss to ‖∇‖ ≤ 1e-10, the "
            + "metrics M1–M6 per ε and their log-log slopes fitted over ε ≤ 0.1 (predicted: M1–M3 ≈ 1, 1 − M4 "
            + "≈ 2, |Δ| ≈ 3)."})
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--nx", defaultValue = "8", description = "Number of x symbols (default: ${DEFAULT-VALUE}).")
    int nx;

    @Option(names = "--ny", defaultValue = "6", description = "Number of y symbols (default: ${DEFAULT-VALUE}).")
    int ny;

    @Option(names = "--k", defaultValue = "2", description = "Bottleneck width, or hidden width with --hidden (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--eps", paramLabel = "E1,E2,…", defaultValue = "0.4,0.2,0.1,0.05,0.025,0.0125",
            description = "ε values; those beyond the law's positivity limit are skipped with a warning (default: ${DEFAULT-VALUE}).")
    String eps;

    @Option(names = "--spectrum", paramLabel = "S1,S2,…", defaultValue = "1,0.6,0.3,0.15,0.05",
            description = "Singular-value shape of B̃ (normalised) (default: ${DEFAULT-VALUE}).")
    String spectrum;

    @Mixin
    LossOption loss;

    @Option(names = "--hidden", description = "Hidden-layer setting (E7): one-hot → frozen tanh (n_x − 1) → sigmoid (k ≤ n_y − 1) → "
            + "frozen well-conditioned top; the local branch is followed from W = 0 at the smallest ε upwards and certified at "
            + "every ε (as the lowrank.hidden experiment).")
    boolean hidden;

    @Option(names = "--restarts", defaultValue = "4", description = "Random starts per ε of the bottleneck; --hidden follows one "
            + "branch instead (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    static double[] parseList(String option, String s) {
        String[] parts = s.split(",");
        double[] r = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                r[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException(option + ": '" + parts[i].trim() + "' is not a number");
            }
        }
        return r;
    }

    @Override
    public Integer call() {
        LossKind kind = loss.kind();
        Sweep.Result s = Sweep.run(new Sweep.Options(nx, ny, k, parseList("--eps", eps), kind, hidden,
                parseList("--spectrum", spectrum), restarts, common.seed(), true));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!common.quiet()) {
            s.warnings().forEach(w -> err.println("warning: " + w));
        }
        out.printf(Locale.ROOT, "%s %s sweep: n_x = %d, n_y = %d, k = %d, positivity limit ε < %s%n", hidden ? "hidden-layer" : "bottleneck",
                kind.name().toLowerCase(Locale.ROOT), nx, ny, k, Out.g(s.maxEpsilon()));
        List<Map<String, Object>> rows = new ArrayList<>();
        if (hidden) {
            out.printf(Locale.ROOT, "%-11s %-12s %-12s %-12s %-10s %-10s %-8s %-12s %-9s %-10s %-6s%n", "eps", "rel.err W",
                    "rel/eps", "Xi_l err", "max|a-a0|", "u-spread", "grad", "lam_min/|H|", "L-inf", "certified", "local");
            for (Sweep.Row r : s.rows()) {
                HiddenLayer.Result h = r.branch().result();
                HiddenLayer.Certificate c = r.branch().certificate();
                out.printf(Locale.ROOT, "%-11s %-12s %-12s %-12s %-10s %-10s %-8.1e %-12.2e %-9.1e %-10s %-6s%n", Out.g(r.epsilon()),
                        Out.g(r.hiddenError()), Out.g(r.hiddenError() / r.epsilon()), Out.g(h.layerMatrixError()),
                        Out.g(r.maxPerturbation()), Out.g(c.requiredSpread()), r.gradNorm(), c.minCurvature(), h.loss() - c.infimum(),
                        r.branch().certified() ? "yes" : "no", r.branch().local() ? "yes" : "no");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("epsilon", r.epsilon());
                m.put("hiddenError", r.hiddenError());
                m.put("layerMatrixError", h.layerMatrixError());
                m.put("maxPreActivationShift", r.maxPerturbation());
                m.put("requiredSpread", c.requiredSpread());
                m.put("gradNorm", r.gradNorm());
                m.put("converged", r.converged());
                m.put("minCurvature", c.minCurvature());
                m.put("zeroEigenvalues", c.nearZero());
                m.put("symmetries", c.symmetryDimension());
                m.put("lossAboveInfimum", h.loss() - c.infimum());
                m.put("certified", r.branch().certified());
                m.put("local", r.branch().local());
                rows.add(m);
            }
        } else {
            out.printf(Locale.ROOT, "%-10s %-11s %-11s %-11s %-13s %-11s %-11s %-11s %-8s%n",
                    "eps", "M1", "M2", "M3", "1 - M4", "M5=Δ/ε³", "M6", "|Δ|/H", "grad");
            for (Sweep.Row r : s.rows()) {
                out.printf(Locale.ROOT, "%-10s %-11s %-11s %-11s %-13s %-11s %-11s %-11.3e %-8.1e%n", Out.g(r.epsilon()), Out.g(r.m1()),
                        Out.g(r.m2()), Out.g(r.m3()), Out.g(1 - r.m4()), Out.g(r.m5()), Out.g(r.m6()),
                        r.relativeGap(), r.gradNorm());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("epsilon", r.epsilon());
                m.put("m1", r.m1());
                m.put("m2", r.m2());
                m.put("m3", r.m3());
                m.put("m4", r.m4());
                m.put("lossGap", r.lossGap());
                m.put("m5", r.m5());
                m.put("m6", r.m6());
                m.put("relativeGap", r.relativeGap());
                m.put("gradNorm", r.gradNorm());
                m.put("converged", r.converged());
                rows.add(m);
            }
        }
        StringBuilder sl = new StringBuilder("fitted slopes over ε ≤ " + Sweep.FIT_MAX_EPSILON + ":");
        s.slopes().forEach((name, v) -> sl.append(' ').append(name).append(' ').append(String.format(Locale.ROOT, "%.3f", v)));
        out.println(sl);
        CommandResult res = CommandResult.start("lowrank sweep", common)
                .put("nx", nx).put("ny", ny).put("k", k).put("loss", kind.name().toLowerCase(Locale.ROOT)).put("hidden", hidden)
                .put("maxEpsilon", s.maxEpsilon()).put("rows", rows).put("slopes", s.slopes()).put("warnings", s.warnings());
        s.figures().forEach(res::figure);
        res.finish();
        out.flush();
        return 0;
    }
}
