package io.nngeom.regions;

import io.nngeom.net.Mlp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The linear regions of a network on a box, as found by one {@link RegionEnumerator}.
 *
 * @param enumerator name of the enumerator
 * @param box the domain
 * @param regions the regions (one per activation pattern)
 * @param boundary decision-boundary segments x0,y0,x1,y1 per segment (2-D partitions; empty otherwise)
 * @param lpCount number of linear programs solved (0 for the planar partitioner)
 * @param seconds wall time of the enumeration
 */
public record Partition(String enumerator, Box box, List<LinearRegion> regions, double[] boundary, long lpCount,
                        double seconds) {

    public Partition {
        regions = List.copyOf(regions);
    }

    public int count() {
        return regions.size();
    }

    /** The set of activation patterns as 0/1 strings. */
    public Set<String> patternKeys() {
        Set<String> s = new LinkedHashSet<>();
        for (LinearRegion r : regions) {
            s.add(r.patternKey());
        }
        return s;
    }

    /** Number of decision-boundary segments. */
    public int boundarySegments() {
        return boundary.length / 4;
    }

    /** Total length of the decision boundary. */
    public double boundaryLength() {
        double s = 0;
        for (int k = 0; k < boundary.length; k += 4) {
            s += Math.hypot(boundary[k + 2] - boundary[k], boundary[k + 3] - boundary[k + 1]);
        }
        return s;
    }

    /** Region of a pattern key, or null. */
    public LinearRegion find(String key) {
        for (LinearRegion r : regions) {
            if (r.patternKey().equals(key)) {
                return r;
            }
        }
        return null;
    }

    /** Index from pattern key to region. */
    public Map<String, LinearRegion> byPattern() {
        Map<String, LinearRegion> m = new HashMap<>();
        for (LinearRegion r : regions) {
            m.put(r.patternKey(), r);
        }
        return m;
    }

    /**
     * Dense-grid check: the activation patterns of a g×g grid (2-D) or of {@code samples} points of the box,
     * and how many of them are not among the regions.
     *
     * @return {distinct sampled patterns, sampled patterns missing from this partition}
     */
    public int[] gridCheck(Mlp net, int perSide) {
        if (box.dim() != 2) {
            throw new IllegalArgumentException("gridCheck is for 2-D partitions");
        }
        Set<String> found = patternKeys();
        Set<String> sampled = new HashSet<>();
        int missing = 0;
        PwlNet pn = PwlNet.of(net);
        double[] x = new double[2];
        for (int i = 0; i < perSide; i++) {
            for (int j = 0; j < perSide; j++) {
                x[0] = box.lo(0) + (box.hi(0) - box.lo(0)) * (i + 0.5) / perSide;
                x[1] = box.lo(1) + (box.hi(1) - box.lo(1)) * (j + 0.5) / perSide;
                String k = LinearRegion.key(pn.pattern(x));
                if (sampled.add(k) && !found.contains(k)) {
                    missing++;
                }
            }
        }
        return new int[] {sampled.size(), missing};
    }
}
