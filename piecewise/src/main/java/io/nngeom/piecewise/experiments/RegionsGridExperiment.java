package io.nngeom.piecewise.experiments;

import static io.nngeom.piecewise.experiments.ExperimentHelpers.moons;
import static io.nngeom.piecewise.experiments.ExperimentHelpers.symmetricDifference;
import static io.nngeom.piecewise.experiments.ExperimentHelpers.trainedMoonsNet;

import io.nngeom.data.Dataset;
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
import java.util.SplittableRandom;

/** Dense-grid check: every sampled activation pattern is a region found */
final class RegionsGridExperiment extends PiecewiseExperiment {
    RegionsGridExperiment() {
        super("piecewise.regions-grid", "Dense-grid check: every sampled activation pattern is a region found");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "grid"));
        Dataset data = moons(400, rng);
        Mlp net = trainedMoonsNet(ctx.seed(), ctx.quick() ? 150 : 2000, data);
        Box box = Box.bounding(data.x(), 0.05);
        Partition p = new PlanarPartitioner().enumerate(net, box);
        int perSide = ctx.quick() ? 400 : 1500;
        int[] g = p.gridCheck(net, perSide);
        double area = 0;
        for (var r : p.regions()) {
            area += r.area();
        }
        ExperimentResult.Builder b = ExperimentResult.builder(this, ctx).param("net", "2-32-32-1 trained (Adam, MSE, two moons)")
                .param("gridPerSide", perSide).param("box", box.toString())
                .measure("regions", p.count()).measure("sampledPatterns", g[0]).measure("partitionSeconds", p.seconds())
                .atMost("sampledPatternsMissing", g[1], 0)
                .atMost("areaDefect", Math.abs(area - box.volume()) / box.volume(), 1e-9)
                .atMost("regionsMinusSerraUpper", p.count() - RegionBounds.serraUpper(RegionBounds.hiddenSizes(net)).doubleValue(), 0);
        if (!ctx.quick()) {
            Partition q = new PatternSearchEnumerator().enumerate(net, box);
            b.atMost("enumeratorSymmetricDifference", symmetricDifference(p, q), 0).measure("lpCount", q.lpCount())
                    .measure("lpSearchSeconds", q.seconds());
        }
        return b.criterion("every activation pattern on a dense grid is a region of the exact partition; the polygons tile the box"
                        + " (area defect <= 1e-9); full run: the LP search finds the same patterns")
                .figure(PartitionSvg.figure("partition-trained", "Linear regions of a trained 2-32-32-1 net (decision boundary bold)", p))
                .build();
    }
}
