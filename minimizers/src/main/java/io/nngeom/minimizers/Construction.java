package io.nngeom.minimizers;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The truncation engine behind every construction of this module (digest §2, §3): a schedule of hidden layers,
 * each of which either collapses a set of classes to one apex point (a truncation step) or keeps every point
 * (an identity layer), followed by an affine output layer fitted on the curated points.
 *
 * <p>Truncation step for classes S with current points C and all other current points O: a separating unit
 * normal f (mean difference, or the max-margin LP normal), apex p = m + (h_C + θ·gap − f·m) f on the line
 * through the cluster mean m, and cone normals a_i = g_i + s f where the g_i are unit vectors of f^⊥ forming a
 * regular simplex (g_i = normalise(H(e_i − u/Q)), H the Householder reflection taking u/√Q to f) and
 * s = κ·max(s_req, 0) + s₀ with s_req the least slope putting O inside p + K and C inside p − K. Then
 * A = rows a_i, c = −A p. The clustering condition (SC) of the step is the LP's strict separability; when it
 * fails the construction stops with an {@link InputException} naming the class and the step.
 */
final class Construction {
    /**
     * (SC) holds at a step when the max-margin LP value exceeds {@code SEPARATION_TOLERANCE · scale}, scale =
     * max(1, max|x|); below this a "separation" is indistinguishable from round-off.
     */
    static final double SEPARATION_TOLERANCE = 1e-9;
    /**
     * The apex points must be affinely independent: σ_min(P̃) &gt; {@code APEX_TOLERANCE} · σ_max(P̃) for
     * P̃ = [p_1 … p_Q; 1 … 1].
     */
    static final double APEX_TOLERANCE = 1e-12;

    private Construction() {
    }

    /** How the output layer is fitted. */
    enum OutputFit {
        /** [W | b] = Y P̃⁺ on the Q class representatives (every class collapsed to its own point). */
        INTERPOLATE,
        /** Least squares over all examples (minimum norm). */
        LEAST_SQUARES
    }

    /**
     * @param curated Z_0 = X, Z_1, ..., Z_L in input coordinates (rows are examples)
     * @param sigmaMinApex σ_min of P̃ = [p_1 … p_Q; 1 … 1] in input coordinates (NaN unless INTERPOLATE)
     */
    record Outcome(Mlp model, List<Truncation> truncations, List<LayerReport> layers, List<Matrix> curated,
                   double sigmaMinApex) {
    }

