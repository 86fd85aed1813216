package io.nngeom.regions;

/**
 * What an n-D region search found ({@link PatternSearchEnumerator#search}).
 *
 * @param partition every region, when {@code complete}; null when the search stopped early
 * @param complete whether the search ran to the end
 * @param regionsAtLeast the number of regions when complete; otherwise a lower bound: every cell of the partial
 *                       search (a polytope of the first layers' arrangement, containing a ball) holds at least one
 *                       region of the whole network
 * @param layersDone hidden layers fully searched
 * @param lpCount linear programs solved
 * @param seconds wall time
 * @param stopReason why the search stopped early, or an empty string
 */
public record SearchOutcome(Partition partition, boolean complete, long regionsAtLeast, int layersDone, long lpCount,
                            double seconds, String stopReason) {
}
