package io.nngeom.convex;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Chunks;
import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import io.nngeom.solvers.NonNegativeLeastSquares;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * {@link Convex#certify} for two-layer networks: the dual constraint h(θ) = max_{‖w‖_p ≤ 1, b} |θᵀ(Xw + b1)₊| at
 * the model's centred residual θ, checked over every neuron where that can be done (the angular sweep in d ≤ 2,
 * conic pricing over a complete arrangement-pattern set, the ℓ1 wedge-and-basis dictionary), searched otherwise;
 * and a verdict. A neuron with |θᵀφ| &gt; β, φ = (Xw + b)₊, is a certificate of non-optimality in any dimension:
 * adding it with output weight α* = sign(θᵀφ)(|θᵀφ| − β)/‖φ − φ̄‖² and shifting the output bias lowers the
 * objective by at least (|θᵀφ| − β)²/(2‖φ − φ̄‖²); the network so built is evaluated, and its lower objective is
 * the evidence.
 */
final class Certify {
    /** Local-ascent starts (the best neurons found) and steps per start. */
    static final int ASCENT_STARTS = 10;
    static final int ASCENT_STEPS = 30;

    private Certify() {
    }

    /** The best neuron found: unit direction w (‖w‖_p = 1), bias b, and its signed dual value θᵀ(Xw + b)₊. */
    record Neuron(double[] w, double b, double value, String route) {
    }

    /** The result of the search: the maximum (rigorous when {@code certified}) and the best neuron. */
    record Search(double h, boolean certified, String how, Neuron best) {
    }

    static Certificate twoLayer(Mlp model, Dataset data, CertifyOptions o, long start) {
        TwoLayer.check(model);
        Matrix x = data.x();
        double[] y = Convex.target(data);
        double nn = TwoLayer.objective(model, x, y, o.beta(), o.norm());
        CentredResidual res = CentredResidual.of(y, model.apply(x).colArray(0));
        double[] theta = res.r();
        Search s = search(model, x, theta, o);
        double lb = s.certified() ? Convex.dualValue(y, theta, s.h(), o.beta()) : Double.NaN;
        double gap = s.certified() ? 100 * Math.max(nn - lb, 0) / nn : Double.NaN;
        double ratio = s.h() / o.beta();
        if (s.certified() && gap <= o.maxGapPercent()) {
            String ev = String.format(Locale.ROOT, "the dual constraint was checked over every neuron (%s): max ratio %.9f, lower bound %.10g, "
                    + "relative gap %.4g %% <= %.4g %%", s.how(), ratio, lb, gap, o.maxGapPercent());
            return new Certificate(nn, ratio, lb, gap, true, s.how(), res.mean(), Certificate.Verdict.OPTIMAL, ev, Double.NaN, null,
                    RunInfo.of(o.seed(), start));
        }
        Neuron v = s.best();
        if (v != null && Math.abs(v.value()) > o.beta() * (1 + ColumnGeneration.DUAL_TOL)) {
            Mlp better = withNeuron(model, x, y, theta, v, o.beta());
            double improved = TwoLayer.objective(better, x, y, o.beta(), o.norm());
            if (improved < nn) {
                double[] phi = activation(x, v);
                double guaranteed = Math.pow(Math.abs(v.value()) - o.beta(), 2) / (2 * centredNorm2(phi));
                String ev = String.format(Locale.ROOT, "a neuron found by %s has |theta'(Xw + b)+|/beta = %.9f > 1; adding it with output "
                        + "weight %.4g and re-centring the output bias lowers the objective from %.10g to %.10g (by %.4g; the theory "
                        + "guarantees at least %.4g), so the model is not a global optimum of the problem of any width", v.route(),
                        Math.abs(v.value()) / o.beta(), alphaStar(v, phi, o.beta()), nn, improved, nn - improved, guaranteed);
                double[] neuron = Arrays.copyOf(v.w(), v.w().length + 1);
                neuron[v.w().length] = v.b();
                return new Certificate(nn, ratio, lb, gap, s.certified(), s.how(), res.mean(), Certificate.Verdict.NOT_OPTIMAL, ev,
                        improved, neuron, RunInfo.of(o.seed(), start));
            }
        }
        String ev = s.certified()
                ? String.format(Locale.ROOT, "the dual constraint was checked over every neuron (%s) and holds to ratio %.9f, but the "
                        + "objective lies %.4g %% above the lower bound %.10g (more than %.4g %%): neither optimality nor a better "
                        + "network is shown", s.how(), ratio, gap, lb, o.maxGapPercent())
                : String.format(Locale.ROOT, "no complete check fits the limits and no violating neuron was found: %s; the best "
                        + "ratio found is %.9f <= 1", s.how(), ratio);
        return new Certificate(nn, ratio, lb, gap, s.certified(), s.how(), res.mean(), Certificate.Verdict.UNDECIDED, ev, Double.NaN, null,
                RunInfo.of(o.seed(), start));
    }

