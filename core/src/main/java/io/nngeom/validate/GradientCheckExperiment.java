package io.nngeom.validate;

import io.nngeom.net.Activation;
import io.nngeom.net.GradientCheck;
import io.nngeom.net.Loss;
import io.nngeom.plot.Chart;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code foundation.gradient-check}: the hand-written backward pass ({@link io.nngeom.net.Backprop}) against
 * central finite differences on random networks of several shapes, for every activation and every loss.
 * Pass: max relative error ‖g − g_fd‖₂ / max(‖g‖₂, ‖g_fd‖₂) ≤ {@link #REL_TOL}, and no ReLU activation pattern
 * changes during differencing (largest pre-activation shift below the smallest distance to a kink).
 */
public final class GradientCheckExperiment implements Experiment {
    /** Largest accepted relative error of backprop against central differences (issue 2, deliverable 3). */
    public static final double REL_TOL = 1e-6;

    @Override
    public String name() {
        return "foundation.gradient-check";
    }

    @Override
    public String title() {
        return "Backpropagation agrees with central finite differences";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        ExperimentResult.Builder b = ExperimentResult.builder(this, ctx);
        List<int[]> shapes = ctx.quick()
                ? List.of(new int[] {3, 5, 2}, new int[] {2, 6, 5, 3}, new int[] {1, 4, 4, 4, 2})
                : List.of(new int[] {3, 5, 2}, new int[] {2, 6, 5, 3}, new int[] {1, 4, 4, 4, 2}, new int[] {5, 16, 16, 4},
                        new int[] {2, 32, 32, 32, 1}, new int[] {8, 20, 3});
        int n = ctx.quick() ? 10 : 40;
        List<Activation> acts = List.of(Activation.RELU, Activation.leakyRelu(0.1), Activation.TANH, Activation.SIGMOID,
                Activation.IDENTITY, Activation.SOFTPLUS);
        b.param("shapes", shapes.stream().map(GradientCheckExperiment::arch).toList())
                .param("activations", acts.stream().map(Activation::id).toList())
                .param("losses", Arrays.stream(Loss.values()).map(Loss::id).toList())
                .param("examples per case", n)
                .param("step h", GradientCheck.DEFAULT_STEP)
                .param("kink margin", GradientCheck.KINK_MARGIN);
        double maxRel = 0;
        double maxShiftRatio = 0;
        List<List<String>> rows = new ArrayList<>();
        List<Double> rels = new ArrayList<>();
        int idx = 0;
        for (int[] s : shapes) {
            for (Activation a : acts) {
                for (Loss l : Loss.values()) {
                    long seed = Seeds.child(ctx.seed(), idx);
                    ctx.progress().update("cases", idx, (long) shapes.size() * acts.size() * Loss.values().length,
                            arch(s) + " " + a.id() + " " + l.id());
                    GradientCheck.Case c = GradientCheck.randomCase(s, a, l, n, seed);
                    GradientCheck.Result r = GradientCheck.check(c);
                    maxRel = Math.max(maxRel, r.relativeError());
                    if (Double.isFinite(r.kinkMargin())) {
                        maxShiftRatio = Math.max(maxShiftRatio, r.maxShift() / r.kinkMargin());
                    }
                    rels.add(r.relativeError());
                    rows.add(List.of(arch(s), a.id(), l.id(), Integer.toString(r.parameters()),
                            Integer.toString(c.x().rows()), fmt(r.gradNorm()), fmt(r.relativeError()),
                            Double.isFinite(r.kinkMargin()) ? fmt(r.maxShift() / r.kinkMargin()) : "-"));
                    idx++;
                }
            }
        }
        double[] xs = new double[rels.size()];
        double[] ys = new double[rels.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
            ys[i] = Math.max(rels.get(i), 1e-18);
        }
        return b.atMost("max relative error", maxRel, REL_TOL)
                .atMost("max pre-activation shift / kink margin", maxShiftRatio, 1.0)
                .measure("cases", idx)
                .criterion("for every case, ‖g_backprop − g_fd‖₂ / max(‖g_backprop‖₂, ‖g_fd‖₂) ≤ 1e-6 with central "
                        + "differences of step 1e-6, and no ReLU/leaky-ReLU pre-activation moves by as much as its "
                        + "distance to the kink during differencing (examples with |z| < 1e-3 are dropped)")
                .table(new Table("cases", "Gradient check per case",
                        List.of("shape", "activation", "loss", "parameters", "examples", "‖g‖₂", "relative error",
                                "shift/margin"), rows))
                .figure(Chart.of("gradient-check-errors", "Relative error of backprop per case", "case",
                        "relative error").scatter("relative error", xs, ys)
                        .line("tolerance 1e-6", new double[] {0, xs.length - 1}, new double[] {REL_TOL, REL_TOL})
                        .withLogY())
                .build();
    }

    static String arch(int[] s) {
        StringBuilder sb = new StringBuilder();
        for (int v : s) {
            sb.append(sb.length() == 0 ? "" : "-").append(v);
        }
        return sb.toString();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
