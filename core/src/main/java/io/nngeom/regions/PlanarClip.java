package io.nngeom.regions;

import java.util.Arrays;

/** Scratch helpers of {@link PlanarPartitioner}: convex clipping by a line, and a growable list of segments. */
final class PlanarClip {
    private PlanarClip() {
    }

    /** Splits a convex polygon by a line; reusable scratch state. */
    static final class Clip {
        private double[] d = new double[16];
        private double[] pos = new double[32];
        private double[] neg = new double[32];
        private int np;
        private int nn;

        /** @return 1 all on the positive side, −1 all negative, 0 split (then {@link #pos()}, {@link #neg()}) */
        int split(double[] poly, int nv, double a, double b, double c) {
            return split(poly, nv, a, b, c, Math.hypot(a, b));
        }

        /** As {@link #split(double[], int, double, double, double)} with nrm = hypot(a, b) given. */
        int split(double[] poly, int nv, double a, double b, double c, double nrm) {
            if (nrm < 1e-300) {
                return c > 0 ? 1 : -1;
            }
            if (d.length < nv) {
                d = new double[2 * nv];
            }
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < nv; k++) {
                double v = (a * poly[2 * k] + b * poly[2 * k + 1] + c) / nrm;
                d[k] = v;
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            if (max <= PlanarPartitioner.SPLIT_TOL && min >= -PlanarPartitioner.SPLIT_TOL) {
                double s = 0;
                for (int k = 0; k < nv; k++) {
                    s += d[k];
                }
                return s > 0 ? 1 : -1;
            }
            if (max <= PlanarPartitioner.SPLIT_TOL) {
                return -1;
            }
            if (min >= -PlanarPartitioner.SPLIT_TOL) {
                return 1;
            }
            if (pos.length < 4 * nv + 8) {
                pos = new double[4 * nv + 8];
                neg = new double[4 * nv + 8];
            }
            np = 0;
            nn = 0;
            for (int k = 0; k < nv; k++) {
                int j = k + 1 == nv ? 0 : k + 1;
                double dk = d[k];
                double dj = d[j];
                int sk = dk > PlanarPartitioner.SPLIT_TOL ? 1 : (dk < -PlanarPartitioner.SPLIT_TOL ? -1 : 0);
                int sj = dj > PlanarPartitioner.SPLIT_TOL ? 1 : (dj < -PlanarPartitioner.SPLIT_TOL ? -1 : 0);
                double xk = poly[2 * k];
                double yk = poly[2 * k + 1];
                if (sk >= 0) {
                    pos[2 * np] = xk;
                    pos[2 * np + 1] = yk;
                    np++;
                }
                if (sk <= 0) {
                    neg[2 * nn] = xk;
                    neg[2 * nn + 1] = yk;
                    nn++;
                }
                if (sk * sj < 0) {
                    double t = dk / (dk - dj);
                    double xi = xk + t * (poly[2 * j] - xk);
                    double yi = yk + t * (poly[2 * j + 1] - yk);
                    pos[2 * np] = xi;
                    pos[2 * np + 1] = yi;
                    np++;
                    neg[2 * nn] = xi;
                    neg[2 * nn + 1] = yi;
                    nn++;
                }
            }
            // a part whose inscribed circle has radius ≤ RADIUS_TOL is not a region (the LP enumerator's rule)
            boolean posThin = thin(pos, np);
            boolean negThin = thin(neg, nn);
            if (posThin || negThin) {
                if (posThin && negThin) {
                    return Math.abs(Polygons.area(pos, np)) >= Math.abs(Polygons.area(neg, nn)) ? 1 : -1;
                }
                return posThin ? -1 : 1;
            }
            return 0;
        }

        /**
         * Whether the convex polygon's inradius r is at most RADIUS_TOL, using A/P ≤ r ≤ 2A/P (convex bodies) and an
         * exact Chebyshev-centre LP only in the band between.
         */
        private static boolean thin(double[] p, int n) {
            if (n < 3) {
                return true;
            }
            double a = Math.abs(Polygons.area(p, n));
            double per = 0;
            for (int k = 0; k < n; k++) {
                int j = k + 1 == n ? 0 : k + 1;
                per += Math.hypot(p[2 * j] - p[2 * k], p[2 * j + 1] - p[2 * k + 1]);
            }
            double tol = PatternSearchEnumerator.RADIUS_TOL;
            if (2 * a <= tol * per) {
                return true;
            }
            if (a > tol * per) {
                return false;
            }
            return Polygons.inradius(p, n) <= tol;
        }

        double[] pos() {
            return Arrays.copyOf(pos, 2 * np);
        }

        double[] neg() {
            return Arrays.copyOf(neg, 2 * nn);
        }
    }

    /** Growable flat double list. */
    static final class Growable {
        private double[] v = new double[64];
        private int n;

        void add(double a, double b, double c, double d) {
            if (n + 4 > v.length) {
                v = Arrays.copyOf(v, 2 * v.length);
            }
            v[n++] = a;
            v[n++] = b;
            v[n++] = c;
            v[n++] = d;
        }

        void addAll(Growable o) {
            if (n + o.n > v.length) {
                v = Arrays.copyOf(v, Math.max(2 * v.length, n + o.n));
            }
            System.arraycopy(o.v, 0, v, n, o.n);
            n += o.n;
        }

        /** Appends the numbers from..to−1 of another list. */
        void addRange(Growable o, int from, int to) {
            int len = to - from;
            if (n + len > v.length) {
                v = Arrays.copyOf(v, Math.max(2 * v.length, n + len));
            }
            System.arraycopy(o.v, from, v, n, len);
            n += len;
        }

        /** How many numbers the list holds. */
        int size() {
            return n;
        }

        double[] toArray() {
            return Arrays.copyOf(v, n);
        }
    }
}