    /** The maximum of the dual constraint: exact where possible, else the best of a search. */
    static Search search(Mlp model, Matrix x, double[] theta, CertifyOptions o) {
        int d = x.cols();
        if (DualConstraint.exactAvailable(d)) {
            Neuron best = null;
            for (DualConstraint.Neuron c : DualConstraint.bestPerAnchor(x, theta, o.norm())) {
                best = better(best, new Neuron(c.w(), c.b(), value(x, theta, c.w(), c.b()), "the exact angular sweep"));
            }
            double h = best == null ? 0 : Math.abs(best.value());
            return new Search(h, true, "exact maximum over all unit neurons by an angular sweep (d <= 2)", best);
        }
        if (o.norm() == PenaltyNorm.L1 && Dictionaries.basisWedgeCount(x.rows(), d, true).compareTo(BigInteger.valueOf(o.maxColumns())) <= 0) {
            Dictionary dict = Dictionaries.wedgesWithBasis(x, true, PenaltyNorm.L1);
            Neuron best = null;
            for (int j = 0; j < dict.cols(); j++) {
                if (j % 4096 == 0) {
                    o.budget().report("convex certify: l1 dictionary", j, dict.cols(), "");
                }
                best = better(best, new Neuron(dict.direction(j), dict.bias(j), dict.dot(j, theta), "the l1 wedge-and-basis dictionary"));
            }
            return new Search(best == null ? 0 : Math.abs(best.value()), true, "maximum over the l1 wedge-and-basis dictionary ("
                    + dict.cols() + " neurons, every extreme neuron of the l1 problem)", best);
        }
        return sampled(model, x, theta, o);
    }

    /** d ≥ 3: conic pricing over arrangement patterns (rigorous when they are complete), then local ascent. */
    private static Search sampled(Mlp model, Matrix x, double[] theta, CertifyOptions o) {
        int n = x.rows();
        int d = x.cols();
        ArrangementPatterns pats = ArrangementPatterns.of(x, true, o.maxPatterns(), Seeds.child(o.seed(), "patterns"));
        List<Neuron> found = new ArrayList<>();
        double hBound = 0;
        boolean all = true;
        double[] sgn = new double[n];
        int pc = pats.patterns().size();
        // pricing is independent per pattern: two threads fill one slot per (pattern, sign), read back in order
        ConeColumnGeneration.Priced[] priced = new ConeColumnGeneration.Priced[2 * pc];
        int done = 0;
        for (int from = 0; from < pc; from += ConeColumnGeneration.PRICING_GROUP) {
            if (o.budget().expired()) {
                all = false;
                break;
            }
            o.budget().report("convex certify: conic pricing", from, pc, "");
            done = Math.min(pc, from + ConeColumnGeneration.PRICING_GROUP);
            ConeColumnGeneration.pricePatterns(x, theta, true, pats.patterns(), from, done, null, priced, Chunks.THREADS);
        }
        for (int k = 0; k < 2 * done; k++) {
            ConeColumnGeneration.Priced pr = priced[k];
            hBound = Math.max(hBound, pr.bound());
            if (pr.w() != null) {
                found.add(unit(x, theta, pr.w(), pr.b(), o.norm(), "conic pricing over arrangement patterns"));
            }
        }
        for (Neuron c : modelNeurons(model, x, theta, o.norm())) {
            found.add(c);
        }
        found.sort((a, b) -> Double.compare(Math.abs(b.value()), Math.abs(a.value())));
        Neuron best = found.isEmpty() ? null : found.get(0);
        if (o.norm() == PenaltyNorm.L2) {
            for (int s = 0; s < Math.min(ASCENT_STARTS, found.size()) && !o.budget().expired(); s++) {
                best = better(best, ascend(x, theta, found.get(s), sgn));
            }
        }
        double hFound = best == null ? 0 : Math.abs(best.value());
        if (pats.complete() && all && o.norm() == PenaltyNorm.L2) {
            return new Search(Math.max(hBound, hFound), true, "conic pricing over all arrangement patterns, " + pats.how(), best);
        }
        String why = o.norm() == PenaltyNorm.L2
                ? "searched " + pats.patterns().size() + " arrangement patterns by conic pricing (" + pats.how() + ")"
                        + (all ? "" : ", stopped at the time limit") + ", the model's own neurons and local ascent"
                : "under l1 the wedge-and-basis dictionary has " + Dictionaries.basisWedgeCount(n, d, true) + " columns, above the limit "
                        + o.maxColumns() + "; searched the model's own neurons and the unit-l1 versions of " + pats.patterns().size()
                        + " priced neurons";
        return new Search(hFound, false, why, best);
    }

