package io.nngeom.regions;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The slow path: {@link PlanarPartitioner} as it was before it went depth-first and parallel (breadth-first, every
 * intermediate piece holding its affine map). {@code PlanarPartitionerTest} checks that the current partitioner
 * gives the same regions in the same order, bit for bit.
 */
final class ReferencePlanarPartitioner implements RegionEnumerator {
    /**
     * A part of a region is kept only when some vertex lies farther than this from the cutting line, in
     * box-normalised units (twice {@link PatternSearchEnumerator#RADIUS_TOL}: a part thinner than this has an
     * inscribed radius below the LP enumerator's threshold).
     */
    static final double SPLIT_TOL = PlanarPartitioner.SPLIT_TOL;

    private final double threshold;

    /** Decision boundary at output = 0 (one output) or argmax ties (several). */
    ReferencePlanarPartitioner() {
        this(0.0);
    }

    /** Decision boundary at output = {@code threshold} for single-output networks. */
    ReferencePlanarPartitioner(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "planar";
    }

    private static final class Piece {
        double[] poly;
        int nv;
        double[] a; // rows: unit i → a[2i], a[2i+1] (coefficients of u), length 2k
        double[] beta;
        boolean[] bits;

        Piece(double[] poly, int nv, double[] a, double[] beta, boolean[] bits) {
            this.poly = poly;
            this.nv = nv;
            this.a = a;
            this.beta = beta;
            this.bits = bits;
        }
    }

