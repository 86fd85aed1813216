/**
 * Linear regions of any ReLU network: the exact 2-D partition ({@code PlanarPartitioner}, depth first on two
 * threads), the n-D LP pattern search ({@code PatternSearchEnumerator} with {@code ChebyshevLp}), region-count
 * bounds and SVG pictures.
 */
package io.nngeom.regions;
