package io.nngeom.piecewise.experiments;

import io.nngeom.piecewise.RankModels;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.List;

/** E11: rank-probability models, exact values against Monte Carlo */
final class RankExperiment extends PiecewiseExperiment {
    RankExperiment() {
        super("piecewise.rank", "E11: rank-probability models, exact values against Monte Carlo");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        int trials = ctx.quick() ? 10_000 : 100_000;
        long seed = Seeds.child(ctx.seed(), "e11");
        List<List<String>> rows = new ArrayList<>();
        int outside = 0;
        double worstZ = 0;
        // exact references (digest): ±1 n=2..4; {0,1} n=1..4; GF(2); ReLU local injectivity
        List<double[]> cases = new ArrayList<>(); // kind, n, m, exact
        double[] pm = {0.5, 5.0 / 8, 169.0 / 256};
        for (int n = 2; n <= 4; n++) {
            cases.add(new double[] {0, n, n, pm[n - 2]});
        }
        double[] zo = {0.5, 5.0 / 8, 169.0 / 256, 1343.0 / 2048};
        for (int n = 1; n <= 4; n++) {
            cases.add(new double[] {1, n, n, zo[n - 1]});
        }
        for (int n : new int[] {3, 10, 30}) {
            cases.add(new double[] {2, n, n, RankModels.gf2FullRank(n)});
        }
        int[][] relu = {{2, 2}, {2, 4}, {3, 6}, {10, 20}, {10, 40}};
        for (int[] r : relu) {
            cases.add(new double[] {3, r[0], r[1], RankModels.binomialTail(r[1], r[0])});
        }
        String[] names = {"P(singular) ±1", "P(singular) {0,1}", "P(full rank) GF(2)", "P(ReLU layer locally injective)"};
        int k = 0;
        for (double[] c : cases) {
            int kind = (int) c[0];
            int n = (int) c[1];
            int m = (int) c[2];
            long s = Seeds.child(seed, k++);
            int tr = kind == 3 && n >= 10 ? trials / 5 : trials;
            double mc = switch (kind) {
                case 0 -> RankModels.mcSingular(n, -1, 1, tr, s);
                case 1 -> RankModels.mcSingular(n, 0, 1, tr, s);
                case 2 -> RankModels.mcGf2FullRank(n, tr, s);
                default -> RankModels.mcReluInjective(n, m, tr, s);
            };
            double p = c[3];
            double sigma = Math.sqrt(p * (1 - p) / tr);
            double z = sigma == 0 ? 0 : Math.abs(mc - p) / sigma;
            worstZ = Math.max(worstZ, z);
            if (z > 4) {
                outside++;
            }
            rows.add(List.of(names[kind], "" + n, kind == 3 ? "" + m : "-", String.format("%.6f", p), String.format("%.6f", mc),
                    "" + tr, String.format("%.2f", z)));
        }
        double exactCheck = Math.abs(RankModels.exactSingular(3, -1, 1) - 5.0 / 8) + Math.abs(RankModels.exactSingular(2, 0, 1) - 10.0 / 16);
        double gauss = RankModels.mcGaussianFullRank(6, 4, ctx.quick() ? 2000 : 20000, Seeds.child(seed, "gauss"));
        return ExperimentResult.builder(this, ctx).param("trials", trials)
                .atMost("casesOutside4Sigma", outside, 0).measure("worstZ", worstZ)
                .atLeast("gaussianFullRankFrequency", gauss, 1.0)
                .atMost("exactEnumerationDefect", exactCheck, 0)
                .criterion("every Monte Carlo frequency within 4 sigma of its exact value; Gaussian matrices always full rank; "
                        + "the exact enumeration reproduces 5/8 (±1, n=3) and 10/16 ({0,1}, n=2)")
                .table(new Table("rank-models", "Rank probability models", List.of("model", "n", "m", "exact", "Monte Carlo", "draws", "|z|"), rows))
                .build();
    }
}
