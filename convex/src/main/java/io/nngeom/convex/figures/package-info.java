/**
 * The convex area's pictures as data ({@link io.nngeom.plot.Chart}, {@link io.nngeom.plot.SvgFigure}): fits in 1-D,
 * the exact 2-D plane picture of a network's neurons and level regions, duality-gap curves and β paths. Shared by the
 * validation experiments and {@code nngeom convex fit/path --plot}.
 */
package io.nngeom.convex.figures;
