package io.nngeom.piecewise;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.Polygons;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * C5 (digest §3): deep networks. (c) The general exact construction from the max–min (lattice) representation
 * f = max_{S∈F} min_{j∈S} g_j (Tarela–Martínez 1999, Ovchinnikov 2002) with the cell-probe family: inside each
 * triangle r (where f = g_r) the arrangement of the lines g_j = g_r is cut into convex cells and one probe a per
 * cell gives S_a = {j : g_j(a) ≥ f(a)}. The network evaluates every min by a binary tree and the max by another
 * (one tree level per hidden layer): min(a, b) = σ(b) − σ(−b) − σ(b − a), max(a, b) = σ(a − b) + σ(b) − σ(−b)
 * (3 units), carry a = σ(a) − σ(−a) (2 units); hidden layers ⌈log₂ max|S|⌉ + ⌈log₂|F|⌉.
 * (b) The pyramid σ(1 − |x₁| − |x₂|) with 5 units in 2 hidden layers. (a) Region transmission: a wide layer
 * all active on a box carries it affinely.
 */
public final class Lattice {
    /** Cells of a triangle thinner than this (relative to the triangle's diameter) are not probed. */
    public static final double CELL_TOL = 1e-9;

    private Lattice() {
    }

    /**
     * A max–min family.
     *
     * @param pieces affine pieces (a1, a2, c)
     * @param sets the index sets S (supersets of other sets removed)
     * @param probes number of probe points used
     */
    public record Family(double[][] pieces, List<int[]> sets, int probes) {
        public int maxSetSize() {
            int m = 0;
            for (int[] s : sets) {
                m = Math.max(m, s.length);
            }
            return m;
        }
    }

    /** The exact cell-probe family of a triangulated PL function. */
    public static Family cellProbeFamily(Triangulation f) {
        int[] pieceOf = new int[f.triangleCount()];
        double[][] g = f.distinctPieces(pieceOf);
        Set<String> seen = new LinkedHashSet<>();
        List<int[]> sets = new ArrayList<>();
        int probes = 0;
        double scale = 0;
        for (double[] p : g) {
            scale = Math.max(scale, Math.abs(p[0]) + Math.abs(p[1]) + Math.abs(p[2]));
        }
        for (int t = 0; t < f.triangleCount(); t++) {
            int r = pieceOf[t];
            double[] tri = f.polygon(t);
            double diam = Math.max(Math.hypot(tri[2] - tri[0], tri[3] - tri[1]),
                    Math.max(Math.hypot(tri[4] - tri[0], tri[5] - tri[1]), Math.hypot(tri[4] - tri[2], tri[5] - tri[3])));
            List<double[]> cells = new ArrayList<>();
            cells.add(tri);
            for (int j = 0; j < g.length; j++) {
                if (j == r) {
                    continue;
                }
                double a = g[j][0] - g[r][0];
                double b = g[j][1] - g[r][1];
                double c = g[j][2] - g[r][2];
                List<double[]> next = new ArrayList<>();
                for (double[] cell : cells) {
                    double[][] sp = Polygons.split(cell, a, b, c, CELL_TOL * diam);
                    if (sp[0] != null && sp[0].length >= 6) {
                        next.add(sp[0]);
                    }
                    if (sp[1] != null && sp[1].length >= 6) {
                        next.add(sp[1]);
                    }
                }
                cells = next;
            }
            for (double[] cell : cells) {
                double[] a = Polygons.centroid(cell, cell.length / 2);
                probes++;
                double fa = g[r][0] * a[0] + g[r][1] * a[1] + g[r][2];
                List<Integer> s = new ArrayList<>();
                for (int j = 0; j < g.length; j++) {
                    double gj = g[j][0] * a[0] + g[j][1] * a[1] + g[j][2];
                    if (j == r || gj >= fa) {
                        s.add(j);
                    }
                }
                int[] arr = s.stream().mapToInt(Integer::intValue).toArray();
                if (seen.add(Arrays.toString(arr))) {
                    sets.add(arr);
                }
            }
        }
        return new Family(g, dropSupersets(sets), probes);
    }

    /**
     * The region-wise family S_r = {j : g_j ≥ g_r on all of triangle r} (one set per linear region); the digest's
     * pitfall: NOT a valid lattice family in general (negative control).
     */
    public static Family regionWiseFamily(Triangulation f) {
        int[] pieceOf = new int[f.triangleCount()];
        double[][] g = f.distinctPieces(pieceOf);
        Set<String> seen = new LinkedHashSet<>();
        List<int[]> sets = new ArrayList<>();
        double scale = 0;
        for (double[] p : g) {
            scale = Math.max(scale, Math.abs(p[0]) + Math.abs(p[1]) + Math.abs(p[2]));
        }
        for (int t = 0; t < f.triangleCount(); t++) {
            int r = pieceOf[t];
            double[] tri = f.polygon(t);
            List<Integer> s = new ArrayList<>();
            for (int j = 0; j < g.length; j++) {
                boolean ge = true;
                for (int v = 0; v < 3; v++) {
                    double d = (g[j][0] - g[r][0]) * tri[2 * v] + (g[j][1] - g[r][1]) * tri[2 * v + 1] + g[j][2] - g[r][2];
                    ge &= d >= -1e-12 * scale;
                }
                if (ge) {
                    s.add(j);
                }
            }
            int[] arr = s.stream().mapToInt(Integer::intValue).toArray();
            if (seen.add(Arrays.toString(arr))) {
                sets.add(arr);
            }
        }
        return new Family(g, dropSupersets(sets), f.triangleCount());
    }