    /** Conic pricing ({@link ConeColumnGeneration#price}, ℓ2, free bias) of one pattern and sign. */
    private static ConeColumnGeneration.Priced price(Matrix x, double[] theta, BitSet pat, int sigma, double[] sgn) {
        int n = x.rows();
        for (int i = 0; i < n; i++) {
            sgn[i] = pat.get(i) ? 1 : -1;
        }
        NonNegativeLeastSquares nnls = new NonNegativeLeastSquares(x.data(), sgn, x.cols());
        return ConeColumnGeneration.price(x, theta, sgn, pat.cardinality() == n, true, sigma, nnls, null);
    }

    /** The neuron (w, b) scaled to ‖w‖_p = 1, with its exact dual value. */
    private static Neuron unit(Matrix x, double[] theta, double[] w, double b, PenaltyNorm norm, String route) {
        double s = norm.norm(w);
        double[] u = w.clone();
        for (int k = 0; k < u.length; k++) {
            u[k] /= s;
        }
        return new Neuron(u, b / s, value(x, theta, u, b / s), route);
    }

    /**
     * Local ascent on the dual constraint (ℓ2): from a neuron, price the pattern it activates and move to the priced
     * neuron while its exact dual value grows.
     */
    private static Neuron ascend(Matrix x, double[] theta, Neuron from, double[] sgn) {
        Neuron cur = from;
        for (int step = 0; step < ASCENT_STEPS; step++) {
            BitSet pat = new BitSet();
            double[] a = activation(x, cur);
            for (int i = 0; i < a.length; i++) {
                if (a[i] > 0) {
                    pat.set(i);
                }
            }
            ConeColumnGeneration.Priced pr = price(x, theta, pat, cur.value() >= 0 ? 1 : -1, sgn);
            if (pr.w() == null) {
                return cur;
            }
            Neuron next = unit(x, theta, pr.w(), pr.b(), PenaltyNorm.L2, "local ascent on the dual constraint");
            if (!(Math.abs(next.value()) > Math.abs(cur.value()) * (1 + 1e-12))) {
                return cur;
            }
            cur = next;
        }
        return cur;
    }

    /** The model's own hidden neurons, scaled to unit norm (a trained model's best candidates). */
    private static List<Neuron> modelNeurons(Mlp model, Matrix x, double[] theta, PenaltyNorm norm) {
        Layer h = model.layer(0);
        List<Neuron> out = new ArrayList<>();
        for (int j = 0; j < h.outputs(); j++) {
            double[] w = h.weight().rowArray(j);
            if (norm.norm(w) > 0) {
                out.add(unit(x, theta, w, h.b(j), norm, "the model's own neurons"));
            }
        }
        return out;
    }

    private static Neuron better(Neuron a, Neuron b) {
        if (b == null) {
            return a;
        }
        return a == null || Math.abs(b.value()) > Math.abs(a.value()) ? b : a;
    }

    /** θᵀ(Xw + b)₊, summed directly. */
    static double value(Matrix x, double[] theta, double[] w, double b) {
        double v = 0;
        double[] a = activation(x, new Neuron(w, b, 0, ""));
        for (int i = 0; i < a.length; i++) {
            v += theta[i] * a[i];
        }
        return v;
    }

