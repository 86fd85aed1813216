package io.nngeom.regions;

import io.nngeom.run.Progress;

/**
 * Bounds and progress of an n-D region search ({@link PatternSearchEnumerator#search}): the search stops once it
 * knows of more than {@code maxRegions} regions or has run {@code timeLimitSeconds}, and reports where it stands.
 *
 * @param maxRegions stop when more regions than this are certain (a value {@code <= 0}: no bound)
 * @param timeLimitSeconds stop after this much wall time ({@code <= 0} or infinite: no limit)
 * @param progress receives the layer, the cells done and the regions found so far
 */
public record SearchLimits(long maxRegions, double timeLimitSeconds, Progress progress) {
    /** No bound, no progress. */
    public static final SearchLimits NONE = new SearchLimits(0, 0, Progress.NONE);

    public SearchLimits {
        progress = progress == null ? Progress.NONE : progress;
        if (Double.isNaN(timeLimitSeconds)) {
            throw new IllegalArgumentException("time limit is NaN");
        }
    }

    /** Keeps the clock of one search; asked once per unit and cell, it formats a progress line at most 20 times a second. */
    final class Budget {
        private static final long GAP_NANOS = 50_000_000L;
        private final long start = System.nanoTime();
        private long lastReport = start;
        private String stopReason;

        /**
         * Whether the search must stop, given that at least {@code regionsAtLeast} regions exist; reports progress.
         */
        boolean exhausted(int layer, int layers, int node, int nodes, long regionsAtLeast, long lps) {
            long now = System.nanoTime();
            if (maxRegions > 0 && regionsAtLeast > maxRegions) {
                stopReason = "more than --max-regions " + maxRegions + " regions";
            } else if (timeLimitSeconds > 0 && Double.isFinite(timeLimitSeconds)
                    && (now - start) / 1e9 > timeLimitSeconds) {
                stopReason = "time limit of " + timeLimitSeconds + " s reached";
            }
            if (stopReason == null && now - lastReport >= GAP_NANOS) {
                lastReport = now;
                progress.update("regions: lp-search layer " + (layer + 1) + "/" + layers, node, nodes,
                        "regions ≥ " + regionsAtLeast + ", " + lps + " LPs");
            }
            return stopReason != null;
        }

        String stopReason() {
            return stopReason;
        }
    }
}