    static List<int[]> dropSupersets(List<int[]> sets) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            boolean superset = false;
            for (int j = 0; j < sets.size() && !superset; j++) {
                if (i != j && contains(sets.get(i), sets.get(j))
                        && (sets.get(i).length > sets.get(j).length || j < i)) {
                    superset = true;
                }
            }
            if (!superset) {
                out.add(sets.get(i));
            }
        }
        return out;
    }

    private static boolean contains(int[] big, int[] small) {
        int p = 0;
        for (int v : small) {
            while (p < big.length && big[p] < v) {
                p++;
            }
            if (p == big.length || big[p] != v) {
                return false;
            }
        }
        return true;
    }

    /** The max–min network of a family (pieces in n inputs: rows (a_1..a_n, c)). */
    public static Construction build(double[][] pieces, List<int[]> sets) {
        int n = pieces[0].length - 1;
        // values: each is an affine function of the current layer's activations: coef (width) + const
        int width = n;
        List<double[]> pieceVals = new ArrayList<>();
        for (double[] p : pieces) {
            pieceVals.add(p.clone()); // coefficients on x, constant last
        }
        List<List<double[]>> groups = new ArrayList<>();
        for (int[] s : sets) {
            List<double[]> grp = new ArrayList<>();
            for (int j : s) {
                grp.add(pieceVals.get(j));
            }
            groups.add(grp);
        }
        List<Layer> layers = new ArrayList<>();
        int minDepth = ceilLog2(maxSize(groups));
        int units = 0;
        for (int level = 0; level < minDepth; level++) {
            LevelBuilder lb = new LevelBuilder(width);
            List<List<double[]>> next = new ArrayList<>();
            for (List<double[]> grp : groups) {
                List<double[]> ng = new ArrayList<>();
                for (int i = 0; i + 1 < grp.size(); i += 2) {
                    ng.add(lb.min(grp.get(i), grp.get(i + 1)));
                }
                if (grp.size() % 2 == 1) {
                    ng.add(lb.carry(grp.get(grp.size() - 1)));
                }
                next.add(ng);
            }
            layers.add(lb.layer());
            units += lb.units();
            groups = next;
            width = lb.units();
            groups = lb.finish(groups);
        }
        List<double[]> vals = new ArrayList<>();
        for (List<double[]> grp : groups) {
            vals.add(grp.get(0));
        }
        int maxDepth = ceilLog2(vals.size());
        for (int level = 0; level < maxDepth; level++) {
            LevelBuilder lb = new LevelBuilder(width);
            List<double[]> next = new ArrayList<>();
            for (int i = 0; i + 1 < vals.size(); i += 2) {
                next.add(lb.max(vals.get(i), vals.get(i + 1)));
            }
            if (vals.size() % 2 == 1) {
                next.add(lb.carry(vals.get(vals.size() - 1)));
            }
            layers.add(lb.layer());
            units += lb.units();
            width = lb.units();
            vals = lb.finish(List.of(next)).get(0);
        }
        double[] out = vals.get(0);
        layers.add(new Layer(new Matrix(1, width, Arrays.copyOf(out, width)), new double[] {out[width]}, Activation.IDENTITY));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("pieces", pieces.length);
        d.put("familySize", sets.size());
        d.put("maxSetSize", maxSetSize(sets));
        d.put("expectedHiddenLayers", ceilLog2(maxSetSize(sets)) + ceilLog2(sets.size()));
        return new Construction("C5-lattice", new Mlp(layers), d);
    }

    private static int maxSetSize(List<int[]> sets) {
        int m = 0;
        for (int[] s : sets) {
            m = Math.max(m, s.length);
        }
        return m;
    }

    private static int maxSize(List<List<double[]>> groups) {
        int m = 0;
        for (List<double[]> g : groups) {
            m = Math.max(m, g.size());
        }
        return m;
    }

    /** ⌈log₂ m⌉ for m ≥ 1. */
    public static int ceilLog2(int m) {
        int d = 0;
        while ((1 << d) < m) {
            d++;
        }
        return d;
    }

    /**
     * Builds one hidden layer from values affine in the previous layer's outputs (coef length = previous
     * width, constant last); returned values are placeholders resolved by {@link #finish} to the new layer.
     */
    private static final class LevelBuilder {
        private final int in;
        private final List<double[]> rows = new ArrayList<>(); // unit pre-activation: coef (in) + bias
        private final List<double[]> outs = new ArrayList<>(); // placeholder → list of (unit, weight) pairs

        LevelBuilder(int in) {
            this.in = in;
        }

        private int unit(double[] a, double sa, double[] b, double sb) {
            double[] r = new double[in + 1];
            for (int q = 0; q <= in; q++) {
                r[q] = (a == null ? 0 : sa * a[q]) + (b == null ? 0 : sb * b[q]);
            }
            rows.add(r);
            return rows.size() - 1;
        }

        /** min(a, b) = σ(b) − σ(−b) − σ(b − a). */
        double[] min(double[] a, double[] b) {
            int u1 = unit(b, 1, null, 0);
            int u2 = unit(b, -1, null, 0);
            int u3 = unit(b, 1, a, -1);
            return placeholder(new int[] {u1, u2, u3}, new double[] {1, -1, -1});
        }

        /** max(a, b) = σ(a − b) + σ(b) − σ(−b). */
        double[] max(double[] a, double[] b) {
            int u1 = unit(a, 1, b, -1);
            int u2 = unit(b, 1, null, 0);
            int u3 = unit(b, -1, null, 0);
            return placeholder(new int[] {u1, u2, u3}, new double[] {1, 1, -1});
        }

        /** a = σ(a) − σ(−a). */
        double[] carry(double[] a) {
            int u1 = unit(a, 1, null, 0);
            int u2 = unit(a, -1, null, 0);
            return placeholder(new int[] {u1, u2}, new double[] {1, -1});
        }

        private double[] placeholder(int[] us, double[] ws) {
            double[] p = new double[2 * us.length + 1];
            p[0] = us.length;
            for (int i = 0; i < us.length; i++) {
                p[1 + 2 * i] = us[i];
                p[2 + 2 * i] = ws[i];
            }
            outs.add(p);
            return p;
        }

        int units() {
            return rows.size();
        }

        Layer layer() {
            int m = rows.size();
            double[] w = new double[m * in];
            double[] b = new double[m];
            for (int i = 0; i < m; i++) {
                System.arraycopy(rows.get(i), 0, w, i * in, in);
                b[i] = rows.get(i)[in];
            }
            return new Layer(new Matrix(m, in, w), b, Activation.RELU);
        }

        /** Replaces placeholders by coefficient vectors over this layer's units (constant 0). */
        List<List<double[]>> finish(List<List<double[]>> groups) {
            int m = rows.size();
            List<List<double[]>> out = new ArrayList<>();
            for (List<double[]> g : groups) {
                List<double[]> ng = new ArrayList<>();
                for (double[] p : g) {
                    double[] v = new double[m + 1];
                    int cnt = (int) p[0];
                    for (int i = 0; i < cnt; i++) {
                        v[(int) p[1 + 2 * i]] += p[2 + 2 * i];
                    }
                    ng.add(v);
                }
                out.add(ng);
            }
            return out;
        }
    }

    /** C5c on a triangulated PL function with a convex domain. */
    public static Construction build(Triangulation f) {
        if (!f.isConvexDomain()) {
            throw new IllegalArgumentException("the lattice construction needs a convex triangulated domain");
        }
        Family fam = cellProbeFamily(f);
        Construction c = build(fam.pieces(), fam.sets());
        Map<String, Object> d = new LinkedHashMap<>(c.details());
        d.put("probes", fam.probes());
        return new Construction("C5-lattice", c.net(), d);
    }

    /** C5b: the pyramid σ(1 − |x₁| − |x₂|): layer 1 σ(±x₁), σ(±x₂); layer 2 σ(1 − Σ); 5 units, exact. */
    public static Construction pyramid() {
        Layer l1 = new Layer(Matrix.of(new double[] {1, 0}, new double[] {-1, 0}, new double[] {0, 1}, new double[] {0, -1}),
                new double[4], Activation.RELU);
        Layer l2 = new Layer(Matrix.of(new double[] {-1, -1, -1, -1}), new double[] {1}, Activation.RELU);
        Layer out = new Layer(Matrix.of(new double[] {1}), new double[] {0}, Activation.IDENTITY);
        return new Construction("C5-pyramid", new Mlp(List.of(l1, l2, out)), Map.of("units", 5));
    }

    /**
     * C5a region transmission: the layer σ(W x + b) with b_i = margin − min_box w_i·x, so every unit is active on
     * the box and the layer is the injective affine map x ↦ Wx + b there (when rank W = n).
     */
    public static Layer transmission(Matrix w, Box box, double margin) {
        double[] b = new double[w.rows()];
        for (int i = 0; i < w.rows(); i++) {
            b[i] = Nets.activeOffset(w.rowArray(i), box, margin);
        }
        return new Layer(w, b, Activation.RELU);
    }
}
