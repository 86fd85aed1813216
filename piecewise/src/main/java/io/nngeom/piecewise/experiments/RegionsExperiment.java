package io.nngeom.piecewise.experiments;

import static io.nngeom.piecewise.experiments.ExperimentHelpers.crossingBox;
import static io.nngeom.piecewise.experiments.ExperimentHelpers.randomArrangement;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PartitionSvg;
import io.nngeom.regions.PatternSearchEnumerator;
import io.nngeom.regions.PlanarPartitioner;
import io.nngeom.regions.RegionBounds;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** E10: region counts: shallow arrangement formula, bounds, two enumerators agree */
final class RegionsExperiment extends PiecewiseExperiment {
    RegionsExperiment() {
        super("piecewise.regions", "E10: region counts: shallow arrangement formula, bounds, two enumerators agree");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e10"));
        int[] ns = ctx.quick() ? new int[] {3, 8, 15, 30} : new int[] {1, 2, 5, 10, 15, 20, 25, 30};
        int formulaMismatch = 0;
        int agreeMismatch = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int n : ns) {
            Mlp net = randomArrangement(n, rng);
            Box box = crossingBox(net);
            Partition p = new PlanarPartitioner().enumerate(net, box);
            long expect = RegionBounds.shallowArrangement(n, 2).longValue();
            if (p.count() != expect) {
                formulaMismatch++;
            }
            String lp = "-";
            if (n <= 15 || !ctx.quick()) {
                Partition q = new PatternSearchEnumerator().enumerate(net, box);
                lp = "" + q.count();
                if (!q.patternKeys().equals(p.patternKeys())) {
                    agreeMismatch++;
                }
            }
            rows.add(List.of("shallow 2-" + n + "-1", "" + p.count(), lp, "" + expect, "" + expect, "-"));
        }
        // small deep nets: bounds, sampling, agreement
        int[][] archs = ctx.quick() ? new int[][] {{2, 6, 6, 1}, {2, 8, 4, 1}} : new int[][] {{2, 6, 6, 1}, {2, 8, 4, 1}, {2, 10, 10, 1}, {2, 8, 8, 8, 1}};
        int boundViolations = 0;
        int sampledMissing = 0;
        Partition shown = null;
        for (int[] a : archs) {
            Mlp net = Mlp.random(a, Activation.RELU, rng);
            Box b = Box.cube(2, -2, 2);
            Partition p = new PlanarPartitioner().enumerate(net, b);
            Partition q = new PatternSearchEnumerator().enumerate(net, b);
            if (!q.patternKeys().equals(p.patternKeys())) {
                agreeMismatch++;
            }
            int[] hs = RegionBounds.hiddenSizes(net);
            long upper = RegionBounds.serraUpper(hs).longValue();
            int[] grid = p.gridCheck(net, ctx.quick() ? 300 : 1000);
            if (p.count() > upper || p.count() < grid[0]) {
                boundViolations++;
            }
            sampledMissing += grid[1];
            var low = RegionBounds.montufarLower(hs);
            rows.add(List.of(net.architecture(), "" + p.count(), "" + q.count(), "" + upper, low == null ? "n/a" : low.toString(),
                    "" + grid[0]));
            shown = shown == null ? p : shown;
        }
        return ExperimentResult.builder(this, ctx).param("shallowWidths", Arrays.toString(ns))
                .param("shallowBox", "square containing every crossing (1.1 x the largest crossing coordinate)")
                .atMost("shallowFormulaMismatches", formulaMismatch, 0)
                .atMost("enumeratorDisagreements", agreeMismatch, 0)
                .atMost("boundViolations", boundViolations, 0)
                .atMost("sampledPatternsMissing", sampledMissing, 0)
                .criterion("shallow nets with all crossings inside the box: regions = 1 + N + C(N,2); deep nets: "
                        + "sampled patterns <= regions <= Serra et al. bound; planar partition and LP search find the same patterns")
                .note("Both enumerators report a region only if it contains a disc of radius 1e-7 (relative to the box); a "
                        + "nearly concurrent triple of lines can make a genuine smaller region, which would then be missing from both.")
                .note("Montufar et al.'s lower bound is on the maximal count over parameters, shown for scale; random nets "
                        + "stay far below it (Hanin & Rolnick 2019).")
                .table(new Table("region-counts", "Linear regions", List.of("net", "planar", "LP search", "Serra upper",
                        "Montufar lower (max)", "sampled patterns"), rows))
                .figure(PartitionSvg.figure("partition-random-deep", "Linear regions of a random " + archs[0].length + "-layer net", shown))
                .build();
    }
}
