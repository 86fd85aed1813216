package io.nngeom.piecewise.experiments;

import static io.nngeom.piecewise.experiments.ExperimentHelpers.TOL;

import io.nngeom.piecewise.Construction;
import io.nngeom.piecewise.Lattice;
import io.nngeom.piecewise.Piecewise;
import io.nngeom.piecewise.Triangulation;
import io.nngeom.plot.Figure;
import io.nngeom.regions.Box;
import io.nngeom.regions.LinearRegion;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PartitionSvg;
import io.nngeom.regions.PlanarPartitioner;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** E5: the max-min lattice network is exact on random triangulations */
final class LatticeExperiment extends PiecewiseExperiment {
    LatticeExperiment() {
        super("piecewise.lattice", "E5: the max-min lattice network is exact on random triangulations");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        int[] sizes = ctx.quick() ? new int[] {6, 10} : new int[] {6, 12, 18, 24, 30};
        int points = ctx.quick() ? 20_000 : 200_000;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e5"));
        double worst = 0;
        int layerMismatch = 0;
        List<List<String>> rows = new ArrayList<>();
        int pieceMismatch = 0;
        Figure partitionFigure = null;
        String regionNote = "";
        int done = 0;
        for (int interior : sizes) {
            ctx.progress().update("triangulations", done++, sizes.length,
                    interior + " interior vertices, " + points + " test points");
            Triangulation f = Triangulation.randomDelaunay(interior, rng);
            Lattice.Family fam = Lattice.cellProbeFamily(f);
            Construction c = Lattice.build(fam.pieces(), fam.sets());
            if (interior == sizes[0]) {
                // the network's own linear regions: every region's affine map must be a piece of f, and every piece
                // must occur (checked with the exact planar partition of the constructed net)
                Partition part = new PlanarPartitioner().enumerate(c.net(), Box.cube(2, 0, 1));
                pieceMismatch += piecesNotMatched(part, fam.pieces());
                regionNote = "The " + c.hiddenUnits() + "-unit lattice net for " + fam.pieces().length + " pieces has " + part.count()
                        + " activation regions on [0,1]^2, and each region's affine map is one of the " + fam.pieces().length + " pieces.";
                partitionFigure = PartitionSvg.figure("lattice-partition",
                        "Linear regions of the lattice net for a " + fam.pieces().length + "-piece triangulation", part);
            }
            double[] err = Piecewise.measure(f, c.net(), points, rng.nextLong());
            worst = Math.max(worst, err[0] / (1 + err[1]));
            int expected = Lattice.ceilLog2(fam.maxSetSize()) + Lattice.ceilLog2(fam.sets().size());
            if (expected != c.hiddenLayers()) {
                layerMismatch++;
            }
            rows.add(List.of("" + interior, "" + f.triangleCount(), "" + fam.pieces().length, "" + fam.sets().size(),
                    "" + fam.maxSetSize(), "" + c.hiddenLayers(), "" + c.hiddenUnits(), String.format("%.2e", err[0])));
        }
        // negative control: region-wise families
        int controls = ctx.quick() ? 12 : 40;
        int failures = 0;
        double worstControl = 0;
        for (int s = 0; s < controls; s++) {
            Triangulation f = Triangulation.randomDelaunay(15, Seeds.rng(Seeds.child(ctx.seed(), "e5-control-" + s)));
            Lattice.Family rw = Lattice.regionWiseFamily(f);
            Construction c = Lattice.build(rw.pieces(), rw.sets());
            double err = Piecewise.measure(f, c.net(), 5000, s)[0];
            worstControl = Math.max(worstControl, err);
            if (err > 1e-3) {
                failures++;
            }
        }
        return ExperimentResult.builder(this, ctx).param("interiorVertices", Arrays.toString(sizes)).param("points", points)
                .param("controlInstances", controls)
                .atMost("maxRelativeError", worst, TOL).atMost("hiddenLayerCountMismatches", layerMismatch, 0)
                .atMost("regionMapsNotAPieceOrPiecesMissing", pieceMismatch, 0)
                .atLeast("regionWiseControlFailures", failures, 1)
                .measure("regionWiseControlWorstError", worstControl)
                .criterion("cell-probe lattice net exact (<= 1e-9) with ceil(log2 max|S|) + ceil(log2 |F|) hidden layers; "
                        + "negative control: the one-set-per-region family fails (> 1e-3) on some instances")
                .note(regionNote)
                .figure(partitionFigure)
                .note("regionWiseControlFailures counts instances (15 interior vertices each) where the region-wise family is wrong, "
                        + "as the theory warns.")
                .table(new Table("lattice-sizes", "Lattice networks built",
                        List.of("interior", "triangles", "pieces", "|F|", "max|S|", "layers", "units", "max error"), rows))
                .build();
    }

    /**
     * The regions of the network whose affine map is none of the pieces (to 1e-9 relative), plus the pieces no region
     * has: zero when the network's own linear regions are exactly the pieces of f.
     */
    private static int piecesNotMatched(Partition part, double[][] pieces) {
        int mismatches = 0;
        boolean[] seen = new boolean[pieces.length];
        for (LinearRegion r : part.regions()) {
            int match = -1;
            for (int j = 0; j < pieces.length && match < 0; j++) {
                double[] g = pieces[j];
                if (Math.abs(r.map().get(0, 0) - g[0]) + Math.abs(r.map().get(0, 1) - g[1]) + Math.abs(r.offset()[0] - g[2])
                        <= 1e-9 * (1 + Math.abs(g[0]) + Math.abs(g[1]) + Math.abs(g[2]))) {
                    match = j;
                }
            }
            if (match < 0) {
                mismatches++;
            } else {
                seen[match] = true;
            }
        }
        for (boolean b : seen) {
            if (!b) {
                mismatches++;
            }
        }
        return mismatches;
    }
}
