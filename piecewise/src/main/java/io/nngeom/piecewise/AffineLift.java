package io.nngeom.piecewise;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.run.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * C6 (digest §3): overparameterised solutions through (generalised) affine transforms. The affine lift inserts
 * a wide layer σ(Ax + β), A ∈ ℝ^{m×n} of rank n, all active on the box (C5a), and replaces the next layer's W by
 * W′ = W A⁺ + N with N A = 0 and b′ = b − W′β: the function is unchanged on the box, for every N in an
 * h·(m − n)-dimensional family. Canonicalisation removes the redundancies of a trained one-hidden-layer net
 * (positive rescaling, dead and always-active units, duplicate and opposite hyperplanes, zero jumps).
 */
public final class AffineLift {
    private AffineLift() {
    }

    /**
     * Lifts the input of {@code net} through a random rank-n layer of width m (Gaussian A), with the free
     * matrix N = R (I − A A⁺) for a Gaussian R scaled by {@code freedom}.
     */
    public static Construction lift(Mlp net, int m, Box box, double freedom, long seed) {
        int n = net.inputDim();
        if (m < n) {
            throw new IllegalArgumentException("the lift width " + m + " is below the input dimension " + n);
        }
        SplittableRandom rng = Seeds.rng(seed);
        double[] ad = new double[m * n];
        for (int i = 0; i < ad.length; i++) {
            ad[i] = Seeds.gaussian(rng);
        }
        Matrix a = new Matrix(m, n, ad);
        Layer liftLayer = Lattice.transmission(a, box, 1.0);
        double[] beta = liftLayer.bias();
        Layer first = net.layer(0);
        int h = first.outputs();
        Matrix aPinv = Linalg.pinv(a); // n×m
        Matrix proj = Matrix.identity(m).minus(Linalg.mult(a, aPinv)); // m×m, projector onto range(A)^⊥
        double[] rd = new double[h * m];
        for (int i = 0; i < rd.length; i++) {
            rd[i] = freedom * Seeds.gaussian(rng);
        }
        Matrix nFree = Linalg.mult(new Matrix(h, m, rd), proj);
        Matrix w2 = Linalg.mult(first.weight(), aPinv).plus(nFree);
        double[] wb = w2.times(beta);
        double[] b2 = first.bias();
        for (int i = 0; i < h; i++) {
            b2[i] -= wb[i];
        }
        List<Layer> layers = new ArrayList<>();
        layers.add(liftLayer);
        layers.add(new Layer(w2, b2, first.activation()));
        for (int l = 1; l < net.layerCount(); l++) {
            layers.add(net.layer(l));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("liftWidth", m);
        d.put("familyDimension", h * (m - n));
        d.put("naNorm", Linalg.mult(nFree, a).maxAbs());
        return new Construction("C6-lift", new Mlp(layers), d);
    }

    /**
     * Numerical dimension of the set of next-layer weights W′ that leave the lifted net's function unchanged:
     * the null space of the Jacobian of function values at {@code points} with respect to W′ (b′ = b − W′β kept
     * tied), by central differences (exact for a PL map away from creases) and an SVD.
     */
    public static int invariantDimension(Mlp lifted, Box box, int points, long seed) {
        Layer liftLayer = lifted.layer(0);
        Layer next = lifted.layer(1);
        int h = next.outputs();
        int m = next.inputs();
        double[] beta = liftLayer.bias();
        Matrix xs = ShallowFit.samples(new MaxMin(new double[][] {new double[box.dim() + 1]}, List.of(new int[] {0}), box), box, points,
                seed);
        int outs = lifted.outputDim();
        Matrix jac = Matrix.zeros(points * outs, h * m);
        double step = 1e-6;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < m; j++) {
                Mlp plus = perturb(lifted, i, j, step, beta);
                Mlp minus = perturb(lifted, i, j, -step, beta);
                Matrix yp = plus.apply(xs);
                Matrix ym = minus.apply(xs);
                for (int r = 0; r < points; r++) {
                    for (int o = 0; o < outs; o++) {
                        jac.set(r * outs + o, i * m + j, (yp.get(r, o) - ym.get(r, o)) / (2 * step));
                    }
                }
            }
        }
        double[] sv = Linalg.singularValues(jac);
        double tol = 1e-6 * Math.max(1, sv[0]);
        int rank = 0;
        for (double s : sv) {
            if (s > tol) {
                rank++;
            }
        }
        return h * m - rank;
    }

    private static Mlp perturb(Mlp net, int i, int j, double d, double[] beta) {
        Layer l = net.layer(1);
        Matrix w = l.weight();
        w.set(i, j, w.get(i, j) + d);
        double[] b = l.bias();
        b[i] -= d * beta[j];
        return net.withLayer(1, new Layer(w, b, l.activation()));
    }

    /** One unit of a canonical shallow net: unit normal w, offset b, output weight v (one output). */
    public record Unit(double[] w, double b, double v) {
    }

    /**
     * A canonical one-hidden-layer net on a box.
     *
     * @param units the effective units (‖w‖ = 1, crossing the box, distinct hyperplanes, nonzero jump)
     * @param linear the affine part's linear term
     * @param constant the affine part's constant
     * @param construction the canonical network as an Mlp (units + one always-active unit for the affine part)
     */
    public record Canonical(List<Unit> units, double[] linear, double constant, Construction construction) {
        public int effectiveUnits() {
            return units.size();
        }
    }

    /** Relative tolerance for merging hyperplanes and dropping zero jumps. */
    public static final double MERGE_TOL = 1e-7;

    /** Canonicalises a one-hidden-layer ReLU net with one output on a box (digest C6 steps 1–5). */
    public static Canonical canonicalize(Mlp net, Box box) {
        if (net.hiddenLayerCount() != 1 || net.outputDim() != 1) {
            throw new IllegalArgumentException("canonicalisation needs a one-hidden-layer net with one output");
        }
        Folded f = fold(net.layer(0), net.layer(1), box);
        List<Unit> units = significant(f.units, net.inputDim());
        Mlp canon = assemble(units, f.lin, f.c, box);
        return new Canonical(units, f.lin, f.c, new Construction("C6-canonical", canon, Map.of("effectiveUnits", units.size())));
    }

    /** The folded net: the units that bend inside the box (rows w, b, v), the affine part's linear term and constant. */
    private static final class Folded {
        final double[] lin;
        final List<double[]> units = new ArrayList<>();
        double c;

        Folded(int n, double c) {
            this.lin = new double[n];
            this.c = c;
        }
    }

    /**
     * Steps 1–3: each unit scaled to a unit normal (‖w‖ = 1, v·‖w‖); units dead on the box dropped, units active on
     * the whole box folded into the affine part; units on the same hyperplane merged (see {@link #merge}).
     */
    private static Folded fold(Layer l, Layer o, Box box) {
        int n = l.inputs();
        Folded f = new Folded(n, o.b(0));
        for (int i = 0; i < l.outputs(); i++) {
            double[] w = l.weight().rowArray(i);
            double b = l.b(i);
            double v = o.w(0, i);
            double nrm = Linalg.norm2(w);
            if (nrm == 0) {
                f.c += v * Math.max(0, b);
                continue;
            }
            for (int q = 0; q < n; q++) {
                w[q] /= nrm;
            }
            b /= nrm;
            v *= nrm;
            double lo = b;
            double hi = b;
            for (int q = 0; q < n; q++) {
                lo += Math.min(w[q] * box.lo(q), w[q] * box.hi(q));
                hi += Math.max(w[q] * box.lo(q), w[q] * box.hi(q));
            }
            if (hi <= 0) {
                continue; // dead on the box
            }
            if (lo >= 0) {
                for (int q = 0; q < n; q++) {
                    f.lin[q] += v * w[q];
                }
                f.c += v * b;
                continue;
            }
            merge(f, w, b, v);
        }
        return f;
    }

    /** Step 3: a unit on the hyperplane of a kept one (same or opposite orientation, to MERGE_TOL) is merged into it. */
    private static void merge(Folded f, double[] w, double b, double v) {
        int n = w.length;
        for (double[] u : f.units) {
            double same = Math.abs(u[n] - b);
            double opp = Math.abs(u[n] + b);
            for (int q = 0; q < n; q++) {
                same += Math.abs(u[q] - w[q]);
                opp += Math.abs(u[q] + w[q]);
            }
            if (same < MERGE_TOL) {
                u[n + 1] += v;
                return;
            }
            if (opp < MERGE_TOL) {
                // v σ(−z) = v σ(z) − v z with z = u·x + u_b
                u[n + 1] += v;
                for (int q = 0; q < n; q++) {
                    f.lin[q] -= v * u[q];
                }
                f.c -= v * u[n];
                return;
            }
        }
        double[] u = new double[n + 2];
        System.arraycopy(w, 0, u, 0, n);
        u[n] = b;
        u[n + 1] = v;
        f.units.add(u);
    }

    /** Step 4: units whose jump |v| is below MERGE_TOL·max(1, max |v|) are dropped. */
    private static List<Unit> significant(List<double[]> us, int n) {
        double vmax = 0;
        for (double[] u : us) {
            vmax = Math.max(vmax, Math.abs(u[n + 1]));
        }
        List<Unit> units = new ArrayList<>();
        for (double[] u : us) {
            if (Math.abs(u[n + 1]) > MERGE_TOL * Math.max(1, vmax)) {
                units.add(new Unit(Arrays.copyOf(u, n), u[n], u[n + 1]));
            }
        }
        return units;
    }

    /** Step 5: the canonical net, the units plus one unit active on the whole box for the affine part. */
    private static Mlp assemble(List<Unit> units, double[] lin, double c, Box box) {
        int n = lin.length;
        boolean hasLin = false;
        for (double v : lin) {
            hasLin |= v != 0;
        }
        int hcount = Math.max(1, units.size() + (hasLin ? 1 : 0));
        double[][] w = new double[hcount][];
        double[] b = new double[hcount];
        double[] v = new double[hcount];
        for (int i = 0; i < units.size(); i++) {
            w[i] = units.get(i).w();
            b[i] = units.get(i).b();
            v[i] = units.get(i).v();
        }
        double cc = c;
        if (hasLin) {
            double big = Nets.activeOffset(lin, box, 1.0);
            w[units.size()] = lin.clone();
            b[units.size()] = big;
            v[units.size()] = 1;
            cc -= big;
        } else if (units.isEmpty()) {
            w[0] = new double[n];
        }
        return Nets.shallow(w, b, new double[][] {v}, new double[] {cc});
    }
}
