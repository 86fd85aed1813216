package io.nngeom.regions;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.optim.LinearProgram;
import io.nngeom.run.Chunks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact enumeration of the linear regions of a piecewise-linear network on a box in any input dimension, by a
 * search over activation patterns with LP feasibility (the enumeration of Serra, Tjandraatmadja and Ramalingam,
 * ICML 2018, done as a tree search instead of a MILP). Layer by layer and unit by unit, every current cell (a
 * polytope with a known activation pattern, on which the layer's pre-activations are affine) is tested for
 * whether the unit's hyperplane cuts it; a side is a region when it contains a ball of radius
 * {@link #RADIUS_TOL} (Chebyshev ball, found by an LP with {@link LinearProgram}).
 *
 * <p>Most tests need no LP: the hyperplane misses the box (interval bound), or cuts a known inscribed ball
 * deeply enough that both sides contain a ball of radius &gt; RADIUS_TOL. Otherwise one LP gives the Chebyshev
 * ball of the opposite side, from the optimal dictionary of the cell's own Chebyshev LP by a few dual simplex
 * pivots ({@link ChebyshevDictionary}: the child has one row more than its cell), stopped as soon as the dual bound
 * shows a radius of at most RADIUS_TOL; {@link ChebyshevLp} and Hipparchus remain as fallbacks when a dictionary
 * fails. Coordinates are box-normalised (u ∈ [−1, 1]^n), so the tolerance is relative to
 * the box. The nodes of a layer are expanded on {@link #THREADS} threads in chunks, each with its own LP
 * workspace, and their children are concatenated in node order, so the regions and their order do not depend on
 * the number of threads. Not thread-safe (the LP counters); use one instance per thread.
 */
public final class PatternSearchEnumerator implements RegionEnumerator {
    /**
     * Smallest Chebyshev radius (box-normalised units) of a reported region; well above the simplex tolerance
     * {@link LinearProgram#SIMPLEX_EPSILON} = 1e-9 so that LP round-off does not decide feasibility.
     */
    public static final double RADIUS_TOL = 1e-7;

    /** Threads of the search: 2, or 1 with {@code -Dnngeom.threads=1} (same regions in the same order either way). */
    static final int THREADS = Chunks.THREADS;
    /**
     * Largest dictionary (doubles: (2n + 1 + hidden units)·(n + 1), its size at the deepest cell) that cells keep
     * between LPs; beyond it (e.g. n = 784) each LP adds the cell's rows to the box's dictionary again in a
     * workspace, so memory stays one dictionary per thread.
     */
    static final long KEEP_LIMIT = 1 << 16;
    /** Nodes of a layer handed to a thread at a time. */
    static final int CHUNK = 16;
    /** Chunks expanded between two checks of the search's limits (and progress reports). */
    static final int GROUP_CHUNKS = 16;

    private long lps;
    /** False: every LP by Hipparchus' simplex (the slow path, kept for tests); true: by {@link ChebyshevLp}. */
    private final boolean dedicatedLp;
    private long fallbacks;

    private final int threads;
    private final long keepLimit;

    public PatternSearchEnumerator() {
        this(true, THREADS);
    }

    /** With the slow-path LP (false) or the dedicated one, and a given number of threads (1 or 2). */
    PatternSearchEnumerator(boolean dedicatedLp, int threads) {
        this(dedicatedLp, threads, KEEP_LIMIT);
    }

    /** As above, with the size up to which cells keep their dictionaries (0: never; for tests). */
    PatternSearchEnumerator(boolean dedicatedLp, int threads, long keepLimit) {
        this.dedicatedLp = dedicatedLp;
        this.threads = Math.max(1, Math.min(2, threads));
        this.keepLimit = keepLimit;
    }

    @Override
    public String name() {
        return "lp-search";
    }

    private static final class Node {
        SearchCell cell;
        double[] a; // k×n row-major, in u
        double[] beta;

        Node(SearchCell cell, double[] a, double[] beta) {
            this.cell = cell;
            this.a = a;
            this.beta = beta;
        }
    }

    @Override
    public Partition enumerate(Mlp net, Box box) {
        return search(net, box, SearchLimits.NONE).partition();
    }

    /**
     * The regions of {@code net} on {@code box}, searched within {@code limits}: a search that reaches a limit stops
     * and returns the lower bound it has reached instead of a partition. The limits are checked between groups of
     * {@link #GROUP_CHUNKS} chunks, so the threads' results are combined in the same order either way.
     */
    public SearchOutcome search(Mlp net, Box box, SearchLimits limits) {
        long t0 = System.nanoTime();
        SearchLimits.Budget budget = limits.new Budget();
        lps = 0;
        fallbacks = 0;
        int n = net.inputDim();
        if (box.dim() != n) {
            throw new IllegalArgumentException("box dimension " + box.dim() + " differs from input dimension " + n);
        }
        PwlNet p = PwlNet.of(net);
        double[] ctr = box.center();
        double[] h = new double[n];
        double[] a0 = new double[n * n];
        for (int j = 0; j < n; j++) {
            h[j] = 0.5 * (box.hi(j) - box.lo(j));
            a0[j * n + j] = h[j];
        }
        List<Node> nodes = new ArrayList<>();
        SearchCell root = new SearchCell(Rows.EMPTY, new double[n], 1.0, new boolean[0]);
        ChebyshevDictionary boxDict = dedicatedLp ? ChebyshevDictionary.box(n) : null;
        // cells keep their own dictionaries when these stay small; else every LP starts again from the box's
        boolean keep = (2L * n + 1 + p.hiddenUnits) * (n + 1) <= keepLimit;
        root.withDictionary(boxDict, 0);
        nodes.add(new Node(root, a0, ctr.clone()));
        for (int l = 0; l < p.layers - 1; l++) {
            int layer = l;
            List<Node> current = nodes;
            List<Node> next = new ArrayList<>();
            long[] held = {0}; // doubles in the dictionaries the next layer's nodes keep (node order: deterministic)
            Solver[] solvers = new Solver[2];
            int group = GROUP_CHUNKS * CHUNK;
            for (int from = 0; from < current.size(); from += group) {
                long lpsNow = lps + solverLps(solvers);
                long atLeast = next.size() + (current.size() - from);
                if (budget.exhausted(l, p.layers - 1, from, current.size(), atLeast, lpsNow)) {
                    return new SearchOutcome(null, false, atLeast, l, lpsNow, (System.nanoTime() - t0) / 1e9, budget.stopReason());
                }
                int start = from;
                int to = Math.min(current.size(), from + group);
                @SuppressWarnings("unchecked")
                List<Node>[] parts = new List[(to - start + CHUNK - 1) / CHUNK];
                Chunks.run(threads, parts.length, (thread, chunk) -> {
                    if (solvers[thread] == null) {
                        solvers[thread] = new Solver(n, boxDict, keep);
                    }
                    List<Node> out = new ArrayList<>();
                    for (int k = start + chunk * CHUNK; k < Math.min(to, start + (chunk + 1) * CHUNK); k++) {
                        expand(current.get(k), p, layer, n, solvers[thread], out);
                    }
                    parts[chunk] = out;
                });
                for (List<Node> part : parts) {
                    budget(part, boxDict, held);
                    next.addAll(part);
                }
            }
            for (Solver sv : solvers) {
                if (sv != null) {
                    lps += sv.lps;
                    fallbacks += sv.fallbacks;
                }
            }
            nodes = next;
        }
        int L = p.layers - 1;
        int in = p.sizes[L];
        int outs = p.sizes[L + 1];
        double minH = Double.POSITIVE_INFINITY;
        for (double v : h) {
            minH = Math.min(minH, v);
        }
        List<LinearRegion> regions = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            Matrix a = Matrix.zeros(outs, n);
            double[] off = new double[outs];
            for (int o = 0; o < outs; o++) {
                double s0 = p.b[L][o];
                for (int j = 0; j < in; j++) {
                    s0 += p.w[L][o * in + j] * node.beta[j];
                }
                for (int q = 0; q < n; q++) {
                    double s = 0;
                    for (int j = 0; j < in; j++) {
                        s += p.w[L][o * in + j] * node.a[j * n + q];
                    }
                    double gx = s / h[q];
                    a.set(o, q, gx);
                    s0 -= gx * ctr[q];
                }
                off[o] = s0;
            }
            double[] x = new double[n];
            for (int q = 0; q < n; q++) {
                x[q] = ctr[q] + h[q] * node.cell.center[q];
            }
            regions.add(new LinearRegion(node.cell.bits, a, off, null, x, node.cell.radius * minH));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new SearchOutcome(new Partition(name(), box, regions, new double[0], lps, seconds), true,
                regions.size(), p.layers - 1, lps, seconds, "");
    }

    /**
     * Doubles of dictionaries that the nodes waiting for the next layer may keep (128 MB); past it, nodes (in node
     * order, so the same ones on any number of threads) start again from the box's dictionary.
     */
    static final long NODE_DICTIONARIES = 1L << 24;

    /** Lets the nodes keep their dictionaries while the running total {@code held} stays within NODE_DICTIONARIES. */
    private static void budget(List<Node> nodes, ChebyshevDictionary box, long[] held) {
        for (Node node : nodes) {
            ChebyshevDictionary d = node.cell.dict;
            if (d == null || d == box) {
                continue;
            }
            if (held[0] + d.doubles() <= NODE_DICTIONARIES) {
                held[0] += d.doubles();
            } else {
                node.cell.withDictionary(box, 0);
            }
        }
    }

    private static long solverLps(Solver[] solvers) {
        long s = 0;
        for (Solver sv : solvers) {
            if (sv != null) {
                s += sv.lps;
            }
        }
        return s;
    }

    /** The children of one node at layer l (its cell cut by layer l's units), appended to {@code next} in order. */
    private void expand(Node node, PwlNet p, int l, int n, Solver solver, List<Node> next) {
        int in = p.sizes[l];
        int out = p.sizes[l + 1];
        double[] w = p.w[l];
        double[] bl = p.b[l];
        double slope = p.offSlope[l];
        double[] g = new double[out * n];
        double[] g0 = new double[out];
        for (int i = 0; i < out; i++) {
            double s0 = bl[i];
            for (int j = 0; j < in; j++) {
                double wij = w[i * in + j];
                s0 += wij * node.beta[j];
                for (int q = 0; q < n; q++) {
                    g[i * n + q] += wij * node.a[j * n + q];
                }
            }
            g0[i] = s0;
        }
        List<SearchCell> cells = new ArrayList<>();
        cells.add(new SearchCell(node.cell.rows, node.cell.center, node.cell.radius, new boolean[out])
                .withDictionary(node.cell.dict, node.cell.dictRows));
        node.cell.dict = null;
        for (int i = 0; i < out; i++) {
            if (!p.splits[l]) {
                for (SearchCell c : cells) {
                    c.bits[i] = true;
                }
                continue;
            }
            double[] gi = Arrays.copyOfRange(g, i * n, (i + 1) * n);
            double nrm = 0;
            double span = 0;
            for (int q = 0; q < n; q++) {
                nrm += gi[q] * gi[q];
                span += Math.abs(gi[q]);
            }
            nrm = Math.sqrt(nrm);
            if (nrm < 1e-300 || g0[i] - span >= 0 || g0[i] + span <= 0) {
                boolean on = nrm < 1e-300 ? g0[i] > 0 : g0[i] - span >= 0;
                for (SearchCell c : cells) {
                    c.bits[i] = on;
                }
                continue;
            }
            for (int q = 0; q < n; q++) {
                gi[q] /= nrm;
            }
            double gc = g0[i] / nrm;
            int m = cells.size();
            for (int k = 0; k < m; k++) {
                SearchCell c = cells.get(k);
                SearchCell other = split(c, gi, gc, n, i, solver);
                if (other != null) {
                    cells.add(other);
                }
            }
        }
        for (SearchCell c : cells) {
            double[] na = new double[out * n];
            double[] nb = new double[out];
            for (int i = 0; i < out; i++) {
                double f = c.bits[i] ? 1.0 : slope;
                for (int q = 0; q < n; q++) {
                    na[i * n + q] = f * g[i * n + q];
                }
                nb[i] = f * g0[i];
            }
            boolean[] all = Arrays.copyOf(node.cell.bits, node.cell.bits.length + out);
            System.arraycopy(c.bits, 0, all, node.cell.bits.length, out);
            // the last hidden layer's cells need no dictionary any more
            SearchCell child = new SearchCell(c.rows, c.center, c.radius, all);
            if (l + 2 < p.layers) {
                child.withDictionary(c.dict, c.dictRows);
            }
            next.add(new Node(child, na, nb));
        }
    }

    /**
     * Decides unit i (hyperplane gi·u + gc = 0, ‖gi‖ = 1) on cell c: sets c's bit, and when the hyperplane
     * cuts c returns the off-side... the other side as a new cell (c is narrowed to its own side).
     */
    private SearchCell split(SearchCell c, double[] gi, double gc, int n, int i, Solver solver) {
        SearchCell opposite = c.deepCut(gi, gc);
        if (opposite == null && c.dict != null) {
            // bring the cell's dictionary up to date: its Chebyshev ball may be larger than the one known
            c.refresh(solver.keep);
            opposite = c.deepCut(gi, gc);
        }
        int sigma = c.distance(gi, gc) > 0 ? 1 : -1;
        if (opposite == null) {
            // LP: Chebyshev ball of c ∩ {−sigma (g·u + gc) ≥ 0}, i.e. sigma g·u ≤ −sigma gc
            double[] row = new double[n + 1];
            for (int q = 0; q < n; q++) {
                row[q] = sigma * gi[q];
            }
            row[n] = -sigma * gc;
            opposite = c.dict == null ? null : c.opposite(row, solver.scratch, solver.keep);
            if (opposite != null) {
                solver.lps++;
            }
            if (opposite == null) {
                double[] ball = chebyshev(c.rows.toList(), row, n, c.center, solver);
                if (ball != null && ball[n] > RADIUS_TOL) {
                    opposite = new SearchCell(null, Arrays.copyOf(ball, n), ball[n], null);
                }
            }
            if (opposite == SearchCell.NO_REGION || opposite == null) {
                c.bits[i] = sigma > 0;
                return null;
            }
        }
        double ds = sigma * c.distance(gi, gc);
        // narrow c to its own side, keep a ball inside it
        double[] own = new double[n + 1];
        double[] opp = new double[n + 1];
        for (int q = 0; q < n; q++) {
            own[q] = -sigma * gi[q]; // −sigma(g·u + gc) ≤ 0
            opp[q] = sigma * gi[q];
        }
        own[n] = sigma * gc;
        opp[n] = -sigma * gc;
        if (ds < c.radius) {
            double t = (c.radius - ds) / 2;
            double r = (c.radius + ds) / 2;
            double[] cc = c.center.clone();
            for (int q = 0; q < n; q++) {
                cc[q] += sigma * t * gi[q];
            }
            c.center = cc;
            c.radius = r;
        }
        opposite.rows = c.rows.plus(opp);
        if (opposite.dict == null && c.dict != null) {
            opposite.withDictionary(c.dict, c.dictRows);
        }
        opposite.bits = c.bits.clone();
        opposite.bits[i] = sigma < 0;
        c.rows = c.rows.plus(own);
        c.bits[i] = sigma > 0;
        return opposite;
    }

    /**
     * Chebyshev ball (centre, radius) of {|u_j| ≤ 1} ∩ rows ∩ extra; null if the LP fails. By {@link ChebyshevLp}
     * started from {@code start} (the centre of a ball inside the cell of {@code rows}), or by Hipparchus' simplex
     * when that is not available or this enumerator was made for the slow path.
     */
    private double[] chebyshev(List<double[]> rows, double[] extra, int n, double[] start, Solver solver) {
        solver.lps++;
        if (dedicatedLp) {
            double[] ball = solver.lp.solve(rows, extra, start);
            if (ball != null) {
                return ball;
            }
            solver.fallbacks++;
        }
        return hipparchus(rows, extra, n);
    }

    /** One thread's LP workspace and counters. */
    private static final class Solver {
        final ChebyshevLp lp;
        final ChebyshevDictionary scratch;
        long lps;
        long fallbacks;

        /** The box's dictionary (null on the slow path) and whether cells keep their own (see KEEP_LIMIT). */
        final ChebyshevDictionary box;
        final boolean keep;

        Solver(int n, ChebyshevDictionary box, boolean keep) {
            lp = new ChebyshevLp(n);
            scratch = ChebyshevDictionary.workspace(n);
            this.box = box;
            this.keep = keep;
        }
    }

    private double[] hipparchus(List<double[]> rows, double[] extra, int n) {
        LinearProgram lp = new LinearProgram(n + 1);
        double[] obj = new double[n + 1];
        obj[n] = 1;
        lp.maximize(obj);
        double[] a = new double[n + 1];
        for (double[] r : rows) {
            System.arraycopy(r, 0, a, 0, n);
            a[n] = 1;
            lp.lessEq(a, r[n]);
        }
        System.arraycopy(extra, 0, a, 0, n);
        a[n] = 1;
        lp.lessEq(a, extra[n]);
        for (int q = 0; q < n; q++) {
            Arrays.fill(a, 0);
            a[q] = 1;
            a[n] = 1;
            lp.lessEq(a, 1);
            a[q] = -1;
            lp.lessEq(a, 1);
        }
        lp.bound(n, -1, 2);
        LinearProgram.Result res = lp.solve();
        if (!res.optimal()) {
            return null;
        }
        return res.x();
    }

    /** LPs of the last {@link #enumerate} call that {@link ChebyshevLp} left to Hipparchus (did not converge). */
    long lastFallbackCount() {
        return fallbacks;
    }

    /** LPs solved by the last {@link #enumerate} call. */
    public long lastLpCount() {
        return lps;
    }
}