    @Override
    public Partition enumerate(Mlp net, Box box) {
        long t0 = System.nanoTime();
        if (net.inputDim() != 2 || box.dim() != 2) {
            throw new IllegalArgumentException("the planar partition needs a 2-D input and box, got input dimension "
                    + net.inputDim() + " and box dimension " + box.dim());
        }
        PwlNet p = PwlNet.of(net);
        double cx = 0.5 * (box.lo(0) + box.hi(0));
        double cy = 0.5 * (box.lo(1) + box.hi(1));
        double hx = 0.5 * (box.hi(0) - box.lo(0));
        double hy = 0.5 * (box.hi(1) - box.lo(1));
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece(new double[] {-1, -1, 1, -1, 1, 1, -1, 1}, 4, new double[] {hx, 0, 0, hy},
                new double[] {cx, cy}, new boolean[0]));
        Clip clip = new Clip();
        for (int l = 0; l < p.layers - 1; l++) {
            int in = p.sizes[l];
            int out = p.sizes[l + 1];
            double[] w = p.w[l];
            double[] bl = p.b[l];
            double slope = p.offSlope[l];
            List<Piece> next = new ArrayList<>(pieces.size() * 2);
            double[] ax = new double[out];
            double[] ay = new double[out];
            double[] c = new double[out];
            for (Piece pc : pieces) {
                for (int i = 0; i < out; i++) {
                    double sx = 0;
                    double sy = 0;
                    double s0 = bl[i];
                    int wo = i * in;
                    for (int j = 0; j < in; j++) {
                        double wij = w[wo + j];
                        sx += wij * pc.a[2 * j];
                        sy += wij * pc.a[2 * j + 1];
                        s0 += wij * pc.beta[j];
                    }
                    ax[i] = sx;
                    ay[i] = sy;
                    c[i] = s0;
                }
                List<double[]> polys = new ArrayList<>();
                List<boolean[]> bitsList = new ArrayList<>();
                polys.add(Arrays.copyOf(pc.poly, 2 * pc.nv));
                bitsList.add(new boolean[out]);
                for (int i = 0; i < out; i++) {
                    if (!p.splits[l]) {
                        for (boolean[] bs : bitsList) {
                            bs[i] = true;
                        }
                        continue;
                    }
                    int m = polys.size();
                    for (int k = 0; k < m; k++) {
                        double[] poly = polys.get(k);
                        int side = clip.split(poly, poly.length / 2, ax[i], ay[i], c[i]);
                        if (side > 0) {
                            bitsList.get(k)[i] = true;
                        } else if (side == 0) {
                            polys.set(k, clip.pos());
                            bitsList.get(k)[i] = true;
                            polys.add(clip.neg());
                            boolean[] nb = bitsList.get(k).clone();
                            nb[i] = false;
                            bitsList.add(nb);
                        }
                    }
                }
                for (int k = 0; k < polys.size(); k++) {
                    boolean[] bs = bitsList.get(k);
                    double[] na = new double[2 * out];
                    double[] nbeta = new double[out];
                    for (int i = 0; i < out; i++) {
                        double f = bs[i] ? 1.0 : slope;
                        na[2 * i] = f * ax[i];
                        na[2 * i + 1] = f * ay[i];
                        nbeta[i] = f * c[i];
                    }
                    boolean[] all = Arrays.copyOf(pc.bits, pc.bits.length + out);
                    System.arraycopy(bs, 0, all, pc.bits.length, out);
                    double[] poly = polys.get(k);
                    next.add(new Piece(poly, poly.length / 2, na, nbeta, all));
                }
            }
            pieces = next;
        }
        // output layer
        int L = p.layers - 1;
        int in = p.sizes[L];
        int outs = p.sizes[L + 1];
        double[] w = p.w[L];
        double[] bl = p.b[L];
        List<LinearRegion> regions = new ArrayList<>(pieces.size());
        Growable seg = new Growable();
        for (Piece pc : pieces) {
            double[] ux = new double[outs];
            double[] uy = new double[outs];
            double[] u0 = new double[outs];
            for (int o = 0; o < outs; o++) {
                double sx = 0;
                double sy = 0;
                double s0 = bl[o];
                for (int j = 0; j < in; j++) {
                    double wij = w[o * in + j];
                    sx += wij * pc.a[2 * j];
                    sy += wij * pc.a[2 * j + 1];
                    s0 += wij * pc.beta[j];
                }
                ux[o] = sx;
                uy[o] = sy;
                u0[o] = s0;
            }
            // map in x: y = (ux/hx) x + (uy/hy) y + u0 - (ux/hx) cx - (uy/hy) cy
            Matrix a = Matrix.zeros(outs, 2);
            double[] off = new double[outs];
            for (int o = 0; o < outs; o++) {
                double gx = ux[o] / hx;
                double gy = uy[o] / hy;
                a.set(o, 0, gx);
                a.set(o, 1, gy);
                off[o] = u0[o] - gx * cx - gy * cy;
            }
            double[] polyU = pc.poly;
            boundary(polyU, pc.nv, ux, uy, u0, seg, cx, cy, hx, hy);
            double[] polyX = new double[2 * pc.nv];
            for (int k = 0; k < pc.nv; k++) {
                polyX[2 * k] = cx + hx * polyU[2 * k];
                polyX[2 * k + 1] = cy + hy * polyU[2 * k + 1];
            }
            double[] ctr = Polygons.centroid(polyX, pc.nv);
            regions.add(new LinearRegion(pc.bits, a, off, polyX, ctr, Double.NaN));
        }
        return new Partition(name(), box, regions, seg.toArray(), 0, (System.nanoTime() - t0) / 1e9);
    }

    /** Decision-boundary pieces of one region (u coordinates in, x coordinates out). */
    private void boundary(double[] poly, int nv, double[] ux, double[] uy, double[] u0, Growable seg,
                          double cx, double cy, double hx, double hy) {
        int outs = ux.length;
        double[] s = new double[4];
        if (outs == 1) {
            if (lineSegment(poly, nv, ux[0], uy[0], u0[0] - threshold, s)) {
                seg.add(cx + hx * s[0], cy + hy * s[1], cx + hx * s[2], cy + hy * s[3]);
            }
            return;
        }
        for (int j = 0; j < outs; j++) {
            for (int k = j + 1; k < outs; k++) {
                if (!lineSegment(poly, nv, ux[j] - ux[k], uy[j] - uy[k], u0[j] - u0[k], s)) {
                    continue;
                }
                // keep the part where j (and k) is at least every other output
                double t0 = 0;
                double t1 = 1;
                for (int m = 0; m < outs && t0 <= t1; m++) {
                    if (m == j || m == k) {
                        continue;
                    }
                    double v0 = (ux[j] - ux[m]) * s[0] + (uy[j] - uy[m]) * s[1] + u0[j] - u0[m];
                    double v1 = (ux[j] - ux[m]) * s[2] + (uy[j] - uy[m]) * s[3] + u0[j] - u0[m];
                    // v(t) = v0 + t (v1 - v0) >= 0
                    double dv = v1 - v0;
                    if (Math.abs(dv) < 1e-300) {
                        if (v0 < 0) {
                            t1 = -1;
                        }
                    } else if (dv > 0) {
                        t0 = Math.max(t0, -v0 / dv);
                    } else {
                        t1 = Math.min(t1, -v0 / dv);
                    }
                }
                if (t1 > t0) {
                    double x0 = s[0] + t0 * (s[2] - s[0]);
                    double y0 = s[1] + t0 * (s[3] - s[1]);
                    double x1 = s[0] + t1 * (s[2] - s[0]);
                    double y1 = s[1] + t1 * (s[3] - s[1]);
                    seg.add(cx + hx * x0, cy + hy * y0, cx + hx * x1, cy + hy * y1);
                }
            }
        }
    }

    /** The part of the line a x + b y + c = 0 inside the convex polygon, into s; false if none. */
    static boolean lineSegment(double[] poly, int nv, double a, double b, double c, double[] s) {
        double nrm = Math.hypot(a, b);
        if (nrm < 1e-300) {
            return false;
        }
        int found = 0;
        for (int k = 0; k < nv && found < 2; k++) {
            int j = k + 1 == nv ? 0 : k + 1;
            double dk = (a * poly[2 * k] + b * poly[2 * k + 1] + c) / nrm;
            double dj = (a * poly[2 * j] + b * poly[2 * j + 1] + c) / nrm;
            if ((dk > 0 && dj <= 0) || (dk <= 0 && dj > 0)) {
                double t = dk / (dk - dj);
                s[2 * found] = poly[2 * k] + t * (poly[2 * j] - poly[2 * k]);
                s[2 * found + 1] = poly[2 * k + 1] + t * (poly[2 * j + 1] - poly[2 * k + 1]);
                found++;
            }
        }
        return found == 2 && Math.hypot(s[2] - s[0], s[3] - s[1]) > SPLIT_TOL;
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
            double nrm = Math.hypot(a, b);
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
            if (max <= SPLIT_TOL && min >= -SPLIT_TOL) {
                double s = 0;
                for (int k = 0; k < nv; k++) {
                    s += d[k];
                }
                return s > 0 ? 1 : -1;
            }
            if (max <= SPLIT_TOL) {
                return -1;
            }
            if (min >= -SPLIT_TOL) {
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
                int sk = dk > SPLIT_TOL ? 1 : (dk < -SPLIT_TOL ? -1 : 0);
                int sj = dj > SPLIT_TOL ? 1 : (dj < -SPLIT_TOL ? -1 : 0);
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

        double[] toArray() {
            return Arrays.copyOf(v, n);
        }
    }
}