    /**
     * Runs a schedule: {@code steps.get(ℓ)} lists the classes layer ℓ + 1 collapses (empty: identity layer).
     */
    static Outcome run(ClusteredData data, List<int[]> steps, BuildOptions opt, OutputFit fit) {
        int q = data.classes();
        if (data.inputDim() != q) {
            throw new InputException("data: inputs have " + data.inputDim() + " columns but there are " + q
                    + " classes; the deep construction needs input dimension = number of classes (Q)");
        }
        int n = data.size();
        int[] labels = data.labels();
        int[] group = new int[q]; // -1: untouched, else index of the step that collapsed the class
        Arrays.fill(group, -1);
        Matrix z = data.x().copy();
        List<Matrix> curated = new ArrayList<>();
        curated.add(z.copy());
        List<Truncation> ts = new ArrayList<>();
        List<LayerReport> reports = new ArrayList<>();
        Matrix prevA = Matrix.identity(q);
        for (int l = 0; l < steps.size(); l++) {
            int[] s = steps.get(l);
            boolean[] inStep = stepMask(s, group, l);
            Step st = s.length == 0 ? identityStep(z, prevA, opt) : collapseStep(data, z, s, inStep, group, steps.size(), l, opt);
            Truncation t = st.truncation();
            // pre-activations of all points, then the truncation itself
            Matrix pre = Linalg.multTransB(z, t.a());
            double minPre = Double.POSITIVE_INFINITY;
            double[] tc = t.c();
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < q; i++) {
                    minPre = Math.min(minPre, Math.abs(pre.get(r, i) + tc[i]));
                }
            }
            Matrix zNew = t.apply(z);
            double spread = 0;
            double moved = 0;
            for (int r = 0; r < n; r++) {
                if (inStep[labels[r]]) {
                    spread = Math.max(spread, dist(zNew.rowArray(r), st.apex()));
                } else {
                    moved = Math.max(moved, dist(zNew.rowArray(r), z.rowArray(r)));
                }
            }
            for (int k : s) {
                group[k] = l;
            }
            Matrix aCum = t.a();
            Matrix w = Linalg.solve(prevA.transpose(), aCum.transpose()).transpose();
            reports.add(new LayerReport(l + 1, s, st.apex(), st.normal(), st.lpMargin(), st.margin(), st.slope(),
                    st.required(), minPre, spread, moved, cond(aCum), cond(w)));
            ts.add(t);
            prevA = aCum;
            z = zNew;
            curated.add(z.copy());
        }
        return outputLayer(data, ts, z, fit, reports, curated);
    }

    /** One layer of the schedule: its truncation and what was measured while building it. */
    private record Step(Truncation truncation, double[] apex, double[] normal, double lpMargin, double margin, double slope,
                        double required) {
    }

    /** The classes of one step as a mask; each must be a class not yet collapsed, listed once. */
    private static boolean[] stepMask(int[] s, int[] group, int l) {
        boolean[] inStep = new boolean[group.length];
        for (int k : s) {
            if (k < 0 || k >= group.length || group[k] >= 0 || inStep[k]) {
                throw new IllegalArgumentException("class " + k + " cannot be collapsed at step " + (l + 1));
            }
            inStep[k] = true;
        }
        return inStep;
    }

    /** An identity layer: the same cone normals as before, shifted so that every pre-activation is ≥ γ. */
    private static Step identityStep(Matrix z, Matrix prevA, BuildOptions opt) {
        int q = prevA.rows();
        Matrix pre = Linalg.multTransB(z, prevA);
        double[] c = new double[q];
        for (int i = 0; i < q; i++) {
            double min = Double.POSITIVE_INFINITY;
            for (int r = 0; r < z.rows(); r++) {
                min = Math.min(min, pre.get(r, i));
            }
            c[i] = opt.identityMargin() - min;
        }
        Truncation t = new Truncation(prevA, c);
        return new Step(t, t.apex(), null, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * A collapsing layer: the separating normal f of the classes {@code s} from the other current points (an already
     * collapsed class counts once), the apex beyond them along f, and the cone normals g_i + slope·f.
     */
    private static Step collapseStep(ClusteredData data, Matrix z, int[] s, boolean[] inStep, int[] group, int stepCount,
            int l, BuildOptions opt) {
        int q = data.classes();
        Points pts = gather(data, z, inStep, group, stepCount);
        List<double[]> cRows = pts.collapsing();
        List<double[]> oRows = pts.others();
        double[] oMean = pts.othersSum();
        int oCount = pts.othersCount();
        Matrix cm = Matrix.of(cRows.toArray(new double[0][]));
        double[] mean = new double[q];
        for (double[] row : cRows) {
            for (int i = 0; i < q; i++) {
                mean[i] += row[i] / cRows.size();
            }
        }
        double[] f;
        double gap;
        double lpMargin = Double.NaN;
        double margin = Double.NaN;
        Matrix om = oRows.isEmpty() ? null : Matrix.of(oRows.toArray(new double[0][]));
        if (om == null) {
            f = new double[q];
            f[0] = 1;
            gap = data.scale();
        } else {
            Separation.Result sep = Separation.maxMargin(cm, om);
            lpMargin = sep.lpMargin();
            if (!(lpMargin > SEPARATION_TOLERANCE * data.scale())) {
                throw new InputException(String.format(Locale.ROOT,
                        "data: clustering condition (SC) fails at truncation step %d: class %s cannot be "
                                + "separated strictly from the other current points (max-margin LP value %.3g); "
                                + "the clusters overlap or are not sufficiently clustered",
                        l + 1, classList(s), lpMargin));
            }
            for (int i = 0; i < q; i++) {
                oMean[i] = oMean[i] / oCount - mean[i];
            }
            f = sep.normal();
            if (opt.normal() == BuildOptions.Normal.MEAN_DIFFERENCE) {
                double[] fm = Separation.unit(oMean);
                if (Separation.gap(cm, om, fm) > 0) {
                    f = fm;
                }
            }
            gap = Separation.gap(cm, om, f);
            margin = gap;
        }
        double hc = Double.NEGATIVE_INFINITY;
        for (double[] row : cRows) {
            hc = Math.max(hc, Linalg.dot(f, row));
        }
        double off = hc + opt.theta() * gap - Linalg.dot(f, mean);
        double[] apex = new double[q];
        for (int i = 0; i < q; i++) {
            apex[i] = mean[i] + off * f[i];
        }
        if (q == 1) {
            return new Step(Truncation.withApex(Matrix.of(new double[] {f[0]}), apex), apex, f, lpMargin, margin, Double.NaN,
                    Double.NaN);
        }
        Matrix gs = simplexFrame(f, opt.frameSeed() == null ? null : Seeds.rng(Seeds.child(opt.frameSeed(), l)));
        double required = requiredSlope(gs, f, apex, cRows, oRows);
        double slope = opt.kappa() * Math.max(required, 0) + opt.slopeOffset();
        Matrix a = Matrix.zeros(q, q);
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < q; k++) {
                a.set(i, k, gs.get(i, k) + slope * f[k]);
            }
        }
        return new Step(Truncation.withApex(a, apex), apex, f, lpMargin, margin, slope, required);
    }

    /**
     * The current points of a collapsing step: those of the classes collapsed now, the others (an already collapsed
     * class counts once), and the sum and count of all other points.
     */
    private record Points(List<double[]> collapsing, List<double[]> others, double[] othersSum, int othersCount) {
    }

    private static Points gather(ClusteredData data, Matrix z, boolean[] inStep, int[] group, int stepCount) {
        int q = data.classes();
        int[] labels = data.labels();
        List<double[]> cRows = new ArrayList<>();
        List<double[]> oRows = new ArrayList<>();
        double[] oMean = new double[q];
        int oCount = 0;
        boolean[] groupSeen = new boolean[stepCount];
        for (int r = 0; r < data.size(); r++) {
            int k = labels[r];
            double[] row = z.rowArray(r);
            if (inStep[k]) {
                cRows.add(row);
            } else {
                for (int i = 0; i < q; i++) {
                    oMean[i] += row[i];
                }
                oCount++;
                if (group[k] >= 0) {
                    if (groupSeen[group[k]]) {
                        continue;
                    }
                    groupSeen[group[k]] = true;
                }
                oRows.add(row);
            }
        }
        return new Points(cRows, oRows, oMean, oCount);
    }

    /** The hidden layers from the cumulative parameters and the output layer, fitted in network coordinates. */
    private static Outcome outputLayer(ClusteredData data, List<Truncation> ts, Matrix z, OutputFit fit,
            List<LayerReport> reports, List<Matrix> curated) {
        int q = data.classes();
        int n = data.size();
        Mlp hiddenOnly = new CumulativeParameters(ts, Matrix.zeros(1, q), new double[1]).toMlp();
        List<Layer> hidden = new ArrayList<>(hiddenOnly.layers().subList(0, hiddenOnly.layerCount() - 1));
        Matrix h = hidden.isEmpty() ? data.x() : new Mlp(hidden).apply(data.x());
        int d = data.outputDim();
        Matrix wb;
        double sigmaMin = Double.NaN;
        if (fit == OutputFit.INTERPOLATE) {
            Matrix reps = Matrix.zeros(q, q + 1);
            Matrix repsInput = Matrix.zeros(q, q + 1);
            for (int j = 0; j < q; j++) {
                int r0 = data.indicesOf(j)[0];
                for (int i = 0; i < q; i++) {
                    reps.set(j, i, h.get(r0, i));
                    repsInput.set(j, i, z.get(r0, i));
                }
                reps.set(j, q, 1);
                repsInput.set(j, q, 1);
            }
            double[] sv = Linalg.singularValues(repsInput);
            sigmaMin = sv[sv.length - 1];
            if (!(sigmaMin > APEX_TOLERANCE * sv[0])) {
                throw new InputException(String.format(Locale.ROOT,
                        "data: the apex points are affinely dependent (sigma_min of [p; 1] = %.3g); try another --theta or --order",
                        sigmaMin));
            }
            double[] svn = Linalg.singularValues(reps);
            wb = Linalg.mult(Linalg.pinv(reps, APEX_TOLERANCE * svn[0]), data.targets()); // (Q+1)×D
        } else {
            Matrix design = Matrix.zeros(n, q + 1);
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < q; i++) {
                    design.set(r, i, h.get(r, i));
                }
                design.set(r, q, 1);
            }
            wb = Linalg.lstsq(design, data.extendedTargets());
        }
        Matrix wOut = Matrix.zeros(d, q);
        double[] bOut = new double[d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < q; i++) {
                wOut.set(k, i, wb.get(i, k));
            }
            bOut[k] = wb.get(q, k);
        }
        hidden.add(new Layer(wOut, bOut, Activation.IDENTITY));
        return new Outcome(new Mlp(hidden), ts, reports, curated, sigmaMin);
    }

    /** Unit vectors g_1..g_Q of f^⊥ with Σ g_i = 0 and g_i·g_j = −1/(Q−1): g_i = normalise(H(e_i − u/Q)). */
    static Matrix simplexFrame(double[] f, SplittableRandom rotation) {
        int q = f.length;
        double[] v = new double[q];
        double vv = 0;
        for (int i = 0; i < q; i++) {
            v[i] = 1 / Math.sqrt(q) - f[i];
            vv += v[i] * v[i];
        }
        Matrix g = Matrix.zeros(q, q);
        for (int i = 0; i < q; i++) {
            double[] e = new double[q];
            for (int k = 0; k < q; k++) {
                e[k] = (k == i ? 1 : 0) - 1.0 / q;
            }
            if (vv > 1e-30) {
                double proj = 2 * Linalg.dot(v, e) / vv;
                for (int k = 0; k < q; k++) {
                    e[k] -= proj * v[k];
                }
            }
            double[] u = Separation.unit(e);
            for (int k = 0; k < q; k++) {
                g.set(i, k, u[k]);
            }
        }
        if (rotation != null && q > 2) {
            // random rotation of f^⊥: R = U O Uᵀ + f fᵀ with U an orthonormal basis of f^⊥ and O ∈ O(Q−1)
            Matrix basis = Linalg.nullSpace(Matrix.row(f)); // Q×(Q−1)
            Matrix gauss = Matrix.zeros(q - 1, q - 1);
            for (int i = 0; i < q - 1; i++) {
                for (int k = 0; k < q - 1; k++) {
                    gauss.set(i, k, Seeds.gaussian(rotation));
                }
            }
            Matrix o = Linalg.qr(gauss).q();
            Matrix r = Linalg.mult(Linalg.mult(basis, o), basis.transpose());
            for (int i = 0; i < q; i++) {
                for (int k = 0; k < q; k++) {
                    r.set(i, k, r.get(i, k) + f[i] * f[k]);
                }
            }
            g = Linalg.multTransB(g, r); // rows R g_i
        } else if (rotation != null && q == 2) {
            // f^⊥ is a line: the only other frame is the reflection g_i → −g_i, i.e. the swap of the two rows
            if (rotation.nextBoolean()) {
                g = g.selectRows(new int[] {1, 0});
            }
        }
        return g;
    }

    /**
     * Least slope s with every O point in p + K and every C point in p − K for K = {v : (g_i + s f)·v ≥ 0}:
     * for d = v − p, O needs s ≥ max_i (−g_i·d)/(f·d) (f·d &gt; 0) and C needs s ≥ max_i (g_i·d)/(−f·d).
     */
    static double requiredSlope(Matrix g, double[] f, double[] apex, List<double[]> cRows, List<double[]> oRows) {
        double req = Double.NEGATIVE_INFINITY;
        int q = f.length;
        double[] d = new double[q];
        for (int side = 0; side < 2; side++) {
            List<double[]> rows = side == 0 ? oRows : cRows;
            double sign = side == 0 ? 1 : -1;
            for (double[] v : rows) {
                for (int k = 0; k < q; k++) {
                    d[k] = sign * (v[k] - apex[k]);
                }
                double fd = Linalg.dot(f, d);
                if (!(fd > 0)) {
                    throw new IllegalStateException("apex does not separate the point (f·d = " + fd + ")");
                }
                for (int i = 0; i < q; i++) {
                    double gd = 0;
                    for (int k = 0; k < q; k++) {
                        gd += g.get(i, k) * d[k];
                    }
                    req = Math.max(req, -gd / fd);
                }
            }
        }
        return req;
    }

    static double cond(Matrix a) {
        double[] s = Linalg.singularValues(a);
        return s[0] / s[s.length - 1];
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static String classList(int[] s) {
        if (s.length == 1) {
            return String.valueOf(s[0]);
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ",").append(s[i]);
        }
        return sb.append('}').toString();
    }
}
