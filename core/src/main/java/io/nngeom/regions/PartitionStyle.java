package io.nngeom.regions;

import java.util.List;
import java.util.Locale;

/**
 * How {@link PartitionSvg} draws a 2-D partition: the colouring of the regions, the axis names, the data points and
 * the anchor points of a slice.
 *
 * @param colour what a region's fill shows
 * @param xLabel name of the horizontal axis
 * @param yLabel name of the vertical axis
 * @param points data points in the plot's coordinates (rows (x, y)); empty for none
 * @param values one value per point: a class label (0, 1, …) when {@code classes}, else a target value
 * @param classes whether {@code values} are class labels
 * @param anchors named points to mark (a slice's origin O and O + U, O + V)
 * @param threshold the output level of the decision boundary
 */
public record PartitionStyle(Colour colour, String xLabel, String yLabel, double[][] points, double[] values,
                             boolean classes, List<Anchor> anchors, double threshold) {

    /** What a region's fill shows. */
    public enum Colour {
        /** A pastel colour hashed from the activation pattern: neighbouring regions differ. */
        PATTERN,
        /** The network's first output at the region's centroid, on a colour scale. */
        OUTPUT,
        /** The slope of the region's affine map: the Frobenius norm of its matrix A, on a colour scale. */
        SLOPE;

        /** The colouring named {@code pattern}, {@code output} or {@code slope}, or null. */
        public static Colour parse(String name) {
            for (Colour c : values()) {
                if (c.name().equalsIgnoreCase(name.strip())) {
                    return c;
                }
            }
            return null;
        }

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A named point of the plane, e.g. a slice's origin. */
    public record Anchor(String label, double x, double y) {
    }

    public PartitionStyle {
        points = points.clone();
        values = values.clone();
        anchors = List.copyOf(anchors);
        if (points.length != values.length) {
            throw new IllegalArgumentException(points.length + " points, " + values.length + " values");
        }
    }

    /** Pattern colours, axes x₁ and x₂, no points, no anchors, boundary at output 0. */
    public static PartitionStyle plain() {
        return new PartitionStyle(Colour.PATTERN, "x₁", "x₂", new double[0][], new double[0], false, List.of(), 0);
    }

    public PartitionStyle withColour(Colour c) {
        return new PartitionStyle(c, xLabel, yLabel, points, values, classes, anchors, threshold);
    }

    public PartitionStyle withAxes(String x, String y) {
        return new PartitionStyle(colour, x, y, points, values, classes, anchors, threshold);
    }

    public PartitionStyle withPoints(double[][] xy, double[] v, boolean asClasses) {
        return new PartitionStyle(colour, xLabel, yLabel, xy, v, asClasses, anchors, threshold);
    }

    public PartitionStyle withAnchors(List<Anchor> a) {
        return new PartitionStyle(colour, xLabel, yLabel, points, values, classes, a, threshold);
    }

    public PartitionStyle withThreshold(double t) {
        return new PartitionStyle(colour, xLabel, yLabel, points, values, classes, anchors, t);
    }

    /** The anchors of a slice x = O + s U + t V in its (s, t) coordinates: O at (0, 0), O + U at (1, 0), O + V at (0, 1). */
    public static List<Anchor> sliceAnchors() {
        return List.of(new Anchor("O", 0, 0), new Anchor("O + U", 1, 0), new Anchor("O + V", 0, 1));
    }
}
