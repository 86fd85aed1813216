package io.nngeom.minimizers.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.minimizers.BuildOptions;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.minimizers.Minimizers;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Digest §6, "violated clustering": when the clustering condition fails the construction must refuse with a
 * one-line reason naming the class and the step, never return a network with a silently wrong cost; and it
 * must not refuse data that satisfy the a-priori condition ρ &gt; 2δ.
 */
public final class RefusalExperiment implements Experiment {
    @Override
    public String name() {
        return "minimizers.refusal";
    }

    @Override
    public String title() {
        return "Clustering condition: overlapping or collinear clusters are refused with a one-line reason";
    }

    @Override
    public ExperimentResult run(ExperimentContext ctx) {
        var b = ExperimentResult.builder(this, ctx);
        int perClass = ctx.quick() ? 40 : 150;
        List<Dataset> bad = new ArrayList<>();
        List<String> badNames = new ArrayList<>();
        double rho = ClusteredData.meanSeparation(ClusteredData.of(ClusteredData.generate(3, 30, 0, 1)).means());
        for (int q = 2; q <= 4; q++) {
            bad.add(ClusteredData.generate(q, perClass * q, 2 * ClusteredData.GENERATOR_SCALE * Math.sqrt(2),
                    Seeds.child(ctx.seed(), "overlap-" + q)));
            badNames.add("Q=" + q + " overlapping balls (δ = 2·|x̄_i − x̄_j|)");
        }
        bad.add(collinear(perClass, Seeds.child(ctx.seed(), "collinear")));
        badNames.add("Q=3 collinear means, middle class truncated second");
        int refused = 0;
        int oneLine = 0;
        StringBuilder msgs = new StringBuilder();
        for (int i = 0; i < bad.size(); i++) {
            try {
                Minimizers.build(bad.get(i), BuildOptions.defaults(bad.get(i).classes()).withSeed(ctx.seed()));
                msgs.append(badNames.get(i)).append(": NOT refused\n");
            } catch (InputException e) {
                refused++;
                String m = e.getMessage();
                if (!m.contains("\n") && m.contains("class") && m.contains("step")) {
                    oneLine++;
                }
                msgs.append(badNames.get(i)).append(": ").append(m).append('\n');
            }
        }
        int accepted = 0;
        double[] goodDeltas = {0.1 * rho, 0.25 * rho, 0.4 * rho};
        for (double dl : goodDeltas) {
            try {
                Minimizers.build(ClusteredData.generate(3, perClass * 3, dl, Seeds.child(ctx.seed(), "good")),
                        BuildOptions.defaults(3).withSeed(ctx.seed()));
                accepted++;
            } catch (InputException e) {
                msgs.append("δ = ").append(dl).append(": refused: ").append(e.getMessage()).append('\n');
            }
        }
        return b.param("violating data sets", bad.size()).param("rho (Q = 3)", rho)
                .param("clustered deltas (Q = 3)", "0.1ρ, 0.25ρ, 0.4ρ")
                .atLeast("violating data sets refused", refused, bad.size())
                .atLeast("refusals with a one-line message naming class and step", oneLine, bad.size())
                .atLeast("clustered data sets accepted", accepted, goodDeltas.length)
                .criterion("every violating data set raises an InputException whose single line names the class and "
                        + "the step; every data set with δ ≤ 0.4ρ is accepted")
                .note(msgs.toString().strip())
                .build();
    }

    /** Three classes in R^3 whose means lie on one line (the middle class is class 1). */
    static Dataset collinear(int perClass, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        int n = 3 * perClass;
        Matrix x = Matrix.zeros(n, 3);
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            int j = r / perClass;
            labels[r] = j;
            double[] mean = {5.0 * j, 1, 2};
            for (int k = 0; k < 3; k++) {
                x.set(r, k, mean[k] + 0.5 * (2 * rng.nextDouble() - 1));
            }
        }
        return Dataset.classification(x, labels, 3);
    }
}
