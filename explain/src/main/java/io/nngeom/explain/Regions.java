package io.nngeom.explain;

/**
 * The piecewise-linear view of layers 1..ℓ (theory 2: a ReLU network is affine on each activation region): how many
 * distinct activation patterns the data has, and how many linear regions the segment between two random data points
 * crosses, by the exact 1-D partition ({@link SegmentPartition}).
 *
 * @param patternsOnData distinct activation patterns of layers 1..ℓ among the examples (1 for the input layer)
 * @param meanRegionsOnSegments mean number of regions of layers 1..ℓ crossed by the segments (NaN without segments)
 * @param maxRegionsOnSegments most regions crossed by one segment (0 without segments)
 */
public record Regions(int patternsOnData, double meanRegionsOnSegments, int maxRegionsOnSegments) {
}
