package io.nngeom.regions;

import io.nngeom.optim.LinearProgram;
import java.util.Arrays;

/**
 * Convex-polygon helpers on flat coordinate arrays x0,y0,x1,y1,… (no per-vertex objects, for the hot loops of
 * {@link PlanarPartitioner}).
 */
public final class Polygons {
    private Polygons() {
    }

    /**
     * Signed area (positive for counter-clockwise order) of the first n vertices. Coordinates are taken relative
     * to the first vertex, so a sliver far from the origin keeps its relative accuracy (the shoelace sum in
     * absolute coordinates cancels catastrophically when the area is small against |x|·|y|).
     */
    public static double area(double[] p, int n) {
        if (n < 3) {
            return 0;
        }
        double x0 = p[0];
        double y0 = p[1];
        double s = 0;
        for (int i = 1; i + 1 < n; i++) {
            double xi = p[2 * i] - x0;
            double yi = p[2 * i + 1] - y0;
            double xj = p[2 * i + 2] - x0;
            double yj = p[2 * i + 3] - y0;
            s += xi * yj - xj * yi;
        }
        return 0.5 * s;
    }

    /**
     * Area centroid of a convex polygon (vertex mean when degenerate), computed relative to the first vertex as
     * in {@link #area}: for a sliver region the absolute-coordinate formula divides a cancelled sum by a tiny
     * area and can land outside the polygon.
     */
    public static double[] centroid(double[] p, int n) {
        double x0 = p[0];
        double y0 = p[1];
        double a = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 1; i + 1 < n; i++) {
            double xi = p[2 * i] - x0;
            double yi = p[2 * i + 1] - y0;
            double xj = p[2 * i + 2] - x0;
            double yj = p[2 * i + 3] - y0;
            double cr = xi * yj - xj * yi;
            a += cr;
            cx += (xi + xj) * cr;
            cy += (yi + yj) * cr;
        }
        if (!(Math.abs(a) > 0)) {
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += p[2 * i];
                my += p[2 * i + 1];
            }
            return new double[] {mx / n, my / n};
        }
        return new double[] {x0 + cx / (3 * a), y0 + cy / (3 * a)};
    }

    /**
     * Splits a convex polygon (flat x,y array) by the line a x + b y + c = 0 into its parts with a x + b y + c ≥ 0
     * and ≤ 0; a part reaching less than {@code tol} (distance) beyond the line is null.
     *
     * @return {positive part or null, negative part or null}
     */
    public static double[][] split(double[] poly, double a, double b, double c, double tol) {
        int nv = poly.length / 2;
        double nrm = Math.hypot(a, b);
        if (nrm < 1e-300) {
            return c > 0 ? new double[][] {poly.clone(), null} : new double[][] {null, poly.clone()};
        }
        double[] d = new double[nv];
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nv; k++) {
            d[k] = (a * poly[2 * k] + b * poly[2 * k + 1] + c) / nrm;
            max = Math.max(max, d[k]);
            min = Math.min(min, d[k]);
        }
        if (max <= tol) {
            return new double[][] {null, poly.clone()};
        }
        if (min >= -tol) {
            return new double[][] {poly.clone(), null};
        }
        double[] pos = new double[4 * nv + 4];
        double[] neg = new double[4 * nv + 4];
        int np = 0;
        int nn = 0;
        for (int k = 0; k < nv; k++) {
            int j = k + 1 == nv ? 0 : k + 1;
            int sk = d[k] > tol ? 1 : (d[k] < -tol ? -1 : 0);
            int sj = d[j] > tol ? 1 : (d[j] < -tol ? -1 : 0);
            if (sk >= 0) {
                pos[np++] = poly[2 * k];
                pos[np++] = poly[2 * k + 1];
            }
            if (sk <= 0) {
                neg[nn++] = poly[2 * k];
                neg[nn++] = poly[2 * k + 1];
            }
            if (sk * sj < 0) {
                double t = d[k] / (d[k] - d[j]);
                double xi = poly[2 * k] + t * (poly[2 * j] - poly[2 * k]);
                double yi = poly[2 * k + 1] + t * (poly[2 * j + 1] - poly[2 * k + 1]);
                pos[np++] = xi;
                pos[np++] = yi;
                neg[nn++] = xi;
                neg[nn++] = yi;
            }
        }
        return new double[][] {Arrays.copyOf(pos, np), Arrays.copyOf(neg, nn)};
    }

    /** Radius of the largest circle inside a convex polygon (Chebyshev centre by an LP over its edges). */
    public static double inradius(double[] p, int n) {
        double orient = area(p, n) >= 0 ? 1 : -1;
        LinearProgram lp = new LinearProgram(3);
        lp.maximize(new double[] {0, 0, 1});
        for (int k = 0; k < n; k++) {
            int j = k + 1 == n ? 0 : k + 1;
            double ex = p[2 * j] - p[2 * k];
            double ey = p[2 * j + 1] - p[2 * k + 1];
            double len = Math.hypot(ex, ey);
            if (len == 0) {
                continue;
            }
            // inward normal of a counter-clockwise edge is (−ey, ex)
            double nx = -orient * ey / len;
            double ny = orient * ex / len;
            // n·(x − p_k) ≥ r  ⇔  −n·x + r ≤ −n·p_k
            lp.lessEq(new double[] {-nx, -ny, 1}, -(nx * p[2 * k] + ny * p[2 * k + 1]));
        }
        lp.bound(2, 0, Double.POSITIVE_INFINITY);
        LinearProgram.Result r = lp.solve();
        return r.optimal() ? r.value() : 0;
    }
}
