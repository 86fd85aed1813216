package io.nngeom.regions;

/**
 * Convex-polygon helpers on flat coordinate arrays x0,y0,x1,y1,… (no per-vertex objects, for the hot loops of
 * {@link PlanarPartitioner}).
 */
final class Polygons {
    private Polygons() {
    }

    /** Signed area (positive for counter-clockwise order) of the first n vertices. */
    static double area(double[] p, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            s += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
        }
        return 0.5 * s;
    }

    /** Area centroid of a convex polygon (vertex mean when degenerate). */
    static double[] centroid(double[] p, int n) {
        double a = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double cr = p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
            a += cr;
            cx += (p[2 * i] + p[2 * j]) * cr;
            cy += (p[2 * i + 1] + p[2 * j + 1]) * cr;
        }
        if (Math.abs(a) < 1e-300) {
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += p[2 * i];
                my += p[2 * i + 1];
            }
            return new double[] {mx / n, my / n};
        }
        return new double[] {cx / (3 * a), cy / (3 * a)};
    }
}
