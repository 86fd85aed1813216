package io.nngeom.regions;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.Chunks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact partition of a 2-D box into the linear regions of a piecewise-linear network, as convex polygons, by
 * splitting regions layer by layer (the region-splitting scheme of SplineCam, Humayun et al. CVPR 2023, done
 * here with convex clipping instead of a planar graph): inside a region of layers 1..l the network is affine,
 * so each unit of layer l+1 is a line there (Huang 2022, §2 fact 3, "pull-back"), and the region is cut by it.
 * Each region carries its activation pattern and the affine map of the output; the decision boundary
 * (output = threshold for one output, argmax ties for several) is clipped to every region as a segment.
 *
 * <p>Work is done in box-normalised coordinates u ∈ [−1, 1]² with polygons as flat double arrays.
 * A cut is made only when both parts reach farther than {@link #SPLIT_TOL} from the cutting line (in u units),
 * so slivers thinner than that are not regions; {@link PatternSearchEnumerator} uses the matching radius.
 */
public final class PlanarPartitioner implements RegionEnumerator {
    /**
     * A part of a region is kept only when some vertex lies farther than this from the cutting line, in
     * box-normalised units (twice {@link PatternSearchEnumerator#RADIUS_TOL}: a part thinner than this has an
     * inscribed radius below the LP enumerator's threshold).
     */
    public static final double SPLIT_TOL = 2 * PatternSearchEnumerator.RADIUS_TOL;

    private final double threshold;
    private final int threads;

    /** Decision boundary at output = 0 (one output) or argmax ties (several). */
    public PlanarPartitioner() {
        this(0.0);
    }

    /** Decision boundary at output = {@code threshold} for single-output networks. */
    public PlanarPartitioner(double threshold) {
        this(threshold, THREADS);
    }

    /** With a given number of threads (1 or more; the regions are the same for any number). */
    PlanarPartitioner(double threshold, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threshold = threshold;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "planar";
    }

    /** Threads of the partition: 2, or 1 with {@code -Dnngeom.threads=1} (same regions either way). */
    static final int THREADS = Chunks.THREADS;
    /** The first layer's pieces are handed to the threads in chunks of this many, in order. */
    static final int CHUNK = 64;
    /** A part's lines are updated from the closest of this many parts done before it (see {@link Run#children}). */
    static final int BASES = 8;

    /** The whole computation of one {@link #enumerate} call: the network, the box and the output layer. */
    private final class Run {
        final PwlNet p;
        final double cx;
        final double cy;
        final double hx;
        final double hy;

        Run(PwlNet p, Box box) {
            this.p = p;
            cx = 0.5 * (box.lo(0) + box.hi(0));
            cy = 0.5 * (box.lo(1) + box.hi(1));
            hx = 0.5 * (box.hi(0) - box.lo(0));
            hy = 0.5 * (box.hi(1) - box.lo(1));
        }

        /**
         * The lines of layer l's units on a piece whose layer-l inputs are the affine map (a, beta) of u:
         * unit i is ax[i]·u₁ + ay[i]·u₂ + c[i] (sums over the inputs j in increasing order, from the bias).
         */
        void lines(int l, double[] a, double[] beta, double[] ax, double[] ay, double[] c) {
            int in = p.sizes[l];
            double[] w = p.w[l];
            double[] bl = p.b[l];
            int i = 0;
            // four units at a time: twelve independent sums keep the adder busy; each sum's order is unchanged
            for (; i + 3 < ax.length; i += 4) {
                int w0 = i * in;
                int w1 = w0 + in;
                int w2 = w1 + in;
                int w3 = w2 + in;
                double x0 = 0, x1 = 0, x2 = 0, x3 = 0;
                double y0 = 0, y1 = 0, y2 = 0, y3 = 0;
                double c0 = bl[i], c1 = bl[i + 1], c2 = bl[i + 2], c3 = bl[i + 3];
                for (int j = 0; j < in; j++) {
                    double aj = a[2 * j];
                    double bj = a[2 * j + 1];
                    double ej = beta[j];
                    double v0 = w[w0 + j];
                    double v1 = w[w1 + j];
                    double v2 = w[w2 + j];
                    double v3 = w[w3 + j];
                    x0 += v0 * aj;
                    y0 += v0 * bj;
                    c0 += v0 * ej;
                    x1 += v1 * aj;
                    y1 += v1 * bj;
                    c1 += v1 * ej;
                    x2 += v2 * aj;
                    y2 += v2 * bj;
                    c2 += v2 * ej;
                    x3 += v3 * aj;
                    y3 += v3 * bj;
                    c3 += v3 * ej;
                }
                ax[i] = x0;
                ax[i + 1] = x1;
                ax[i + 2] = x2;
                ax[i + 3] = x3;
                ay[i] = y0;
                ay[i + 1] = y1;
                ay[i + 2] = y2;
                ay[i + 3] = y3;
                c[i] = c0;
                c[i + 1] = c1;
                c[i + 2] = c2;
                c[i + 3] = c3;
            }
            for (; i < ax.length; i++) {
                double sx = 0;
                double sy = 0;
                double s0 = bl[i];
                int wo = i * in;
                for (int j = 0; j < in; j++) {
                    double wij = w[wo + j];
                    sx += wij * a[2 * j];
                    sy += wij * a[2 * j + 1];
                    s0 += wij * beta[j];
                }
                ax[i] = sx;
                ay[i] = sy;
                c[i] = s0;
            }
        }

        /**
         * Cuts the polygon by the lines of layer l's units, in unit order; the parts and their bits go to the lists.
         * A line that keeps the whole polygon more than 2·{@link #SPLIT_TOL} on one side decides every part at once
         * (each part lies inside the polygon, so {@link PlanarClip.Clip#split} would find every vertex beyond
         * SPLIT_TOL on that side too; the margin covers the rounding of the parts' vertices).
         */
        void cut(int l, double[] poly, double[] ax, double[] ay, double[] c, PlanarClip.Clip clip, List<double[]> polys,
                 List<boolean[]> bitsList) {
            int out = ax.length;
            int nv = poly.length / 2;
            polys.add(poly);
            bitsList.add(new boolean[out]);
            for (int i = 0; i < out; i++) {
                if (!p.splits[l]) {
                    for (boolean[] bs : bitsList) {
                        bs[i] = true;
                    }
                    continue;
                }
                double nrm = Math.hypot(ax[i], ay[i]);
                if (nrm >= 1e-300) {
                    int side = clearSide(poly, nv, ax[i], ay[i], c[i], nrm);
                    if (side != 0) {
                        if (side > 0) {
                            for (boolean[] bs : bitsList) {
                                bs[i] = true;
                            }
                        }
                        continue;
                    }
                }
                int m = polys.size();
                for (int k = 0; k < m; k++) {
                    double[] pk = polys.get(k);
                    int side = clip.split(pk, pk.length / 2, ax[i], ay[i], c[i], nrm);
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
        }

        /**
         * Depth first: the regions inside a piece of layers 0..l−1 on which layer l's units are the lines (ax, ay, c)
         * (for the output layer, its affine maps), in order.
         */
        void descend(int l, double[] poly, double[] ax, double[] ay, double[] c, boolean[] bits, PlanarClip.Clip clip,
                     Sink sink) {
            if (l == p.layers - 1) {
                sink.region(poly, ax, ay, c, bits);
                return;
            }
            List<double[]> polys = new ArrayList<>();
            List<boolean[]> bitsList = new ArrayList<>();
            cut(l, poly, ax, ay, c, clip, polys, bitsList);
            children(l, polys, bitsList, 0, polys.size(), ax, ay, c, bits, clip, sink);
        }

        /**
         * {@link #descend}s into the parts from..to−1 of a piece cut by layer l's lines (ax, ay, c), in order. The
         * lines of layer l+1 on a part, W·diag(f)·(ax, ay, c) + b with f_i = 1 (unit on) or the off-slope, are
         * computed in full for the first part, and for each next part by adding (f_i − f'_i)·W[:, i]·(ax_i, ay_i, c_i)
         * for the units i whose bit differs from the closest of the last {@link #BASES} parts (when at most a quarter
         * differ): O(width) per flipped unit instead of O(width²). The result depends only on the parts and the range, never on threads.
         */
        void children(int l, List<double[]> polys, List<boolean[]> bitsList, int from, int to, double[] ax,
                      double[] ay, double[] c, boolean[] prefix, PlanarClip.Clip clip, Sink sink) {
            int in = p.sizes[l + 1];
            int out = p.sizes[l + 2];
            double slope = p.offSlope[l];
            double[] w = p.w[l + 1];
            // the last BASES parts done (ring): each next part starts from the one differing in the fewest units
            boolean[][] baseBits = new boolean[BASES][];
            double[][][] baseLines = new double[BASES][][];
            for (int k = from; k < to; k++) {
                boolean[] bs = bitsList.get(k);
                double[] nx = new double[out];
                double[] ny = new double[out];
                double[] nc = new double[out];
                int diff = in;
                int base = -1;
                for (int b = 0; b < BASES && baseBits[b] != null; b++) {
                    int d = differing(baseBits[b], bs);
                    if (d < diff) {
                        diff = d;
                        base = b;
                    }
                }
                if (4 * diff > in) {
                    double[] na = new double[2 * in];
                    double[] nbeta = new double[in];
                    for (int i = 0; i < in; i++) {
                        double f = bs[i] ? 1.0 : slope;
                        na[2 * i] = f * ax[i];
                        na[2 * i + 1] = f * ay[i];
                        nbeta[i] = f * c[i];
                    }
                    lines(l + 1, na, nbeta, nx, ny, nc);
                } else {
                    boolean[] prev = baseBits[base];
                    System.arraycopy(baseLines[base][0], 0, nx, 0, out);
                    System.arraycopy(baseLines[base][1], 0, ny, 0, out);
                    System.arraycopy(baseLines[base][2], 0, nc, 0, out);
                    for (int i = 0; i < in; i++) {
                        if (bs[i] != prev[i]) {
                            double d = bs[i] ? 1.0 - slope : slope - 1.0;
                            flip(w, in, i, d * ax[i], d * ay[i], d * c[i], nx, ny, nc);
                        }
                    }
                }
                boolean[] all = Arrays.copyOf(prefix, prefix.length + in);
                System.arraycopy(bs, 0, all, prefix.length, in);
                descend(l + 1, polys.get(k), nx, ny, nc, all, clip, sink);
                int slot = (k - from) % BASES;
                baseBits[slot] = bs;
                baseLines[slot] = new double[][] {nx, ny, nc};
            }
        }
    }

    /** 1 (−1) when every vertex is more than 2·SPLIT_TOL on the positive (negative) side of the line, else 0. */
    private static int clearSide(double[] poly, int nv, double a, double b, double c, double nrm) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nv; k++) {
            double v = (a * poly[2 * k] + b * poly[2 * k + 1] + c) / nrm;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min > 2 * SPLIT_TOL) {
            return 1;
        }
        return max < -2 * SPLIT_TOL ? -1 : 0;
    }

    private static int differing(boolean[] a, boolean[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                d++;
            }
        }
        return d;
    }

    /** (nx, ny, nc)[o] += W(o, i)·(dx, dy, dc) for every unit o (W row-major with {@code in} columns). */
    private static void flip(double[] w, int in, int i, double dx, double dy, double dc, double[] nx, double[] ny,
                             double[] nc) {
        for (int o = 0; o < nx.length; o++) {
            double wo = w[o * in + i];
            nx[o] += wo * dx;
            ny[o] += wo * dy;
            nc[o] += wo * dc;
        }
    }

    /** Collects the regions and decision-boundary segments of one run of {@link Run#descend}, in order. */
    private final class Sink {
        final Run run;
        final List<LinearRegion> regions = new ArrayList<>();
        final PlanarClip.Growable seg = new PlanarClip.Growable();

        Sink(Run run) {
            this.run = run;
        }

        /** The region of a last-hidden-layer piece with output maps (ux, uy, u0) in u: map, polygon, centroid, boundary. */
        void region(double[] polyU, double[] ux, double[] uy, double[] u0, boolean[] bits) {
            int outs = ux.length;
            double cx = run.cx;
            double cy = run.cy;
            double hx = run.hx;
            double hy = run.hy;
            // map in x: y = (ux/hx) x + (uy/hy) y + u0 - (ux/hx) cx - (uy/hy) cy
            Matrix m = Matrix.zeros(outs, 2);
            double[] off = new double[outs];
            for (int o = 0; o < outs; o++) {
                double gx = ux[o] / hx;
                double gy = uy[o] / hy;
                m.set(o, 0, gx);
                m.set(o, 1, gy);
                off[o] = u0[o] - gx * cx - gy * cy;
            }
            int nv = polyU.length / 2;
            boundary(polyU, nv, ux, uy, u0, threshold, seg, cx, cy, hx, hy);
            double[] polyX = new double[2 * nv];
            for (int k = 0; k < nv; k++) {
                polyX[2 * k] = cx + hx * polyU[2 * k];
                polyX[2 * k + 1] = cy + hy * polyU[2 * k + 1];
            }
            double[] ctr = Polygons.centroid(polyX, nv);
            regions.add(new LinearRegion(bits, m, off, polyX, ctr, Double.NaN));
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Depth first: the box is cut by the first layer's lines, then each of these pieces is followed down the
     * layers on its own, so only the finished regions and one path of pieces per thread are held in memory (the
     * lines of a piece, 24 bytes per unit, are never stored for more than a few pieces per layer). The first
     * layer's pieces are processed by {@link #THREADS} threads (or those given) in chunks of {@link #CHUNK}, and
     * the chunks' regions are concatenated in piece order, so the regions, their order and every number are the
     * same for any number of threads. The lines of a piece are updated from its previous sibling's
     * ({@link Run#children}), so they differ from a computation from scratch by float64 rounding only; the
     * regions are the same as the breadth-first partitioner's (tests compare the two).
     */
    @Override
    public Partition enumerate(Mlp net, Box box) {
        long t0 = System.nanoTime();
        if (net.inputDim() != 2 || box.dim() != 2) {
            throw new IllegalArgumentException("the planar partition needs a 2-D input and box, got input dimension "
                    + net.inputDim() + " and box dimension " + box.dim());
        }
        Run run = new Run(PwlNet.of(net), box);
        double[] square = {-1, -1, 1, -1, 1, 1, -1, 1};
        double[] a0 = {run.hx, 0, 0, run.hy};
        double[] beta0 = {run.cx, run.cy};
        List<LinearRegion> regions;
        double[] segments;
        int out = run.p.sizes[1];
        double[] ax = new double[out];
        double[] ay = new double[out];
        double[] c = new double[out];
        run.lines(0, a0, beta0, ax, ay, c);
        if (run.p.layers == 1) {
            Sink sink = new Sink(run);
            sink.region(square, ax, ay, c, new boolean[0]);
            regions = sink.regions;
            segments = sink.seg.toArray();
        } else {
            List<double[]> polys = new ArrayList<>();
            List<boolean[]> bitsList = new ArrayList<>();
            run.cut(0, square, ax, ay, c, new PlanarClip.Clip(), polys, bitsList);
            Sink[] sinks = new Sink[(polys.size() + CHUNK - 1) / CHUNK];
            Chunks.run(threads, sinks.length, (thread, chunk) -> {
                Sink sink = new Sink(run);
                PlanarClip.Clip clip = new PlanarClip.Clip();
                int from = chunk * CHUNK;
                int to = Math.min(polys.size(), from + CHUNK);
                run.children(0, polys, bitsList, from, to, ax, ay, c, new boolean[0], clip, sink);
                for (int k = from; k < to; k++) {
                    polys.set(k, null);
                    bitsList.set(k, null);
                }
                sinks[chunk] = sink;
            });
            regions = new ArrayList<>();
            PlanarClip.Growable seg = new PlanarClip.Growable();
            for (Sink s : sinks) {
                regions.addAll(s.regions);
                seg.addAll(s.seg);
            }
            segments = seg.toArray();
        }
        return new Partition(name(), box, regions, segments, 0, (System.nanoTime() - t0) / 1e9);
    }

    /** Decision-boundary pieces of one region (u coordinates in, x coordinates out). */
    static void boundary(double[] poly, int nv, double[] ux, double[] uy, double[] u0, double threshold,
                         PlanarClip.Growable seg, double cx, double cy, double hx, double hy) {
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
}
