/**
 * Figures as data ({@code Chart}: x–y series; {@code SvgFigure}: SVG text), so theory code needs no plotting
 * library; the report module renders them.
 */
package io.nngeom.plot;
