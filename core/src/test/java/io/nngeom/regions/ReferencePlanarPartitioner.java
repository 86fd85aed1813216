package io.nngeom.regions;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The slow path: {@link PlanarPartitioner} as it was before it went depth-first and parallel (breadth-first, every
 * intermediate piece holding its affine map, every line computed from scratch; the clipping and the decision
 * boundary are shared with it). {@code PlanarPartitionerParallelTest} checks that the current partitioner gives the
 * same regions in the same order.
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
        PlanarClip.Clip clip = new PlanarClip.Clip();
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
        PlanarClip.Growable seg = new PlanarClip.Growable();
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
            PlanarPartitioner.boundary(polyU, pc.nv, ux, uy, u0, threshold, seg, cx, cy, hx, hy);
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
}
