package io.nngeom.explain;

import io.nngeom.data.Dataset;
import io.nngeom.net.Mlp;
import io.nngeom.plot.Figure;
import io.nngeom.regions.Box;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PartitionStyle;
import io.nngeom.regions.PartitionSvg;
import io.nngeom.regions.PlanarPartitioner;
import io.nngeom.regions.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Planes through three data points, partitioned exactly by {@link PlanarPartitioner} and drawn with
 * {@link PartitionSvg}. With classes, the three points come from three different classes (plane p uses classes
 * 3p, 3p + 1, 3p + 2 modulo K, one random example of each); otherwise three random examples.
 */
final class Planes {
    /** The window of the plane in its (s, t) coordinates. */
    static final double LO = -0.5;
    static final double HI = 1.5;
    /**
     * The partition is drawn only when the regions crossed along the triangle's three edges stay below this: the
     * number of regions in the window grows about as the square of that count, and beyond it the picture is
     * neither quick nor readable.
     */
    static final int MAX_EDGE_REGIONS = 240;

    private Planes() {
    }

    record Drawn(List<Plane> planes, List<Figure> figures, List<String> notes) {
    }

    static Drawn draw(Mlp net, Dataset d, int count, long seed) {
        List<Plane> planes = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int p = 0; p < count; p++) {
            int[] idx = pick(d, p, rng);
            if (idx == null) {
                notes.add("planes: fewer than three distinct examples to span a plane");
                break;
            }
            double[] a = d.x().rowArray(idx[0]);
            double[] u = minus(d.x().rowArray(idx[1]), a);
            double[] v = minus(d.x().rowArray(idx[2]), a);
            int edges = edgeRegions(net, a, d.x().rowArray(idx[1]), d.x().rowArray(idx[2]));
            if (edges > MAX_EDGE_REGIONS) {
                notes.add("plane " + (p + 1) + ": not drawn, its triangle's edges cross " + edges + " regions (more than "
                        + MAX_EDGE_REGIONS + "), so the window would hold too many to draw");
                continue;
            }
            Slice slice = new Slice(a, u, v);
            Partition part = new PlanarPartitioner().enumerate(slice.restrict(net), Box.of2d(LO, HI, LO, HI));
            int[] labels = new int[3];
            double[][] xy = {{0, 0}, {1, 0}, {0, 1}};
            double[] values = new double[3];
            for (int k = 0; k < 3; k++) {
                labels[k] = d.isClassification() ? d.labels()[idx[k]] : -1;
                values[k] = d.isClassification() ? labels[k] : d.y().get(idx[k], 0);
            }
            List<PartitionStyle.Anchor> anchors = List.of(
                    new PartitionStyle.Anchor(name(d, idx[0]), 0, 0), new PartitionStyle.Anchor(name(d, idx[1]), 1, 0),
                    new PartitionStyle.Anchor(name(d, idx[2]), 0, 1));
            PartitionStyle style = PartitionStyle.plain().withAxes("s", "t").withPoints(xy, values, d.isClassification())
                    .withAnchors(anchors);
            String fig = "explain-plane" + (p + 1);
            figures.add(PartitionSvg.figure(fig, "Plane " + (p + 1) + " through examples " + idx[0] + ", " + idx[1] + ", "
                    + idx[2] + ": " + part.count() + " linear regions", part, style));
            planes.add(new Plane(idx, labels, part.count(), fig));
        }
        return new Drawn(planes, figures, notes);
    }

    private static String name(Dataset d, int i) {
        return "#" + i + (d.isClassification() ? " (class " + d.labels()[i] + ")" : "");
    }

    private static int edgeRegions(Mlp net, double[] a, double[] b, double[] c) {
        int[] ab = SegmentPartition.regionsCrossed(net, a, b);
        int[] bc = SegmentPartition.regionsCrossed(net, b, c);
        int[] ca = SegmentPartition.regionsCrossed(net, c, a);
        int last = ab.length - 1;
        return last < 0 ? 1 : ab[last] + bc[last] + ca[last];
    }

    private static int[] pick(Dataset d, int p, SplittableRandom rng) {
        int n = d.size();
        if (d.isClassification() && d.classes() >= 3) {
            int[] idx = new int[3];
            for (int k = 0; k < 3; k++) {
                int cls = (3 * p + k) % d.classes();
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (d.labels()[i] == cls) {
                        members.add(i);
                    }
                }
                if (members.isEmpty()) {
                    return randomThree(n, rng);
                }
                idx[k] = members.get(rng.nextInt(members.size()));
            }
            return idx;
        }
        return randomThree(n, rng);
    }

    private static int[] randomThree(int n, SplittableRandom rng) {
        if (n < 3) {
            return null;
        }
        int a = rng.nextInt(n);
        int b;
        int c;
        do {
            b = rng.nextInt(n);
        } while (b == a);
        do {
            c = rng.nextInt(n);
        } while (c == a || c == b);
        return new int[] {a, b, c};
    }

    private static double[] minus(double[] x, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] - y[i];
        }
        return r;
    }
}
