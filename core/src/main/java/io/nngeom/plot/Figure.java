package io.nngeom.plot;

/**
 * A picture described as data, so that theory code needs no plotting library: the report module renders
 * {@link Chart}s with XChart (PNG and SVG) and writes {@link SvgFigure}s as they are.
 */
public sealed interface Figure permits Chart, SvgFigure {
    /** File stem, unique within one experiment or command (letters, digits, '-', '_'). */
    String name();

    /** Caption. */
    String title();
}
