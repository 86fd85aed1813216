package io.nngeom.regions;

import io.nngeom.linalg.Matrix;

import java.util.Arrays;

/**
 * An axis-aligned box lo ≤ x ≤ hi in R^n, the bounded domain on which linear regions are enumerated.
 *
 * @param lo lower corner
 * @param hi upper corner (hi_j > lo_j for every j)
 */
public record Box(double[] lo, double[] hi) {

    public Box {
        if (lo == null || hi == null || lo.length != hi.length || lo.length == 0) {
            throw new IllegalArgumentException("a box needs lower and upper corners of the same positive dimension");
        }
        for (int j = 0; j < lo.length; j++) {
            if (!(Double.isFinite(lo[j]) && Double.isFinite(hi[j]) && hi[j] > lo[j])) {
                throw new IllegalArgumentException("box side " + j + " is empty or not finite: [" + lo[j] + ", " + hi[j] + "]");
            }
        }
        lo = lo.clone();
        hi = hi.clone();
    }

    /** The square [a, b]² or the cube [a, b]^n. */
    public static Box cube(int n, double a, double b) {
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, a);
        Arrays.fill(hi, b);
        return new Box(lo, hi);
    }

    /** The 2-D box [x0, x1] × [y0, y1]. */
    public static Box of2d(double x0, double x1, double y0, double y1) {
        return new Box(new double[] {x0, y0}, new double[] {x1, y1});
    }

    public int dim() {
        return lo.length;
    }

    @Override
    public double[] lo() {
        return lo.clone();
    }

    @Override
    public double[] hi() {
        return hi.clone();
    }

    public double lo(int j) {
        return lo[j];
    }

    public double hi(int j) {
        return hi[j];
    }

    public double[] center() {
        double[] c = new double[lo.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = 0.5 * (lo[j] + hi[j]);
        }
        return c;
    }

    /** Length of the diagonal. */
    public double diameter() {
        double s = 0;
        for (int j = 0; j < lo.length; j++) {
            s += (hi[j] - lo[j]) * (hi[j] - lo[j]);
        }
        return Math.sqrt(s);
    }

    public double volume() {
        double v = 1;
        for (int j = 0; j < lo.length; j++) {
            v *= hi[j] - lo[j];
        }
        return v;
    }

    public boolean contains(double[] x) {
        for (int j = 0; j < lo.length; j++) {
            if (x[j] < lo[j] || x[j] > hi[j]) {
                return false;
            }
        }
        return true;
    }

    /** The smallest box containing the rows of X, widened on each side by {@code margin} times its extent. */
    public static Box bounding(Matrix x, double margin) {
        int n = x.cols();
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < n; j++) {
                lo[j] = Math.min(lo[j], x.get(r, j));
                hi[j] = Math.max(hi[j], x.get(r, j));
            }
        }
        for (int j = 0; j < n; j++) {
            double w = hi[j] - lo[j];
            if (!(w > 0)) {
                w = 1;
            }
            lo[j] -= margin * w;
            hi[j] += margin * w;
        }
        return new Box(lo, hi);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(b.lo, lo) && Arrays.equals(b.hi, hi);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lo) * 31 + Arrays.hashCode(hi);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < lo.length; j++) {
            sb.append(j == 0 ? "" : " x ").append('[').append(lo[j]).append(", ").append(hi[j]).append(']');
        }
        return sb.toString();
    }
}
