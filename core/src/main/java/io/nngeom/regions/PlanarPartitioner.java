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
    static final int CHUNK = 256;
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
         * unit i is ax[i]·u₁ + ay[i]·u₂ + c[i]. Sum order per entry: from 0 (c from the bias), the inputs j in blocks
         * of four, ((w₀a₀ + w₁a₁) + w₂a₂) + w₃a₃ added per block, then the rest one by one. The loops run over the
         * units with the transposed weights (one store per loop, which HotSpot vectorises).
         */
        void lines(int l, double[] a, double[] beta, double[] ax, double[] ay, double[] c) {
            int in = p.sizes[l];
            int out = ax.length;
            double[] wt = p.wt[l];
            Arrays.fill(ax, 0.0);
            Arrays.fill(ay, 0.0);
            System.arraycopy(p.b[l], 0, c, 0, out);
            LineKernels.accumulate(wt, in, out, a, 0, 2, ax);
            LineKernels.accumulate(wt, in, out, a, 1, 2, ay);
            LineKernels.accumulate(wt, in, out, beta, 0, 1, c);
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
                int rough = LineKernels.roughSide(poly, nv, ax[i], ay[i], c[i]);
                if (rough != 0) {
                    if (rough > 0) {
                        for (boolean[] bs : bitsList) {
                            bs[i] = true;
                        }
                    }
                    continue;
                }
                double nrm = Math.hypot(ax[i], ay[i]);
                if (nrm >= 1e-300) {
                    int side = LineKernels.clearSide(poly, nv, ax[i], ay[i], c[i], nrm);
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
            double[] wt = p.wt[l + 1];
            // the last BASES parts done (ring): each next part starts from the one differing in the fewest units
            long[][] baseBits = new long[BASES][];
            double[][][] baseLines = new double[BASES][][];
            for (int k = from; k < to; k++) {
                if (l == 0) {
                    sink.piece(k);
                }
                boolean[] bs = bitsList.get(k);
                long[] packed = LineKernels.pack(bs);
                double[] nx = new double[out];
                double[] ny = new double[out];
                double[] nc = new double[out];
                int diff = in;
                int base = -1;
                for (int b = 0; b < BASES && baseBits[b] != null; b++) {
                    int d = LineKernels.differing(baseBits[b], packed);
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
                    long[] prev = baseBits[base];
                    System.arraycopy(baseLines[base][0], 0, nx, 0, out);
                    System.arraycopy(baseLines[base][1], 0, ny, 0, out);
                    System.arraycopy(baseLines[base][2], 0, nc, 0, out);
                    for (int word = 0; word < packed.length; word++) {
                        // the differing units in increasing order
                        for (long x = packed[word] ^ prev[word]; x != 0; x &= x - 1) {
                            int i = 64 * word + Long.numberOfTrailingZeros(x);
                            double d = bs[i] ? 1.0 - slope : slope - 1.0;
                            LineKernels.flip(wt, out, i, d * ax[i], nx);
                            LineKernels.flip(wt, out, i, d * ay[i], ny);
                            LineKernels.flip(wt, out, i, d * c[i], nc);
                        }
                    }
                }
                boolean[] all = Arrays.copyOf(prefix, prefix.length + in);
                System.arraycopy(bs, 0, all, prefix.length, in);
                descend(l + 1, polys.get(k), nx, ny, nc, all, clip, sink);
                int slot = (k - from) % BASES;
                baseBits[slot] = packed;
                baseLines[slot] = new double[][] {nx, ny, nc};
            }
        }
    }

    /** Collects the regions and decision-boundary segments of one run of {@link Run#descend}, in order. */
    private final class Sink {
        final Run run;
        final List<LinearRegion> regions = new ArrayList<>();
        final PlanarClip.Growable seg = new PlanarClip.Growable();
        /** First of the first-layer pieces from..to−1 this sink collects (−1: not per piece). */
        private final int from;
        /** Where the regions and the segment numbers of piece from + k begin; entry to − from ends the last. */
        private final int[] firstRegion;
        private final int[] firstSeg;

        Sink(Run run) {
            this(run, -1, -1);
        }

        /** A sink for the regions of the first-layer pieces from..to−1 (marked by {@link #piece}). */
        Sink(Run run, int from, int to) {
            this.run = run;
            this.from = from;
            firstRegion = new int[Math.max(0, to - from + 1)];
            firstSeg = new int[firstRegion.length];
        }

        /** The regions of first-layer piece k begin here (or, for k = to, the last piece's end). */
        void piece(int k) {
            if (from >= 0) {
                firstRegion[k - from] = regions.size();
                firstSeg[k - from] = seg.size();
            }
        }

        /** Appends the regions and segments of first-layer piece k to the lists. */
        void copyPiece(int k, List<LinearRegion> to, PlanarClip.Growable segTo) {
            to.addAll(regions.subList(firstRegion[k - from], firstRegion[k - from + 1]));
            segTo.addRange(seg, firstSeg[k - from], firstSeg[k - from + 1]);
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
     * layer's pieces are visited in {@link PieceOrder#hilbert} order (neighbours after neighbours), by
     * {@link #THREADS} threads (or those given) in chunks of {@link #CHUNK} consecutive pieces of that order; each
     * piece's regions are then put back in the order of the cut, so the regions, their order and every number are
     * the same for any number of threads. The lines of a piece are updated from the closest of the pieces done just
     * before it ({@link Run#children}), so they differ from a computation from scratch by float64 rounding only;
     * the regions are the same as the breadth-first partitioner's (tests compare the two).
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
            List<double[]> cutPolys = new ArrayList<>();
            List<boolean[]> cutBits = new ArrayList<>();
            run.cut(0, square, ax, ay, c, new PlanarClip.Clip(), cutPolys, cutBits);
            // the pieces are visited in the order of their centres along a Hilbert curve, so that consecutive pieces
            // differ in few units; their regions are put back in the order of the cut below
            int pieces = cutPolys.size();
            int[] order = PieceOrder.hilbert(cutPolys);
            List<double[]> polys = new ArrayList<>(pieces);
            List<boolean[]> bitsList = new ArrayList<>(pieces);
            for (int k : order) {
                polys.add(cutPolys.get(k));
                bitsList.add(cutBits.get(k));
            }
            cutPolys.clear();
            cutBits.clear();
            Sink[] sinks = new Sink[(pieces + CHUNK - 1) / CHUNK];
            Chunks.run(threads, sinks.length, (thread, chunk) -> {
                int from = chunk * CHUNK;
                int to = Math.min(pieces, from + CHUNK);
                Sink sink = new Sink(run, from, to);
                PlanarClip.Clip clip = new PlanarClip.Clip();
                run.children(0, polys, bitsList, from, to, ax, ay, c, new boolean[0], clip, sink);
                sink.piece(to);
                for (int k = from; k < to; k++) {
                    polys.set(k, null);
                    bitsList.set(k, null);
                }
                sinks[chunk] = sink;
            });
            int[] position = new int[pieces];
            for (int t = 0; t < pieces; t++) {
                position[order[t]] = t;
            }
            regions = new ArrayList<>();
            PlanarClip.Growable seg = new PlanarClip.Growable();
            for (int k = 0; k < pieces; k++) {
                int t = position[k];
                sinks[t / CHUNK].copyPiece(t, regions, seg);
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
