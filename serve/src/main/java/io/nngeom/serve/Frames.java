package io.nngeom.serve;

import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.LinearRegion;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PlanarPartitioner;
import io.nngeom.regions.RegionBounds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact linear-region partition of a snapshot over a view box, as the page draws it: every region's convex
 * polygon with its affine map x ↦ A x + c, the decision boundary as exact segments (output = 0 for one output,
 * argmax ties for several), and the region count beside its bounds. Computed by {@link PlanarPartitioner}, the
 * code of {@code nngeom regions}.
 */
final class Frames {
    private Frames() {
    }

    /** Parses {@code x0,x1,y0,y1}; 400 unless four finite numbers with x0 &lt; x1, y0 &lt; y1 and sane sizes. */
    static Box box(String text) {
        String[] p = text == null ? new String[0] : text.split(",");
        if (p.length != 4) {
            throw ApiException.badRequest("box: expected x0,x1,y0,y1, got '" + clip(text) + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("box: '" + clip(p[i]) + "' is not a number");
            }
            if (!Double.isFinite(v[i]) || Math.abs(v[i]) > 1e6) {
                throw ApiException.badRequest("box: coordinates must be finite and within ±1e6, got " + p[i].trim());
            }
        }
        double w = v[1] - v[0];
        double h = v[3] - v[2];
        if (!(w > 1e-9 && h > 1e-9)) {
            throw ApiException.badRequest("box: needs x0 < x1 and y0 < y1, each side at least 1e-9 long");
        }
        return Box.of2d(v[0], v[1], v[2], v[3]);
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The partition of {@code snap}'s network over {@code box} as a JSON-ready map; 422 above the region cap. */
    static Map<String, Object> partition(Run.Snapshot snap, Box box, int regionCap) {
        Mlp net = snap.model();
        Partition p;
        long t0 = System.nanoTime();
        try {
            p = new PlanarPartitioner(0.0).enumerate(net, box);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "no exact partition: " + e.getMessage());
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (p.count() > regionCap) {
            throw new ApiException(422, "too many regions at this zoom: " + p.count() + " > " + regionCap
                    + "; zoom in or use a smaller network");
        }
        List<Map<String, Object>> regions = new ArrayList<>(p.count());
        for (LinearRegion r : p.regions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("polygon", r.polygon());
            double[][] a = new double[r.map().rows()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = new double[] {r.map().get(i, 0), r.map().get(i, 1)};
            }
            m.put("A", a);
            m.put("c", r.offset());
            m.put("pattern", r.patternKey());
            regions.add(m);
        }
        int[] hs = RegionBounds.hiddenSizes(net);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step", snap.step());
        out.put("box", new double[] {box.lo(0), box.hi(0), box.lo(1), box.hi(1)});
        out.put("exact", true);
        out.put("count", p.count());
        out.put("upperBound", RegionBounds.serraUpper(hs).toString());
        out.put("lowerBound", RegionBounds.montufarLower(hs).toString());
        out.put("outputs", net.outputDim());
        out.put("ms", ms);
        out.put("boundary", p.boundary());
        out.put("regions", regions);
        return out;
    }
}
