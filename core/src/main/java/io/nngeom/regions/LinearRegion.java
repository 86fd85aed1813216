package io.nngeom.regions;

import io.nngeom.linalg.Matrix;

/**
 * One linear region of a ReLU network on a box: the set of inputs sharing one activation pattern, a convex
 * polytope on which the network is the affine map x ↦ A x + c (Huang 2022, §2 fact 3: "generalized affine
 * transform" of the region).
 *
 * @param pattern on/off bit of every hidden unit, layer after layer (unit on ⇔ pre-activation &gt; 0)
 * @param map A, outputs × inputs (inputs are slice coordinates when the partition is of a slice)
 * @param offset c, one per output
 * @param polygon for a 2-D partition the region's convex polygon, vertices x0,y0,x1,y1,… counter-clockwise;
 *                null for an n-D enumeration
 * @param interior a point inside the region (Chebyshev centre or polygon centroid)
 * @param radius radius of a ball around {@code interior} inside the region (the Chebyshev radius for the
 *               LP enumerator; NaN when not computed)
 */
public record LinearRegion(boolean[] pattern, Matrix map, double[] offset, double[] polygon, double[] interior,
                           double radius) {

    /** The pattern as a 0/1 string with a '|' between layers is not kept; this is the plain bit string. */
    public String patternKey() {
        return key(pattern);
    }

    static String key(boolean[] p) {
        char[] c = new char[p.length];
        for (int i = 0; i < p.length; i++) {
            c[i] = p[i] ? '1' : '0';
        }
        return new String(c);
    }

    /** Area of the polygon (2-D partitions only; NaN otherwise). */
    public double area() {
        if (polygon == null) {
            return Double.NaN;
        }
        return Polygons.area(polygon, polygon.length / 2);
    }

    /** The affine map evaluated at x. */
    public double[] evaluate(double[] x) {
        double[] y = map.times(x);
        for (int i = 0; i < y.length; i++) {
            y[i] += offset[i];
        }
        return y;
    }
}