    /** (Xw + b)₊ of a neuron. */
    static double[] activation(Matrix x, Neuron u) {
        int n = x.rows();
        int d = x.cols();
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double t = u.b();
            for (int k = 0; k < d; k++) {
                t += x.get(i, k) * u.w()[k];
            }
            a[i] = Math.max(t, 0);
        }
        return a;
    }

    /** ‖φ − φ̄1‖². */
    private static double centredNorm2(double[] phi) {
        double m = 0;
        for (double v : phi) {
            m += v;
        }
        m /= phi.length;
        double s = 0;
        for (double v : phi) {
            s += (v - m) * (v - m);
        }
        return s;
    }

    /** α* = sign(c)(|c| − β)/‖φ − φ̄‖², c = θᵀφ: the best output weight of the added neuron. */
    private static double alphaStar(Neuron v, double[] phi, double beta) {
        return Math.signum(v.value()) * (Math.abs(v.value()) - beta) / centredNorm2(phi);
    }

    /**
     * The model with neuron v added (output weight α*, split as √|α| into both layers so that its penalty is β|α|)
     * and the output bias moved so that the residual is centred again.
     */
    static Mlp withNeuron(Mlp model, Matrix x, double[] y, double[] theta, Neuron v, double beta) {
        double[] phi = activation(x, v);
        double alpha = alphaStar(v, phi, beta);
        double root = Math.sqrt(Math.abs(alpha));
        Layer h = model.layer(0);
        Layer out = model.layer(1);
        int m = h.outputs();
        int d = h.inputs();
        Matrix w = Matrix.zeros(m + 1, d);
        double[] b = new double[m + 1];
        Matrix a = Matrix.zeros(1, m + 1);
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) {
                w.set(j, k, h.w(j, k));
            }
            b[j] = h.b(j);
            a.set(0, j, out.w(0, j));
        }
        for (int k = 0; k < d; k++) {
            w.set(m, k, root * v.w()[k]);
        }
        b[m] = root * v.b();
        a.set(0, m, Math.signum(alpha) * root);
        double[] f = model.apply(x).colArray(0);
        double shift = 0;
        for (int i = 0; i < y.length; i++) {
            shift += (y[i] - f[i]) - alpha * phi[i];
        }
        return TwoLayer.of(w, b, a, out.b(0) + shift / y.length);
    }

    /**
     * Certificate of a deep narrow network (depth 3 or 4, 1-D): the dual ratio is the maximum over the deep dictionary.
     * It is rigorous: on the samples every unit chain is a constant plus a convex combination of ± dictionary columns
     * (a capped ramp with breakpoints between samples mixes the capped ramps with breakpoints at the neighbouring
     * samples), and the centred residual annihilates constants, so no unit chain exceeds the dictionary's maximum.
     */
    static Certificate deep(Mlp model, Dataset data, CertifyOptions o, long start) {
        DeepNarrow.check(model);
        int depth = model.layerCount();
        if (depth > 4) {
            throw new InputException("model: certificates of deep narrow networks exist for depth 3 and 4, got depth " + depth);
        }
        if (o.norm() != PenaltyNorm.L2) {
            throw new InputException("--penalty: a depth-" + depth + " model is judged by (beta/L) sum |w|^L; " + o.norm().id() + " does not apply");
        }
        Matrix x = data.x();
        if (x.cols() != 1) {
            throw new InputException("model: input dimension 1 but the data have " + x.cols() + " columns");
        }
        double[] y = Convex.target(data);
        double nn = DeepNarrow.objective(model, x, y, o.beta());
        CentredResidual res = CentredResidual.of(y, model.apply(x).colArray(0));
        double[] r = res.r();
        DeepDictionary dict = Convex.deepDictionary(x, depth);
        double h = Convex.maxAbsCorrelation(dict, r);
        double lb = Convex.dualValue(y, r, h, o.beta());
        double gap = 100 * Math.max(nn - lb, 0) / nn;
        String how = "maximum over the depth-" + depth + " deep dictionary (" + dict.cols() + " unit chains; every unit chain is a "
                + "capped ramp, whose dual value is maximised with breakpoints at samples)";
        boolean optimal = gap <= o.maxGapPercent();
        String ev = String.format(Locale.ROOT, optimal
                ? "the dual constraint was checked over every unit chain: lower bound %.10g, relative gap %.4g %% <= %.4g %%"
                : "the dual constraint was checked over every unit chain: lower bound %.10g, relative gap %.4g %% above %.4g %%; no better "
                        + "network is constructed for deep models, so the verdict stays open", lb, gap, o.maxGapPercent());
        return new Certificate(nn, h / o.beta(), lb, gap, true, how, res.mean(),
                optimal ? Certificate.Verdict.OPTIMAL : Certificate.Verdict.UNDECIDED, ev, Double.NaN, null, RunInfo.of(o.seed(), start));
    }
}
