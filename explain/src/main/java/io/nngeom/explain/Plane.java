package io.nngeom.explain;

/**
 * A plane through three data points x_a, x_b, x_c, {x_a + s(x_b − x_a) + t(x_c − x_a)}, partitioned exactly into the
 * network's linear regions over s, t ∈ [−0.5, 1.5] (the three points at (0, 0), (1, 0), (0, 1)).
 *
 * @param points the example indices a, b, c
 * @param labels their labels (class labels, or −1 for real targets)
 * @param regions number of linear regions in the drawn window
 * @param figure the name of its figure
 */
public record Plane(int[] points, int[] labels, int regions, String figure) {
}
