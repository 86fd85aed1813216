package io.nngeom.plot;

/** A picture already drawn as SVG text (for example a partition of the plane into linear regions). */
public record SvgFigure(String name, String title, String svg) implements Figure {
}
