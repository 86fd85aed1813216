package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentProvider;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;
import io.nngeom.validate.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The validation experiments E0–E9 of the local-geometry digest (§4.4) and the real-data analysis, as
 * {@link Experiment}s named {@code lowrank.*}. Every experiment uses the standard local generator (n_x = 8,
 * n_y = 6, spectrum ∝ [1, .6, .3, .15, .05]) seeded from the context seed; quick versions use fewer ε values,
 * restarts and samples. Slopes are least-squares fits of log error against log ε over ε ≤ 0.1.
 */
public final class LowRankExperiments implements ExperimentProvider {

    /** Slope window for first-order errors (M1, M2, M3, hidden-layer error): [0.85, 1.15] (digest E4). */
    public static final double[] FIRST_ORDER = {0.85, 1.15};
    /** Slope window for the H-score deficit 1 − M4: [1.7, 2.3] (digest E4). */
    public static final double[] SECOND_ORDER = {1.7, 2.3};
    /** Slope window for the loss-expansion error: [2.7, 3.3] (digest E1). */
    public static final double[] THIRD_ORDER = {2.7, 3.3};
    /** Bound on |Δ|/ε³ for the trained bottleneck (digest E4): 0.2. */
    public static final double GAP_OVER_EPS3 = 0.2;
    /** MMSE with an affine output is exact: relative loss gap ≤ 1e-8 (digest E6a). */
    public static final double MMSE_EXACT = 1e-8;
    /** MMSE with an affine output: subspace and product errors ≤ 1e-4, the optimizer's resolution (digest E6a). */
    public static final double MMSE_ANGLE = 1e-4;
    /** The note of E6c and E7 in their quick versions, which do not run the further instances. */
    static final String QUICK_INSTANCE_NOTE = "Instance-dependent: the verdict is taken on one instance, and on comparable "
            + "instances the criterion does not always hold (docs/theory/lowrank.md). The full version (validate --full) "
            + "runs further instances and reports on how many it holds.";

    /** Softmax-vs-MSE discrimination: own-prediction error / other-prediction error &lt; 0.2 (digest E6c). */
    public static final double DISCRIMINATION_RATIO = 0.2;
    /** Number of further random instances whose E6c/E7 numbers the full versions report. */
    public static final int INSTANCES = 8;
    /** Independent singular values agree to 1e-12. */
    public static final double SVD_AGREEMENT = 1e-12;

    @Override
    public List<Experiment> experiments() {
        return List.of(
                exp("lowrank.matrices", "E0: DTM sanity: centring, σ₁(B) = 1, I(X;Y) = ½‖B̃‖² + O(ε³)", LowRankExperiments::e0),
                exp("lowrank.expansion", "E1: second-order loss expansion with error O(ε³) (bias-only optimum)", LowRankExperiments::e1),
                exp("lowrank.fixed-features", "E2: fixed features: optimal weights Ψ* = B̃Φ(ΦᵀΦ)⁻¹ up to O(ε)", LowRankExperiments::e2),
                exp("lowrank.fixed-weights", "E3: fixed weights: optimal features Φ* = B̃ᵀΨ(ΨᵀΨ)⁻¹ up to O(ε)", LowRankExperiments::e3),
                exp("lowrank.bottleneck", "E4: trained bottleneck = rank-k truncation of B̃ (softmax), errors O(ε)", LowRankExperiments::e4),
                exp("lowrank.samples", "E5: training on finite samples agrees with the empirical B̂", LowRankExperiments::e5),
                exp("lowrank.ace", "ACE from samples converges to the SVD subspace of B̂", LowRankExperiments::ace),
                exp("lowrank.mmse", "E6a/b: MMSE bottleneck: exact for an affine output, O(ε) for a sigmoid output", LowRankExperiments::e6),
                exp("lowrank.discrimination", "E6c: softmax and MSE learn different subspaces (B̃ vs diag(√p_y)B̃)", LowRankExperiments::e6c),
                exp("lowrank.hidden", "E7: hidden-layer weight formula with a frozen top (softmax and MMSE)", LowRankExperiments::e7),
                exp("lowrank.negative-control", "E8: outside the local region the hidden-layer formula fails (report)", LowRankExperiments::e8),
                exp("lowrank.growth", "E9: growth of the errors with ε and on non-local data (report)", LowRankExperiments::e9),
                exp("lowrank.hair-eye", "Real data: hair × eye colour of 592 students (Snee 1974)", LowRankExperiments::hairEye));
    }

    private static Experiment exp(String name, String title, java.util.function.BiFunction<Experiment, ExperimentContext, ExperimentResult> body) {
        return new Experiment() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public ExperimentResult run(ExperimentContext ctx) {
                return body.apply(this, ctx);
            }
        };
    }

    // ------------------------------------------------------------------ helpers

    static LocalGenerator generator(ExperimentContext ctx) {
        return LocalGenerator.standard(ctx.seed());
    }

    /** The sweep ε values below the positivity limit; quick: {0.1, 0.05, 0.025}. */
    static double[] epsilons(ExperimentContext ctx, LocalGenerator g) {
        double[] base = ctx.quick() ? new double[]{0.1, 0.05, 0.025} : new double[]{0.4, 0.2, 0.1, 0.05, 0.025, 0.0125};
        return java.util.Arrays.stream(base).filter(e -> e < g.maxEpsilon()).toArray();
    }

    static double[] fitWindow(double[] eps) {
        return java.util.Arrays.stream(eps).filter(e -> e <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)).toArray();
    }

    static double slopeOver(double[] eps, double[] err) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            if (eps[i] <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                x.add(eps[i]);
                y.add(err[i]);
            }
        }
        return Sweep.slope(x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static void slopeWithin(ExperimentResult.Builder b, String name, double slope, double[] window) {
        b.atLeast(name + " (lower end)", slope, window[0]);
        b.atMost(name + " (upper end)", slope, window[1]);
    }

    /** A two-layer identity bottleneck with the given feature table F (n_x × k) and output weights/bias. */
    static Mlp bottleneck(Matrix features, Matrix outWeight, double[] outBias) {
        return new Mlp(List.of(new Layer(features.transpose(), new double[features.cols()], Activation.IDENTITY),
                new Layer(outWeight, outBias, Activation.IDENTITY)));
    }

    static double[] softmaxBias(JointDistribution law, Matrix f, Matrix w) {
        double[] mu = Ops.weightedMean(f, law.px());
        double[] wm = w.times(mu);
        double[] py = law.py();
        double[] b = new double[py.length];
        for (int y = 0; y < b.length; y++) {
            b[y] = Math.log(py[y]) - wm[y];
        }
        return b;
    }

    // ------------------------------------------------------------------ E0

    static ExperimentResult e0(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = ctx.quick() ? new double[]{0.05, 0.025, 0.0125} : new double[]{0.1, 0.05, 0.025, 0.0125, 0.00625};
        var b = ExperimentResult.builder(e, ctx).param("nx", 8).param("ny", 6).param("eps", java.util.Arrays.toString(eps));
        double centring = 0;
        double top = 0;
        double[] diff = new double[eps.length];
        double[] resid = new double[eps.length];
        // third-order coefficient in closed form: with P = q(1 + δ), q = p_x p_y, δ = ε B0/√q,
        // I = Σ q (1+δ) log(1+δ) = ½‖B̃‖² − (1/6) Σ q δ³ + O(ε⁴), so c₃ = −(1/6) Σ B0³/√(p_x p_y)
        double c3 = 0;
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                double v = g.b0().get(y, x);
                c3 -= v * v * v / (6 * Math.sqrt(g.px()[x] * g.py()[y]));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            JointDistribution d = g.at(eps[i]);
            Matrix bt = LocalGeometry.centredDtm(d);
            centring = Math.max(centring, Math.max(Linalg.norm2(bt.times(Ops.sqrt(d.px()))), Linalg.norm2(bt.transpose().times(Ops.sqrt(d.py())))));
            top = Math.max(top, Math.abs(LowRank.dtmSpectrum(d)[0] - 1));
            double mi = d.mutualInformation();
            double half = 0.5 * bt.normF() * bt.normF();
            diff[i] = Math.abs(mi - half);
            resid[i] = Math.abs(mi - half - c3 * Math.pow(eps[i], 3));
            rows.add(List.of(f(eps[i]), f(mi), f(half), f((mi - half) / Math.pow(eps[i], 3)), f(c3)));
        }
        b.atMost("max ‖B̃√p_x‖, ‖B̃ᵀ√p_y‖", centring, 1e-14);
        b.atMost("max |σ₁(B) − 1|", top, 1e-13);
        b.atLeast("slope of |I − ½‖B̃‖²| vs ε (o(ε²): > 2)", Sweep.slope(eps, diff), 2.0);
        slopeWithin(b, "slope of |I − ½‖B̃‖² − c₃ε³| (fourth order)", Sweep.slope(eps, resid), new double[]{3.7, 4.3});
        b.measure("c₃ = −(1/6)Σ B0³/√(p_x p_y)", c3);
        b.table(new Table("lowrank-e0", "Mutual information against ½‖B̃‖²", List.of("ε", "I(X;Y)", "½‖B̃‖²", "(I − ½‖B̃‖²)/ε³", "c₃ (closed form)"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e0-mi", "|I(X;Y) − ½‖B̃‖²| vs ε", eps,
                new String[]{"|I − ½‖B̃‖²|", "|I − ½‖B̃‖² − c₃ε³|"}, new double[][]{diff, resid}, new double[]{3, 4}));
        return b.criterion("B̃ annihilates √p_x and √p_y to 1e-14; the top singular value of B is 1 to 1e-13; "
                + "I(X;Y) − ½‖B̃‖² is o(ε²) (slope > 2), and after removing its closed-form third-order term c₃ε³ "
                + "the remainder is fourth order (slope in [3.7, 4.3]).").build();
    }

    // ------------------------------------------------------------------ E1

    static ExperimentResult e1(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        // the O(ε³) error has an O(ε⁴) companion: the quick version uses the three smallest sweep values
        double[] eps = ctx.quick() ? new double[]{0.05, 0.025, 0.0125} : epsilons(ctx, g);
        int k = 2;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e1"));
        Matrix f = Bottleneck.gaussian(8, k, 1, rng);
        Matrix w0 = Bottleneck.gaussian(6, k, 1, rng);
        var b = ExperimentResult.builder(e, ctx).param("k", k).param("eps", java.util.Arrays.toString(eps));
        double[] err = new double[eps.length];
        double[] bias = new double[eps.length];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            JointDistribution d = g.at(eps[i]);
            Matrix w = w0.scale(eps[i]);
            Mlp init = bottleneck(f, w, softmaxBias(d, f, w));
            boolean[] mask = Bottleneck.mask(init, Set.of(0, 1), Set.of(0));
            PopulationObjective obj = new PopulationObjective(init, d, LossKind.SOFTMAX, null, mask);
            Bottleneck.Trained t = Bottleneck.train(obj, init, null, Bottleneck.GRAD_TOL, 5000);
            Matrix bt = LocalGeometry.centredDtm(d);
            Matrix phi = LocalGeometry.featureInformation(f, d.px());
            Matrix psi = LocalGeometry.weightInformation(w, d.py());
            double pred = d.entropyY() - 0.5 * Math.pow(bt.normF(), 2) + 0.5 * Math.pow(bt.minus(Linalg.multTransB(psi, phi)).normF(), 2);
            err[i] = Math.abs(t.loss() - pred);
            bias[i] = BottleneckMetrics.of(d, t.model(), t.loss(), k, LossKind.SOFTMAX, null).m6();
            rows.add(List.of(f(eps[i]), f(t.loss()), f(pred), f(err[i] / Math.pow(eps[i], 3)), f(bias[i]), String.format(Locale.ROOT, "%.1e", t.gradNorm())));
        }
        double slope = slopeOver(eps, err);
        slopeWithin(b, "slope of |L − expansion| (ε ≤ 0.1)", slope, THIRD_ORDER);
        b.measure("max bias error / ε²", java.util.Arrays.stream(bias).max().orElse(Double.NaN));
        b.table(new Table("lowrank-e1", "Exact loss against the local expansion", List.of("ε", "L exact", "expansion", "|error|/ε³", "bias err/ε²", "grad"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e1-expansion", "Loss-expansion error vs ε", eps, new String[]{"|L − (H(Y) − ½‖B̃‖² + ½‖B̃ − ΨΦᵀ‖²)|"}, new double[][]{err}, new double[]{3}));
        return b.criterion("Random features F and weights W = ε·W0, bias optimised exactly: the loss equals "
                + "H(Y) − ½‖B̃‖² + ½‖B̃ − ΨΦᵀ‖² up to O(ε³): fitted slope in [2.7, 3.3].").build();
    }

    // ------------------------------------------------------------------ E2, E3

    static ExperimentResult e2(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = epsilons(ctx, g);
        int k = 2;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e2"));
        Matrix f = Bottleneck.gaussian(8, k, 1, rng);
        var b = ExperimentResult.builder(e, ctx).param("k", k).param("eps", java.util.Arrays.toString(eps));
        double[] rel = new double[eps.length];
        List<List<String>> rows = new ArrayList<>();
        double worst = 0;
        for (int i = 0; i < eps.length; i++) {
            JointDistribution d = g.at(eps[i]);
            Matrix w = Matrix.zeros(6, k);
            Mlp init = bottleneck(f, w, softmaxBias(d, f, w));
            boolean[] mask = Bottleneck.mask(init, Set.of(0), Set.of(0));
            Bottleneck.Trained t = Bottleneck.train(new PopulationObjective(init, d, LossKind.SOFTMAX, null, mask), init, null, Bottleneck.GRAD_TOL, 20000);
            Matrix phi = LocalGeometry.featureInformation(f, d.px());
            Matrix psi = LocalGeometry.weightInformation(t.model().layer(1).weight(), d.py());
            Matrix bt = LocalGeometry.centredDtm(d);
            Matrix star = Linalg.mult(Linalg.mult(bt, phi), Linalg.inverse(Linalg.multTransA(phi, phi)));
            rel[i] = psi.minus(star).normF() / star.normF();
            double gap = t.loss() - (d.entropyY() - LocalGeometry.hScore(bt, phi));
            if (eps[i] <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                worst = Math.max(worst, rel[i] / eps[i]);
            }
            rows.add(List.of(f(eps[i]), f(rel[i]), f(rel[i] / eps[i]), f(gap / Math.pow(eps[i], 3)), String.format(Locale.ROOT, "%.1e", t.gradNorm())));
        }
        slopeWithin(b, "slope of ‖Ψ − Ψ*‖/‖Ψ*‖ (ε ≤ 0.1)", slopeOver(eps, rel), FIRST_ORDER);
        b.atMost("max relative error / ε (ε ≤ 0.1)", worst, 0.5);
        b.table(new Table("lowrank-e2", "Learned weights against B̃Φ(ΦᵀΦ)⁻¹", List.of("ε", "rel. error", "rel/ε", "(L − (H(Y) − H-score))/ε³", "grad"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e2-weights", "Fixed features: weight error vs ε", eps, new String[]{"‖Ψ − B̃Φ(ΦᵀΦ)⁻¹‖/‖·‖"}, new double[][]{rel}, new double[]{1}));
        return b.criterion("Random fixed features; W and b trained (convex softmax regression): the weight information "
                + "matrix equals B̃Φ(ΦᵀΦ)⁻¹ with relative error < 0.5ε and slope in [0.85, 1.15].").build();
    }

    static ExperimentResult e3(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = epsilons(ctx, g);
        int k = 2;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e3"));
        Matrix w0 = Bottleneck.gaussian(6, k, 1, rng);
        Matrix f0 = Bottleneck.gaussian(8, k, 0.1, rng);
        var b = ExperimentResult.builder(e, ctx).param("k", k).param("eps", java.util.Arrays.toString(eps));
        double[] rel = new double[eps.length];
        double worst = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            JointDistribution d = g.at(eps[i]);
            Matrix w = w0.scale(eps[i]);
            Mlp init = bottleneck(f0, w, softmaxBias(d, f0, w));
            boolean[] mask = Bottleneck.mask(init, Set.of(1), Set.of());
            Bottleneck.Trained t = Bottleneck.train(new PopulationObjective(init, d, LossKind.SOFTMAX, null, mask), init, null, Bottleneck.GRAD_TOL, 20000);
            Matrix phi = LocalGeometry.featureInformation(t.features(), d.px());
            Matrix psi = LocalGeometry.weightInformation(w, d.py());
            Matrix bt = LocalGeometry.centredDtm(d);
            Matrix star = Linalg.mult(Linalg.multTransA(bt, psi), Linalg.inverse(Linalg.multTransA(psi, psi)));
            rel[i] = phi.minus(star).normF() / star.normF();
            if (eps[i] <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                worst = Math.max(worst, rel[i] / eps[i]);
            }
            rows.add(List.of(f(eps[i]), f(rel[i]), f(rel[i] / eps[i]), String.format(Locale.ROOT, "%.1e", t.gradNorm())));
        }
        slopeWithin(b, "slope of ‖Φ − Φ*‖/‖Φ*‖ (ε ≤ 0.1)", slopeOver(eps, rel), FIRST_ORDER);
        b.atMost("max relative error / ε (ε ≤ 0.1)", worst, 0.5);
        b.table(new Table("lowrank-e3", "Learned features against B̃ᵀΨ(ΨᵀΨ)⁻¹", List.of("ε", "rel. error", "rel/ε", "grad"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e3-features", "Fixed weights: feature error vs ε", eps, new String[]{"‖Φ − B̃ᵀΨ(ΨᵀΨ)⁻¹‖/‖·‖"}, new double[][]{rel}, new double[]{1}));
        return b.criterion("Fixed output weights W = ε·W0; features (identity layer on one-hot x) and bias trained: the "
                + "feature information matrix equals B̃ᵀΨ(ΨᵀΨ)⁻¹ with relative error < 0.5ε and slope in [0.85, 1.15].").build();
    }

    // ------------------------------------------------------------------ E4

    static ExperimentResult e4(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = epsilons(ctx, g);
        int restarts = ctx.quick() ? 2 : 4;
        Sweep.Result s = Sweep.run(new Sweep.Options(8, 6, 2, eps, LossKind.SOFTMAX, false, LocalGenerator.DEFAULT_SPECTRUM,
                restarts, ctx.seed(), true));
        var b = ExperimentResult.builder(e, ctx).param("nx", 8).param("ny", 6).param("k", 2).param("restarts", restarts)
                .param("eps", java.util.Arrays.toString(eps)).param("positivity limit", f(s.maxEpsilon()));
        slopeWithin(b, "slope M1", s.slopes().get("M1"), FIRST_ORDER);
        slopeWithin(b, "slope M2", s.slopes().get("M2"), FIRST_ORDER);
        slopeWithin(b, "slope M3", s.slopes().get("M3"), FIRST_ORDER);
        slopeWithin(b, "slope 1 − M4", s.slopes().get("1-M4"), SECOND_ORDER);
        double maxM5 = 0;
        double m1e = 0;
        double m3e = 0;
        boolean conv = true;
        for (Sweep.Row r : s.rows()) {
            if (r.epsilon() <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12)) {
                maxM5 = Math.max(maxM5, Math.abs(r.m5()));
                m1e = Math.max(m1e, r.m1() / r.epsilon());
                m3e = Math.max(m3e, r.m3() / r.epsilon());
            }
            conv &= r.converged();
        }
        b.atMost("max |Δ|/ε³ (ε ≤ 0.1)", maxM5, GAP_OVER_EPS3);
        b.measure("slope |Δ|", s.slopes().get("gap"));
        b.measure("max M1/ε (ε ≤ 0.1; reference instance: 0.37)", m1e);
        b.measure("max M3/ε (ε ≤ 0.1; reference instance: 0.67)", m3e);
        b.atLeast("all trainings reached ‖∇‖ ≤ 1e-10 (1 = yes)", conv ? 1 : 0, 1);
        b.table(sweepTable("lowrank-e4", "Bottleneck metrics per ε (softmax, k = 2)", s));
        s.figures().forEach(b::figure);
        // the pictures of the learned features at ε = 0.05
        JointDistribution d = g.at(0.05);
        LocalGeometry.Modes modes = LocalGeometry.modes(d);
        Bottleneck.Trained t2 = Bottleneck.train(d, Bottleneck.Options.of(2, LossKind.SOFTMAX, ctx.seed()).withRestarts(restarts));
        b.figure(LowRankFigures.learnedVsPredicted("lowrank-e4-subspace", d, t2.features(), modes, 2));
        Bottleneck.Trained t1 = Bottleneck.train(d, Bottleneck.Options.of(1, LossKind.SOFTMAX, ctx.seed()).withRestarts(restarts));
        BottleneckMetrics m1 = BottleneckMetrics.of(d, t1.model(), t1.loss(), 1, LossKind.SOFTMAX, null);
        b.measure("k = 1 at ε = 0.05: correlation with f₁ (M7)", m1.m7());
        b.figure(LowRankFigures.learnedVsPredicted("lowrank-e4-feature", d, t1.features(), modes, 1));
        b.figure(LowRankFigures.spectrum("lowrank-e4-spectrum", "Singular values of B̃ at ε = 0.05", modes.sigma(), 2));
        s.warnings().forEach(b::note);
        return b.criterion("Over ε ≤ 0.1 the fitted log-log slopes of M1 = sinθ(Φ, V_k), M2 = sinθ(Ψ, U_k) and "
                + "M3 = ‖ΨΦᵀ − B̃_k‖/‖B̃_k‖ lie in [0.85, 1.15]; that of 1 − M4 (H-score ratio) in [1.7, 2.3]; "
                + "|Δ|/ε³ < 0.2 (loss gap to H(Y) − ½Σσ²); every training converged to ‖∇‖ ≤ 1e-10.").build();
    }

    static Table sweepTable(String name, String title, Sweep.Result s) {
        List<List<String>> rows = new ArrayList<>();
        for (Sweep.Row r : s.rows()) {
            rows.add(List.of(f(r.epsilon()), f(r.m1()), f(r.m2()), f(r.m3()), String.format(Locale.ROOT, "%.8f", r.m4()),
                    f(r.m5()), f(r.m6()), f(r.relativeGap()), String.format(Locale.ROOT, "%.1e", r.gradNorm())));
        }
        List<String> slopes = new ArrayList<>();
        slopes.add("slope ε≤0.1");
        slopes.add(f(s.slopes().getOrDefault("M1", Double.NaN)));
        slopes.add(f(s.slopes().getOrDefault("M2", Double.NaN)));
        slopes.add(f(s.slopes().getOrDefault("M3", Double.NaN)));
        slopes.add("1−M4: " + f(s.slopes().getOrDefault("1-M4", Double.NaN)));
        slopes.add("|Δ|: " + f(s.slopes().getOrDefault("gap", Double.NaN)));
        slopes.add("");
        slopes.add("");
        slopes.add("");
        rows.add(slopes);
        return new Table(name, title, List.of("ε", "M1", "M2", "M3", "M4", "M5 = Δ/ε³", "M6 = bias/ε²", "|Δ|/H_L(Y)", "‖∇‖"), rows);
    }

    // ------------------------------------------------------------------ E5, ACE

    static ExperimentResult e5(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double eps = 0.05;
        JointDistribution truth = g.at(eps);
        int[] ns = ctx.quick() ? new int[]{10_000, 100_000} : new int[]{10_000, 100_000, 1_000_000};
        var b = ExperimentResult.builder(e, ctx).param("eps", eps).param("k", 2).param("n", java.util.Arrays.toString(ns));
        LocalGeometry.Modes trueModes = LocalGeometry.modes(truth);
        List<List<String>> rows = new ArrayList<>();
        double worst = 0;
        for (int n : ns) {
            JointDistribution emp = truth.empirical(n, Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e5." + n)));
            if (emp.nx() != truth.nx() || emp.ny() != truth.ny()) {
                b.note("n = " + n + ": a symbol never occurred; skipped");
                continue;
            }
            Bottleneck.Trained t = Bottleneck.train(emp, Bottleneck.Options.of(2, LossKind.SOFTMAX, ctx.seed()).withRestarts(2));
            BottleneckMetrics m = BottleneckMetrics.of(emp, t.model(), t.loss(), 2, LossKind.SOFTMAX, null);
            Matrix phiTrue = LocalGeometry.featureInformation(t.features(), truth.px());
            double vsTruth = Subspaces.sinThetaMax(phiTrue, trueModes.vk(2));
            double svdNoise = Subspaces.sinThetaMax(LocalGeometry.modes(emp).vk(2), trueModes.vk(2));
            worst = Math.max(worst, m.m1() / m.epsilon());
            rows.add(List.of(Integer.toString(n), f(m.epsilon()), f(m.m1()), f(m.m1() / m.epsilon()), f(vsTruth), f(svdNoise)));
            b.measure("n = " + n + ": M1 vs true B̃", vsTruth);
        }
        b.measure("max over n of M1(B̂)/ε̂", worst);
        // the same training done literally on the samples, by the foundation's Trainer (full-batch L-BFGS on the
        // data set of n one-hot rows, mean cross-entropy): it must land on the optimum of the P̂ population loss
        int n0 = ns[0];
        int[][] smp = truth.sample(n0, Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e5.trainer")));
        JointDistribution emp0 = JointDistribution.fromSamples(smp[0], smp[1], truth.nx(), truth.ny());
        if (emp0.nx() == truth.nx() && emp0.ny() == truth.ny()) {
            Matrix xs = Matrix.zeros(n0, truth.nx());
            for (int i = 0; i < n0; i++) {
                xs.set(i, smp[0][i], 1);
            }
            io.nngeom.data.Dataset data = io.nngeom.data.Dataset.classification(xs, smp[1], truth.ny());
            Bottleneck.Options bo = Bottleneck.Options.of(2, LossKind.SOFTMAX, ctx.seed()).withRestarts(1);
            Mlp init = Bottleneck.random(emp0, bo, Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e5.init")));
            io.nngeom.train.TrainingResult tr = io.nngeom.train.Trainer.train(init, data,
                    io.nngeom.train.Objective.of(io.nngeom.net.Loss.SOFTMAX_CE),
                    io.nngeom.train.TrainingOptions.defaults(io.nngeom.train.Optimizer.LBFGS).withIterations(20000)
                            .withGradTol(Bottleneck.GRAD_TOL).withSeed(ctx.seed()));
            Bottleneck.Trained pop = Bottleneck.train(emp0, bo.withRestarts(ctx.quick() ? 2 : 4));
            Matrix phiA = LocalGeometry.featureInformation(Bottleneck.featureTable(tr.model(), 0), emp0.px());
            Matrix phiB = LocalGeometry.featureInformation(pop.features(), emp0.px());
            b.param("Trainer cross-check", "n = " + n0 + " raw samples, foundation Trainer (L-BFGS), gradient norm "
                    + String.format(Locale.ROOT, "%.1e", tr.gradNorm()));
            b.atMost("n = " + n0 + ": |loss(Trainer on samples) − loss(population P̂)|", Math.abs(tr.loss() - pop.loss()), 1e-9);
            b.atMost("n = " + n0 + ": sinθ(Trainer features, population-P̂ features)", Subspaces.sinThetaMax(phiA, phiB), 1e-4);
        }
        b.table(new Table("lowrank-e5", "Training on samples (empirical law P̂)", List.of("n", "ε̂ = ‖B̂‖", "M1 vs B̂", "M1/ε̂", "M1 vs true B̃", "sinθ(V_k(B̂), V_k(B̃))"), rows));
        b.note("The theory gives no numeric pass criterion for E5 ('compare with B̂'); the numbers are reported. Against "
                + "B̂ the error is the local-theory error of the law P̂ (its constant depends on P̂'s spectral gap); against "
                + "the true B̃ it is dominated by the sampling error of the SVD itself (last column), which falls like 1/√n.");
        return b.criterion("Checked: the foundation's Trainer run on the raw samples (mean cross-entropy over n rows) reaches "
                + "the optimum of the population loss of P̂ (loss to 1e-9, feature subspace to 1e-4). Reported: the trained "
                + "features against the SVD of the empirical B̂ and of the true B̃ (the theory gives no numeric criterion).").build();
    }

    static ExperimentResult ace(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        JointDistribution truth = g.at(0.2);
        int[] ns = ctx.quick() ? new int[]{20_000} : new int[]{10_000, 100_000, 1_000_000};
        var b = ExperimentResult.builder(e, ctx).param("eps", 0.2).param("k", 2).param("n", java.util.Arrays.toString(ns));
        List<List<String>> rows = new ArrayList<>();
        double worst = 0;
        double worstSigma = 0;
        for (int n : ns) {
            int[][] s = truth.sample(n, Seeds.rng(Seeds.child(ctx.seed(), "lowrank.ace." + n)));
            JointDistribution emp = JointDistribution.fromSamples(s[0], s[1], truth.nx(), truth.ny());
            if (emp.nx() != truth.nx() || emp.ny() != truth.ny()) {
                b.note("n = " + n + ": a symbol never occurred; skipped");
                continue;
            }
            Ace.Result r = Ace.run(s[0], s[1], truth.nx(), truth.ny(), 2, 5000, 1e-13, ctx.seed());
            LocalGeometry.Modes m = LocalGeometry.modes(emp);
            Matrix phi = Ops.scaleRows(r.features(), Ops.sqrt(emp.px()));
            double vsEmp = Subspaces.sinThetaMax(phi, m.vk(2));
            double vsTruth = Subspaces.sinThetaMax(Ops.scaleRows(r.features(), Ops.sqrt(truth.px())), LocalGeometry.modes(truth).vk(2));
            double dSigma = Math.max(Math.abs(r.correlations()[0] - m.sigma()[0]), Math.abs(r.correlations()[1] - m.sigma()[1]));
            worst = Math.max(worst, vsEmp);
            worstSigma = Math.max(worstSigma, dSigma);
            rows.add(List.of(Integer.toString(n), Integer.toString(r.iterations()), String.format(Locale.ROOT, "%.2e", vsEmp),
                    String.format(Locale.ROOT, "%.2e", dSigma), f(vsTruth)));
        }
        b.atMost("max sinθ(ACE features, V_k(B̂))", worst, 1e-8);
        b.atMost("max |ACE correlation − σ_i(B̂)|", worstSigma, 1e-10);
        b.table(new Table("lowrank-ace", "ACE from samples against the SVD of B̂", List.of("n", "sweeps", "sinθ vs B̂", "max |ρ_i − σ_i|", "sinθ vs true B̃"), rows));
        return b.criterion("ACE (alternating conditional expectations on the samples, no SVD) reaches the top-2 right "
                + "singular subspace of the empirical B̂ to sinθ ≤ 1e-8 and its singular values to 1e-10.").build();
    }

    // ------------------------------------------------------------------ E6

    static ExperimentResult e6(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = epsilons(ctx, g);
        double[] epsA = ctx.quick() ? eps : java.util.Arrays.stream(new double[]{0.95 * g.maxEpsilon(), 0.2, 0.1, 0.05, 0.025, 0.0125})
                .filter(x -> x < g.maxEpsilon()).toArray();
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e6"));
        Matrix gauss = Bottleneck.gaussian(4, 6, 1, rng);
        Matrix unit = Matrix.zeros(4, 6);
        for (int i = 0; i < 4; i++) {
            for (int y = 0; y < 6; y++) {
                unit.set(i, y, 0.05 + 0.9 * rng.nextDouble());
            }
        }
        int k = 2;
        int restarts = ctx.quick() ? 2 : 4;
        var b = ExperimentResult.builder(e, ctx).param("k", k).param("embedding", "Gaussian R⁴ (a); uniform [0.05, 0.95]⁴ with sigmoid output (b)")
                .param("eps (a)", java.util.Arrays.toString(epsA)).param("eps (b)", java.util.Arrays.toString(eps));
        double worstGap = 0;
        double worstAngle = 0;
        double worstProd = 0;
        List<List<String>> rows = new ArrayList<>();
        for (double x : epsA) {
            JointDistribution d = g.at(x);
            Bottleneck.Trained t = Bottleneck.train(d, Bottleneck.Options.of(k, LossKind.MSE, ctx.seed()).withEmbedding(gauss).withRestarts(restarts));
            BottleneckMetrics m = BottleneckMetrics.of(d, t.model(), t.loss(), k, LossKind.MSE, gauss);
            double rel = Math.abs(m.lossGap()) / LocalGeometry.traceCovariance(d, gauss);
            worstGap = Math.max(worstGap, rel);
            worstAngle = Math.max(worstAngle, m.m1());
            worstProd = Math.max(worstProd, m.m3());
            rows.add(List.of("(a) affine", f(x), String.format(Locale.ROOT, "%.2e", rel), String.format(Locale.ROOT, "%.2e", m.m1()),
                    String.format(Locale.ROOT, "%.2e", m.m3()), String.format(Locale.ROOT, "%.1e", t.gradNorm())));
        }
        b.atMost("(a) max |MSE − (tr Cov − Σσ²)|/tr Cov", worstGap, MMSE_EXACT);
        b.atMost("(a) max sinθ(Φ, V_k(M))", worstAngle, MMSE_ANGLE);
        b.atMost("(a) max ‖WΦᵀ − M_k‖/‖M_k‖", worstProd, MMSE_ANGLE);
        double[] m1 = new double[eps.length];
        double[] m3 = new double[eps.length];
        for (int i = 0; i < eps.length; i++) {
            JointDistribution d = g.at(eps[i]);
            Bottleneck.Trained t = Bottleneck.train(d, Bottleneck.Options.of(k, LossKind.MSE, ctx.seed()).withEmbedding(unit)
                    .withOutput(Activation.SIGMOID).withRestarts(restarts));
            BottleneckMetrics m = BottleneckMetrics.of(d, t.model(), t.loss(), k, LossKind.MSE, unit);
            m1[i] = m.m1();
            m3[i] = m.m3();
            Matrix mm = LocalGeometry.mmseMatrix(d, unit);
            rows.add(List.of("(b) sigmoid", f(eps[i]), f(m.lossGap() / Math.pow(mm.normF(), 2)), f(m.m1()), f(m.m3()),
                    String.format(Locale.ROOT, "%.1e", t.gradNorm())));
        }
        b.atLeast("(b) slope of sinθ(Φ, V_k(M)) (ε ≤ 0.1)", slopeOver(eps, m1), FIRST_ORDER[0]);
        b.atLeast("(b) slope of ‖J_hWΦᵀ − M_k‖/‖M_k‖ (ε ≤ 0.1)", slopeOver(eps, m3), FIRST_ORDER[0]);
        b.table(new Table("lowrank-e6", "MMSE bottleneck", List.of("output", "ε", "(a) |gap|/trCov, (b) gap/‖M‖²", "sinθ(Φ,V_k(M))", "product rel. error", "‖∇‖"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e6-sigmoid", "MMSE with sigmoid output: errors vs ε", eps,
                new String[]{"sinθ(Φ, V_k(M))", "‖J_hWΦᵀ − M_k‖/‖M_k‖"}, new double[][]{m1, m3}, new double[]{1}));
        return b.criterion("(a) Affine output, Gaussian embedding: the trained MSE equals tr Cov(Y) − Σ_{i≤k}σ_i(M)² to "
                + "relative 1e-8 and the subspace/product errors are ≤ 1e-4 at every ε, up to the positivity limit "
                + "(reduced-rank regression, no locality needed). (b) Sigmoid output: errors vanish at least linearly "
                + "in ε (slope ≥ 0.85).").build();
    }

    /**
     * The p_y of the report-only stress instance of E6c: geometric with ratio ½ (largest/smallest = 32), strongly
     * non-uniform. It was E6c's verdict instance before the revision of session 2 (see docs/theory/lowrank.md).
     */
    public static final double STRESS_PY_RATIO = 0.5;
    /**
     * Precondition of E6c: the two predicted subspaces must be at least sinθ = 0.1 apart (the digest's instance:
     * 0.129), otherwise the O(ε) error of each trained network is as large as the difference being tested.
     */
    public static final double SEPARATION_MIN = 0.1;
    /**
     * Precondition of E6c: the law is local at the largest tested ε = 0.05, ε ≤ 0.3 × the positivity limit, i.e.
     * P(x, y) ≥ 0.7 p_x p_y everywhere (the locality of E4's fit window: 0.1/0.3675 = 0.27 in the standard instance).
     * A small p_y lowers the positivity limit, and near it the O(ε) constant of the softmax error grows.
     */
    public static final double LOCALITY_MAX = 0.3;
    /** Largest ε of the E6c criterion (digest: ε ≤ 0.05). */
    public static final double DISCRIMINATION_EPS = 0.05;
    /** Candidate instances the E6c design draws before giving up (the first meeting both preconditions is used). */
    public static final int DESIGN_CANDIDATES = 50;

    /**
     * The E6c generator: the digest's own §4.1 generator, the one E4 uses ({@link LocalGenerator#standard}: n_x = 8,
     * n_y = 6, Dirichlet(5·1) marginals, so p_y is non-uniform, spectrum ∝ [1, .6, .3, .15, .05]). The digest's E6c
     * numbers ("separated by sinθ = 0.129") come from an instance of this generator.
     */
    static LocalGenerator discriminationGenerator(long seed) {
        return LocalGenerator.standard(seed);
    }

    /** The report-only stress generator: as {@link #discriminationGenerator} but with p_y ∝ 2^{−y}. */
    static LocalGenerator stressGenerator(long seed) {
        return LocalGenerator.random(8, 6, LocalGenerator.DEFAULT_SPECTRUM, LocalGenerator.geometric(6, STRESS_PY_RATIO), seed);
    }

    /** Both E6c preconditions, on the law alone: separation ≥ {@link #SEPARATION_MIN}, 0.05 ≤ {@link #LOCALITY_MAX} × limit. */
    static boolean meetsPreconditions(LocalGenerator g, int k) {
        return DISCRIMINATION_EPS <= LOCALITY_MAX * g.maxEpsilon() && separation(g.at(0.5 * g.maxEpsilon()), k) >= SEPARATION_MIN;
    }

    /**
     * The E6c verdict instance: the first candidate of {@link #discriminationGenerator} (the context seed, then its
     * children "lowrank.e6c.design.i") that meets both preconditions. Only the theorem's hypotheses are looked at,
     * never a trained network. Returns {candidate index, seed}; the last candidate if none qualifies (its
     * precondition check then fails the experiment).
     */
    static long[] designedDiscriminationSeed(long seed) {
        return designedSeed(seed, LowRankExperiments::discriminationGenerator);
    }

    static long[] designedSeed(long seed, java.util.function.LongFunction<LocalGenerator> family) {
        long s = seed;
        for (int i = 0; i < DESIGN_CANDIDATES; i++) {
            s = i == 0 ? seed : Seeds.child(seed, "lowrank.e6c.design." + i);
            if (meetsPreconditions(family.apply(s), 2)) {
                return new long[]{i, s};
            }
        }
        return new long[]{DESIGN_CANDIDATES - 1, s};
    }

    /** sinθ between the softmax prediction V_k(B̃) and the MSE prediction V_k(diag(√p_y)B̃) (ε-independent). */
    static double separation(JointDistribution d, int k) {
        Matrix vb = LocalGeometry.modes(d).vk(k);
        Matrix vm = LocalGeometry.modes(LocalGeometry.mmseMatrix(d, LocalGeometry.oneHot(d.ny())), d.px(), null, 5).vk(k);
        return Subspaces.sinThetaMax(vb, vm);
    }

    /**
     * One ε of E6c: a softmax and an MSE bottleneck trained on the population loss (best of 2 starts each), each
     * compared with both predictions. Returns {softmax own sinθ(Φ, V_k(B̃)), softmax other sinθ(Φ, V_k(M)), MSE own
     * sinθ(Φ, V_k(M)), MSE other sinθ(Φ, V_k(B̃))}, M = diag(√p_y)B̃.
     */
    static double[] discrimination(JointDistribution d, int k, long seed) {
        Matrix vb = LocalGeometry.modes(d).vk(k);
        Matrix vm = LocalGeometry.modes(LocalGeometry.mmseMatrix(d, LocalGeometry.oneHot(d.ny())), d.px(), null, 5).vk(k);
        Bottleneck.Trained ts = Bottleneck.train(d, Bottleneck.Options.of(k, LossKind.SOFTMAX, seed).withRestarts(2));
        Bottleneck.Trained tm = Bottleneck.train(d, Bottleneck.Options.of(k, LossKind.MSE, seed).withRestarts(2));
        Matrix ps = LocalGeometry.featureInformation(ts.features(), d.px());
        Matrix pm = LocalGeometry.featureInformation(tm.features(), d.px());
        return new double[]{Subspaces.sinThetaMax(ps, vb), Subspaces.sinThetaMax(ps, vm), Subspaces.sinThetaMax(pm, vm),
                Subspaces.sinThetaMax(pm, vb)};
    }

    /** The ε values of E6c: {0.05, 0.025} quick, {0.05, 0.025, 0.0125} full. */
    static double[] discriminationEpsilons(ExperimentContext ctx) {
        return ctx.quick() ? new double[]{0.05, 0.025} : new double[]{0.05, 0.025, 0.0125};
    }

    /**
     * The E6c numbers of one instance, as a report row.
     *
     * @param cells label, 0.05/limit, separation, preconditions met, softmax own/ε at ε = 0.05, the softmax own/other
     *              ratio at each ε, the largest MSE own/other ratio and whether the criterion holds
     * @param holds both ratios &lt; 0.2 at every ε (an ε beyond the positivity limit counts as a miss)
     * @param ownOverEps softmax own error / ε at the first ε (NaN beyond the limit)
     * @param ratios softmax own/other at each ε (NaN beyond the limit)
     */
    record InstanceRow(List<String> cells, boolean holds, double ownOverEps, double[] ratios) {
    }

    static InstanceRow instanceRow(String label, LocalGenerator g, double[] eps, long seed) {
        boolean pre = meetsPreconditions(g, 2);
        List<String> row = new ArrayList<>(List.of(label, f(DISCRIMINATION_EPS / g.maxEpsilon()),
                f(separation(g.at(0.5 * g.maxEpsilon()), 2)), pre ? "yes" : "no"));
        double c = Double.NaN;
        double[] rs = new double[eps.length];
        java.util.Arrays.fill(rs, Double.NaN);
        double mse = 0;
        boolean ok = true;
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < eps.length; i++) {
            double x = eps[i];
            if (x < g.maxEpsilon()) {
                double[] r = discrimination(g.at(x), 2, seed);
                if (i == 0) {
                    c = r[0] / x;
                }
                rs[i] = r[0] / r[1];
                ratios.add(f(r[0] / r[1]));
                mse = Math.max(mse, r[2] / r[3]);
                ok &= r[0] / r[1] < DISCRIMINATION_RATIO && r[2] / r[3] < DISCRIMINATION_RATIO;
            } else {
                ratios.add("beyond limit");
                ok = false;
            }
        }
        row.add(Double.isNaN(c) ? "–" : f(c));
        row.addAll(ratios);
        row.add(String.format(Locale.ROOT, "%.2e", mse));
        row.add(ok ? "yes" : "no");
        return new InstanceRow(row, ok, c, rs);
    }

    static List<String> instanceColumns(double[] eps) {
        List<String> cols = new ArrayList<>(List.of("instance", "0.05 / positivity limit", "separation", "preconditions met",
                "softmax own/ε at ε = 0.05"));
        for (double x : eps) {
            cols.add("softmax own/other ε = " + f(x));
        }
        cols.add("MSE max own/other");
        cols.add("ratio < 0.2 throughout");
        return cols;
    }

    static ExperimentResult e6c(Experiment e, ExperimentContext ctx) {
        long[] design = designedDiscriminationSeed(ctx.seed());
        LocalGenerator g = discriminationGenerator(design[1]);
        double[] eps = java.util.Arrays.stream(discriminationEpsilons(ctx)).filter(x -> x < g.maxEpsilon()).toArray();
        int k = 2;
        var b = ExperimentResult.builder(e, ctx).param("k", k).param("eps", java.util.Arrays.toString(eps))
                .param("generator", "random local laws (as E4): Dirichlet(5·1) p_x and p_y, spectrum ∝ [1, .6, .3, .15, .05]")
                .param("p_y", java.util.Arrays.toString(java.util.Arrays.stream(g.py()).mapToObj(LowRankExperiments::f).toArray()))
                .param("positivity limit", f(g.maxEpsilon()))
                .param("instance", design[0] == 0 ? "context seed" : "candidate " + design[0] + " (earlier candidates miss a precondition)");
        List<List<String>> rows = new ArrayList<>();
        double worstSoft = 0;
        double worstMse = 0;
        double separation = separation(g.at(eps[0]), k);
        double[][] series = new double[3][eps.length];
        for (int i = 0; i < eps.length; i++) {
            double x = eps[i];
            double[] r = discrimination(g.at(x), k, ctx.seed());
            series[0][i] = r[0];
            series[1][i] = r[1];
            series[2][i] = r[0] / r[1];
            worstSoft = Math.max(worstSoft, r[0] / r[1]);
            worstMse = Math.max(worstMse, r[2] / r[3]);
            rows.add(List.of(f(x), f(separation), f(r[0]), f(r[0] / x), f(r[1]), f(r[0] / r[1]),
                    String.format(Locale.ROOT, "%.2e", r[2]), f(r[3]), String.format(Locale.ROOT, "%.2e", r[2] / r[3])));
        }
        b.atLeast("precondition: separation sinθ(V_k(B̃), V_k(diag(√p_y)B̃))", separation, SEPARATION_MIN);
        b.atMost("precondition: locality 0.05 / positivity limit", DISCRIMINATION_EPS / g.maxEpsilon(), LOCALITY_MAX);
        b.atMost("softmax: max own/other (ε ≤ 0.05)", worstSoft, DISCRIMINATION_RATIO);
        b.atMost("MSE: max own/other (ε ≤ 0.05)", worstMse, DISCRIMINATION_RATIO);
        b.table(new Table("lowrank-e6c", "Which prediction does each trained network follow? (verdict instance)",
                List.of("ε", "separation", "softmax vs V_k(B̃)", "(softmax own)/ε", "softmax vs V_k(M)", "softmax own/other",
                        "MSE vs V_k(M)", "MSE vs V_k(B̃)", "MSE own/other"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e6c-discrimination", "Softmax-trained features: own vs other prediction",
                eps, new String[]{"sinθ(Φ, V_k(B̃)) own", "sinθ(Φ, V_k(diag(√p_y)B̃)) other", "own/other"}, series,
                new double[]{1}));
        if (!ctx.quick()) {
            double[] all = discriminationEpsilons(ctx);
            // reported: further random instances of the same generator, with and without the preconditions
            List<List<String>> inst = new ArrayList<>();
            int[] holds = new int[2]; // [missing a precondition, meeting both]
            int[] tried = new int[2];
            double cMin = Double.POSITIVE_INFINITY;
            double cMax = 0;
            for (int s = 1; s <= INSTANCES; s++) {
                ctx.progress().update("further instances", s - 1, INSTANCES, "");
                LocalGenerator gi = discriminationGenerator(Seeds.child(ctx.seed(), "lowrank.e6c.instance." + s));
                int pre = meetsPreconditions(gi, k) ? 1 : 0;
                InstanceRow row = instanceRow(Integer.toString(s), gi, all, ctx.seed());
                inst.add(row.cells());
                tried[pre]++;
                holds[pre] += row.holds() ? 1 : 0;
                cMin = Math.min(cMin, row.ownOverEps());
                cMax = Math.max(cMax, row.ownOverEps());
            }
            b.table(new Table("lowrank-e6c-instances", "Further random instances of the same generator (reported)",
                    instanceColumns(all), inst));
            b.measure("further instances meeting both preconditions: criterion holds (of " + tried[1] + ")", holds[1]);
            b.note("Instance-dependent: the verdict is taken on one instance. On comparable instances of the same generator "
                    + "the criterion holds on " + holds[1] + " of " + tried[1] + " meeting both preconditions and on " + holds[0]
                    + " of " + tried[0] + " missing one (table below), so a pass here does not mean it holds on every "
                    + "instance meeting the hypotheses.");
            b.measure("further instances missing a precondition: criterion holds (of " + tried[0] + ")", holds[0]);
            b.measure("further instances: smallest C = softmax own/ε at ε = 0.05", cMin);
            b.measure("further instances: largest C = softmax own/ε at ε = 0.05", cMax);
            // reported: the stress instance with p_y ∝ 2^(−y), the verdict instance before the revision
            long[] sd = designedSeed(ctx.seed(), LowRankExperiments::stressGenerator);
            LocalGenerator gs = stressGenerator(sd[1]);
            InstanceRow srow = instanceRow("p_y ∝ 2^(−y), candidate " + sd[0], gs, all, ctx.seed());
            b.table(new Table("lowrank-e6c-stress", "Stress instance p_y ∝ 2^(−y) near the positivity limit (report only)",
                    instanceColumns(all), List.of(srow.cells())));
            b.measure("stress instance (report only): 0.05 / positivity limit", DISCRIMINATION_EPS / gs.maxEpsilon());
            b.measure("stress instance (report only): softmax own/ε at ε = 0.05", srow.ownOverEps());
            b.measure("stress instance (report only): softmax own/other at ε = 0.05", srow.ratios()[0]);
            int last = all.length - 1;
            // the O(ε) constant at ε = 0.05 relative to its value at the smallest ε: ratio(0.05)/ratio(ε_min) · ε_min/0.05
            double growth = srow.ratios()[0] / srow.ratios()[last] * all[last] / all[0];
            b.measure("stress instance (report only): C(0.05)/C(" + f(all[last]) + ")", growth);
            b.note(String.format(Locale.ROOT, "Stress instance (report only; E6c's verdict instance before the revision, our own "
                    + "design, not the reference protocol's): p_y ∝ 2^(−y), largest/smallest 32, separates the two predictions (%.3f) but lowers "
                    + "the positivity limit, so ε = 0.05 is %.2f of it. There the O(ε) constant C = (softmax own error)/ε is %.3g, "
                    + "%+.0f%% against its value at ε = %s (%s towards the positivity limit), and the ratio ≈ C·ε/separation is "
                    + "%.3f at ε = 0.05, then %.3f and %.3f as ε halves. On the further Dirichlet(5) instances C ranges over "
                    + "%.3g–%.3g, so what decides the ratio at ε = 0.05 is C against the separation, instance by instance.",
                    separation(gs.at(0.5 * gs.maxEpsilon()), k), DISCRIMINATION_EPS / gs.maxEpsilon(), srow.ownOverEps(),
                    100 * (growth - 1), f(all[last]), growth > 1 ? "growing" : "not growing", srow.ratios()[0], srow.ratios()[1], srow.ratios()[last], cMin, cMax));
        }
        if (ctx.quick()) {
            b.note(QUICK_INSTANCE_NOTE);
        }
        b.note("The own/other ratio of the softmax network is about C·ε/separation, C = (own error)/ε being the O(ε) constant "
                + "of the softmax bottleneck: the test discriminates only when the separation is large next to C·ε and ε is well "
                + "inside the local region. With Dirichlet(5) marginals the two predictions can be very close, so the verdict is "
                + "taken on the first candidate instance of the reference protocol's generator meeting both stated hypotheses (chosen on the "
                + "law alone, without training anything); the full version reports further instances with and without them.");
        return b.criterion("Random local laws (as E4). Preconditions (checked on the law alone): the predictions V_k(B̃) "
                + "(softmax) and V_k(diag(√p_y)B̃) (MSE) are at least sinθ = 0.1 apart; ε = 0.05 is at most 0.3 of the positivity "
                + "limit; the instance is the first candidate (context seed, then its children) meeting both. Then the "
                + "softmax-trained features are much closer to V_k(B̃) and the MSE-trained ones to V_k(diag(√p_y)B̃) than to the "
                + "other prediction (ratio < 0.2 at every ε ≤ 0.05 tested).").build();
    }

    // ------------------------------------------------------------------ E7, E8

    /** The E7 ε values in increasing order (the continuation's direction). */
    static double[] hiddenEpsilons(ExperimentContext ctx, LocalGenerator g) {
        double[] base = ctx.quick() ? new double[]{0.025, 0.05, 0.1} : new double[]{0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2};
        return java.util.Arrays.stream(base).filter(x -> x < g.maxEpsilon()).toArray();
    }

    static ExperimentResult e7(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = hiddenEpsilons(ctx, g);
        List<JointDistribution> laws = new ArrayList<>();
        for (double x : eps) {
            laws.add(g.at(x));
        }
        var b = ExperimentResult.builder(e, ctx).param("k1 (frozen tanh)", 7).param("k2 (sigmoid)", 3)
                .param("top", "V = diag(1/√p_y)Q, Q random orthonormal ⟂ √p_y (Ψ_V = Q)").param("eps", java.util.Arrays.toString(eps))
                .param("method", "continuation in ε from W = 0 at the smallest ε, warm starts upward");
        List<List<String>> rows = new ArrayList<>();
        List<double[]> errs = new ArrayList<>();
        for (LossKind kind : LossKind.values()) {
            List<HiddenLayer.BranchPoint> branch = HiddenLayer.certifiedBranch(laws, kind, 7, 3, ctx.seed());
            double[] rel = new double[eps.length];
            double worst = 0;
            double worstShift = 0;
            double worstGrad = 0;
            double minCurv = Double.POSITIVE_INFINITY;
            double worstGap = 0;
            int zeroMismatch = 0;
            for (int i = 0; i < eps.length; i++) {
                HiddenLayer.Result r = branch.get(i).result();
                HiddenLayer.Certificate c = branch.get(i).certificate();
                HiddenLayer.Result fromZero = HiddenLayer.run(laws.get(i), kind, 7, 3, false, HiddenLayer.Top.CONDITIONED, ctx.seed());
                rel[i] = r.relativeError();
                boolean inWindow = eps[i] <= Sweep.FIT_MAX_EPSILON * (1 + 1e-12);
                if (inWindow) {
                    worst = Math.max(worst, rel[i] / eps[i]);
                    worstShift = Math.max(worstShift, r.maxPreActivationShift());
                }
                worstGrad = Math.max(worstGrad, c.gradNorm());
                minCurv = Math.min(minCurv, c.minCurvature());
                worstGap = Math.max(worstGap, Math.abs(r.loss() - c.infimum()));
                zeroMismatch = Math.max(zeroMismatch, Math.abs(c.nearZero() - c.symmetryDimension()));
                rows.add(List.of(kind.name().toLowerCase(Locale.ROOT), f(eps[i]), f(rel[i]), f(rel[i] / eps[i]), f(r.layerMatrixError()),
                        f(r.maxPreActivationShift()), f(c.requiredSpread()), String.format(Locale.ROOT, "%.1e", c.gradNorm()),
                        c.nearZero() + "/" + c.symmetryDimension(), String.format(Locale.ROOT, "%.2e", c.minCurvature()),
                        String.format(Locale.ROOT, "%.1e", r.loss() - c.infimum()), f(fromZero.relativeError() / eps[i])));
            }
            String tag = kind.name().toLowerCase(Locale.ROOT);
            b.atMost(tag + ": max ‖∇L‖ on the branch", worstGrad, Bottleneck.GRAD_TOL);
            b.atLeast(tag + ": min curvature modulo symmetries λ_min(H|T⊥)/‖H‖", minCurv, HiddenLayer.MIN_CURVATURE);
            b.atMost(tag + ": max |#zero eigenvalues − #symmetries|", zeroMismatch, 0);
            b.atMost(tag + ": max |L − convex infimum|", worstGap, HiddenLayer.INFIMUM_AGREEMENT);
            b.atMost(tag + ": precondition max |a − a0| (ε ≤ 0.1)", worstShift, HiddenLayer.LOCAL_SHIFT);
            b.atMost(tag + ": max ‖W − W*‖/‖W*‖ / ε (ε ≤ 0.1)", worst, 1.0);
            b.atLeast(tag + ": slope (ε ≤ 0.1)", slopeOver(eps, rel), FIRST_ORDER[0]);
            errs.add(rel);
        }
        if (!ctx.quick()) {
            // other random instances of the same design (reported)
            List<List<String>> inst = new ArrayList<>();
            int holds = 0;
            double[] es = {0.025, 0.05, 0.1};
            for (int s = 1; s <= INSTANCES; s++) {
                ctx.progress().update("further instances", s - 1, INSTANCES, "");
                long seed = Seeds.child(ctx.seed(), "lowrank.e7.instance." + s);
                LocalGenerator gi = LocalGenerator.standard(seed);
                List<JointDistribution> li = new ArrayList<>();
                for (double x : es) {
                    if (x < gi.maxEpsilon()) {
                        li.add(gi.at(x));
                    }
                }
                List<HiddenLayer.Result> br = HiddenLayer.continuation(li, LossKind.SOFTMAX, 7, 3, HiddenLayer.Top.CONDITIONED, seed);
                List<String> row = new ArrayList<>(List.of(Integer.toString(s)));
                boolean ok = true;
                for (int i = 0; i < es.length; i++) {
                    if (i < br.size()) {
                        double ratio = br.get(i).relativeError() / es[i];
                        ok &= ratio < 1;
                        row.add(f(ratio) + " (shift " + f(br.get(i).maxPreActivationShift()) + ")");
                    } else {
                        row.add("beyond limit");
                    }
                }
                holds += ok ? 1 : 0;
                row.add(ok ? "yes" : "no");
                inst.add(row);
            }
            b.measure("other instances where the softmax error < ε at ε = 0.025, 0.05, 0.1 (of " + INSTANCES + ")", holds);
            b.note("Instance-dependent: the verdict is taken on one instance. On " + INSTANCES + " other random instances of "
                    + "the same design the softmax error stays below ε at ε = 0.025, 0.05 and 0.1 on " + holds + " (table "
                    + "below), so a pass here does not mean it holds on every comparable instance.");
            b.table(new Table("lowrank-e7-instances", "Softmax hidden-layer error / ε (and max |a − a0|) on other random instances, conditioned top (reported)",
                    List.of("instance", "ε = 0.025", "ε = 0.05", "ε = 0.1", "error < ε at all three"), inst));
        }
        if (ctx.quick()) {
            b.note(QUICK_INSTANCE_NOTE);
        }
        b.note("Why the previous run left the local region: with k₁ ≥ n_x − 1 the map (W, c) ↦ a(x) is a bijection, so the loss is "
                + "convex in u(x) = σ(a(x)) and b; every interior critical point is a global minimiser, and one exists only if the "
                + "convex optimum's spread of u over x is below 1, the sigmoid's range. That spread is ≈ ‖Ψ_V⁺B̃ diag(1/√p_x)‖, "
                + "so a badly conditioned random Gaussian top amplifies it: in E8's table (the reference protocol's Gaussian top) the "
                + "required spread is many times ε, the certified local branch is off by several ε "
                + "once its pre-activations move by O(1), and where the spread reaches 1 no critical point exists and the "
                + "optimiser runs into saturation. That is E8's negative "
                + "control. The verdict here is taken on a top with Ψ_V orthonormal, where the required spread is O(ε) with no "
                + "amplification, and the local-region hypothesis (shift ≤ 1) is checked rather than assumed.");
        b.note("The minimisers form a family (the operating point a0 is free: u → u + t, b → b − Vt), and the formula is "
                + "evaluated at each network's own a0, so different minimisers of the same loss give slightly different errors: "
                + "the last column (L-BFGS from W = 0 at each ε, same loss to rounding) shows it. The verdict uses the branch "
                + "followed by continuation from W = 0, the one the reference protocol's small-step GD from W = 0 selects.");
        b.table(new Table("lowrank-e7", "Hidden-layer weights on the local branch against the closed form",
                List.of("loss", "ε", "rel. error", "rel/ε", "‖RJWΦ₁ᵀ − Ξ_l‖/‖Ξ_l‖", "max |a − a0|", "required u-spread", "‖∇‖",
                        "zero eig./symmetries", "λ_min(H|T⊥)/‖H‖", "L − infimum", "rel/ε, L-BFGS from W = 0"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e7-hidden", "Hidden-layer weight error vs ε (local branch)", eps,
                new String[]{"softmax top", "MMSE top"}, new double[][]{errs.get(0), errs.get(1)}, new double[]{1, 2}));
        return b.criterion("One-hot → frozen tanh (k₁ = 7) → sigmoid (k₂ = 3) → frozen well-conditioned top. The local branch "
                + "(continuation from W = 0) is a certified critical point (‖∇‖ ≤ 1e-10, Hessian positive definite modulo its exact "
                + "symmetries, at the convex infimum) inside the local region (max |a − a0| ≤ 1 for ε ≤ 0.1), and there its W equals "
                + "J⁻¹(Ψ_VᵀΨ_V)⁻¹Ψ_VᵀB̃Φ₁(Φ₁ᵀΦ₁)⁻¹ (softmax) or J⁻¹(VᵀV)⁻¹VᵀMΦ₁(Φ₁ᵀΦ₁)⁻¹ (MMSE) with relative error < ε and "
                + "slope ≥ 0.85 over ε ≤ 0.1 (MMSE at a0 ≈ 0 is O(ε²) since σ''(0) = 0).").build();
    }

    static ExperimentResult e8(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double[] eps = epsilons(ctx, g);
        var b = ExperimentResult.builder(e, ctx).param("eps", java.util.Arrays.toString(eps));
        List<List<String>> rows = new ArrayList<>();
        String[] names = {"k₁ = 4 < n_x − 1, top frozen", "k₁ = 7, top trained", "k₁ = 7, Gaussian top frozen (reference design of E7)"};
        int[] k1s = {4, 7, 7};
        boolean[] tops = {false, true, false};
        double[][] errs = new double[3][eps.length];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < eps.length; i++) {
                HiddenLayer.Result r = HiddenLayer.run(g.at(eps[i]), LossKind.SOFTMAX, k1s[c], 3, tops[c], ctx.seed());
                errs[c][i] = r.relativeError();
                rows.add(List.of(names[c], f(eps[i]), f(r.relativeError()), f(r.maxPreActivationShift()), f(r.minSlope()), f(r.maxAbsBias())));
            }
            b.measure(names[c] + ": rel. error at ε = " + f(eps[eps.length - 1]), errs[c][eps.length - 1]);
            b.measure(names[c] + ": slope", slopeOver(eps, errs[c]));
        }
        // the digest's random Gaussian top (k₁ = 7, frozen): local branch (continuation) against L-BFGS from W = 0
        double[] asc = eps.clone();
        java.util.Arrays.sort(asc);
        List<JointDistribution> laws = new ArrayList<>();
        for (double x : asc) {
            laws.add(g.at(x));
        }
        List<HiddenLayer.Result> branch = HiddenLayer.continuation(laws, LossKind.SOFTMAX, 7, 3, HiddenLayer.Top.GAUSSIAN, ctx.seed());
        List<List<String>> grows = new ArrayList<>();
        for (int i = 0; i < asc.length; i++) {
            HiddenLayer.Result r = branch.get(i);
            HiddenLayer.Certificate c = HiddenLayer.certify(laws.get(i), LossKind.SOFTMAX, r);
            HiddenLayer.Result lb = HiddenLayer.run(laws.get(i), LossKind.SOFTMAX, 7, 3, false, ctx.seed());
            boolean exists = c.requiredSpread() < 1;
            grows.add(List.of(f(asc[i]), f(c.requiredSpread()), exists ? "yes" : "no (spread ≥ 1)", f(r.relativeError() / asc[i]),
                    f(r.maxPreActivationShift()), String.format(Locale.ROOT, "%.2e", c.minCurvature()),
                    String.format(Locale.ROOT, "%.2e", r.loss() - c.infimum()), f(lb.relativeError() / asc[i]), f(lb.maxPreActivationShift()),
                    String.format(Locale.ROOT, "%.2e", lb.loss() - r.loss())));
            b.measure("Gaussian top, ε = " + f(asc[i]) + ": required u-spread (≥ 1: no interior critical point)", c.requiredSpread());
            b.measure("Gaussian top, ε = " + f(asc[i]) + ": local-branch rel. error / ε", r.relativeError() / asc[i]);
            b.measure("Gaussian top, ε = " + f(asc[i]) + ": L-BFGS loss − local-branch loss", lb.loss() - r.loss());
        }
        b.table(new Table("lowrank-e8-gaussian-top", "The reference protocol's random Gaussian top (σ_min(V) small): local branch vs L-BFGS from W = 0 (softmax)",
                List.of("ε", "required u-spread", "interior critical point", "branch rel/ε", "branch max |a − a0|", "branch λ_min(H|T⊥)/‖H‖",
                        "branch L − infimum", "L-BFGS rel/ε", "L-BFGS max |a − a0|", "L-BFGS L − branch L"), grows));
        b.note("E7 with the reference protocol's random Gaussian top: the convex reparametrisation u = σ(a) shows that an interior critical "
                + "point exists only while the required spread of the hidden outputs is below 1; this top amplifies it to about "
                + "10ε. Where it exists (spread < 1) the local branch is a global minimiser (L − infimum at rounding level) but "
                + "the pre-activations move by O(1) and the linearised formula is off by several ε; where it does not, both the "
                + "continuation and L-BFGS run towards saturation with the loss still above the unattainable infimum.");
        b.table(new Table("lowrank-e8", "Hidden-layer formula outside its assumptions (softmax top)",
                List.of("setting", "ε", "rel. error", "max |a − a0|", "min σ'(a0)", "max |c|"), rows));
        b.figure(LowRankFigures.errorVsEpsilon("lowrank-e8-control", "Negative control: hidden-layer error vs ε", eps, names,
                new double[][]{errs[0], errs[1], errs[2]}, new double[]{1}));
        b.note("With k₁ = 4 < n_x − 1 the lower features do not span all centred functions of x; the optimum uses the "
                + "sigmoid's non-linearity (saturating units, large |c|, small σ'(a0)) and the linearised formula does not "
                + "describe it" + String.format(Locale.ROOT, " (relative error %.3g at ε = %s, slope %.2f).",
                errs[0][eps.length - 1], f(eps[eps.length - 1]), slopeOver(eps, errs[0])));
        b.note("With the top trained as well, W and V trade scale and the layer need not stay near its operating point: "
                + String.format(Locale.ROOT, "relative error %.3g at ε = %s (slope %.2f), against %.3g with the top frozen.",
                errs[1][eps.length - 1], f(eps[eps.length - 1]), slopeOver(eps, errs[1]), errs[2][eps.length - 1])
                + " The theorem describes only optima inside the local region.");
        return b.verdict(Verdict.REPORT).criterion("Reported, not judged: where the hidden-layer theorem's assumptions "
                + "(features spanning the centred functions of x, a fixed top, a non-vanishing slope) fail.").build();
    }

    // ------------------------------------------------------------------ E9

    static ExperimentResult e9(Experiment e, ExperimentContext ctx) {
        LocalGenerator g = generator(ctx);
        double lim = g.maxEpsilon();
        int n = ctx.quick() ? 4 : 10;
        double[] eps = new double[n];
        for (int i = 0; i < n; i++) {
            eps[i] = 0.02 * Math.pow(0.95 * lim / 0.02, i / (double) (n - 1));
        }
        Sweep.Result s = Sweep.run(new Sweep.Options(8, 6, 2, eps, LossKind.SOFTMAX, false, LocalGenerator.DEFAULT_SPECTRUM,
                ctx.quick() ? 2 : 4, ctx.seed(), true));
        var b = ExperimentResult.builder(e, ctx).param("eps", "0.02 … 0.95 × positivity limit " + f(lim));
        b.table(sweepTable("lowrank-e9", "Metrics up to the positivity limit", s));
        s.figures().forEach(b::figure);
        // non-local data: P ∝ Uniform(0,1) entries (Xu et al. exp1)
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "lowrank.e9.nonlocal"));
        Matrix t = Matrix.zeros(6, 8);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                t.set(y, x, rng.nextDouble());
            }
        }
        JointDistribution d = JointDistribution.ofTable(t);
        Bottleneck.Trained tr = Bottleneck.train(d, Bottleneck.Options.of(2, LossKind.SOFTMAX, ctx.seed()));
        BottleneckMetrics m = BottleneckMetrics.of(d, tr.model(), tr.loss(), 2, LossKind.SOFTMAX, null);
        b.measure("non-local P: ε", m.epsilon());
        b.measure("non-local P: σ₁", LocalGeometry.modes(d).sigma()[0]);
        b.measure("non-local P: M1", m.m1());
        b.measure("non-local P: M2", m.m2());
        b.measure("non-local P: M3", m.m3());
        b.measure("non-local P: M4", m.m4());
        b.measure("non-local P: Δ", m.lossGap());
        Sweep.Row last = s.rows().get(s.rows().size() - 1);
        b.measure("largest ε: M1", last.m1());
        b.measure("largest ε: M3", last.m3());
        b.measure("largest ε: Δ/ε³", last.m5());
        b.note("The errors grow smoothly with ε: linearly for small ε, faster towards the positivity limit, without a sharp "
                + "failure; the match is only qualitative once σ₁ ≳ 0.3.");
        return b.verdict(Verdict.REPORT).criterion("Reported, not judged: how the low-rank prediction degrades as the law "
                + "leaves the local region.").build();
    }

    // ------------------------------------------------------------------ real data

    /** The shipped hair × eye colour table (classpath resource). */
    public static JointDistribution hairEyeTable() {
        return Tables.resource("/io/nngeom/lowrank/data/hair_eye.csv");
    }

    static ExperimentResult hairEye(Experiment e, ExperimentContext ctx) {
        JointDistribution d = hairEyeTable();
        var b = ExperimentResult.builder(e, ctx).param("source", "Snee (1974), 592 students").param("X", "hair colour")
                .param("Y", "eye colour");
        AnalyzeResult a = LowRank.analyze(d, AnalyzeOptions.defaults(2).withTraining(true).withSeed(ctx.seed()));
        // independent check of the spectrum: square roots of the eigenvalues of B̃ᵀB̃ (symmetric eigensolver)
        Matrix bt = LocalGeometry.centredDtm(d);
        Linalg.EigSym eig = Linalg.eigSym(Linalg.multTransA(bt, bt));
        double[] ev = eig.values();
        double dev = 0;
        for (int i = 0; i < a.singularValues().length; i++) {
            dev = Math.max(dev, Math.abs(Math.sqrt(Math.max(0, ev[ev.length - 1 - i])) - a.singularValues()[i]));
        }
        b.atMost("max |σ_i(SVD) − √λ_i(B̃ᵀB̃)|", dev, SVD_AGREEMENT);
        b.measure("ε = ‖B̃‖_F", a.epsilon());
        b.measure("I(X;Y) (nats)", a.mutualInformation());
        b.measure("½‖B̃‖²", a.halfChiSquare());
        for (int i = 0; i < a.singularValues().length; i++) {
            b.measure("σ" + (i + 1), a.singularValues()[i]);
        }
        for (int k = 1; k <= 2; k++) {
            Bottleneck.Trained t = Bottleneck.train(d, Bottleneck.Options.of(k, LossKind.SOFTMAX, ctx.seed()));
            BottleneckMetrics m = BottleneckMetrics.of(d, t.model(), t.loss(), k, LossKind.SOFTMAX, null);
            b.measure("softmax k=" + k + ": M1 sinθ(Φ, V_k)", m.m1());
            b.measure("softmax k=" + k + ": M3 product error", m.m3());
            b.measure("softmax k=" + k + ": H-score ratio M4", m.m4());
            b.measure("softmax k=" + k + ": loss − predicted", m.lossGap());
            if (k == 1) {
                b.measure("softmax k=1: correlation with f₁ (M7)", m.m7());
                b.figure(LowRankFigures.learnedVsPredicted("lowrank-haireye-feature", d, t.features(), LocalGeometry.modes(d), 1));
            } else {
                b.figure(LowRankFigures.learnedVsPredicted("lowrank-haireye-subspace", d, t.features(), LocalGeometry.modes(d), 2));
            }
            Bottleneck.Trained tm = Bottleneck.train(d, Bottleneck.Options.of(k, LossKind.MSE, ctx.seed()));
            BottleneckMetrics mm = BottleneckMetrics.of(d, tm.model(), tm.loss(), k, LossKind.MSE, null);
            b.atMost("MSE k=" + k + ": |gap|/tr Cov", Math.abs(mm.lossGap()) / LocalGeometry.traceCovariance(d, LocalGeometry.oneHot(d.ny())), MMSE_EXACT);
            b.atMost("MSE k=" + k + ": sinθ(Φ, V_k(M))", mm.m1(), MMSE_ANGLE);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int x = 0; x < d.nx(); x++) {
            rows.add(List.of(d.xNames().get(x), f(d.px()[x]), f(a.features().get(x, 0)), f(a.features().get(x, 1))));
        }
        b.table(new Table("lowrank-haireye", "Optimal hair-colour features", List.of("hair", "p_x", "f₁", "f₂"), rows));
        a.figures().stream().filter(fig -> fig.name().equals("lowrank-spectrum")).forEach(b::figure);
        b.note(String.format(Locale.ROOT, "ε = %.3f and σ₁ = %.3f: this table is not in the local region, so the softmax "
                + "agreement (M1, M3, H-score ratio) is reported, not judged; the MMSE geometry (reduced-rank regression) is "
                + "exact at any ε and is checked.", a.epsilon(), a.singularValues()[0]));
        return b.criterion("Singular values of B̃ agree with an independent eigen-decomposition to 1e-12; the trained MSE "
                + "bottleneck (k = 1, 2) reaches tr Cov − Σσ² to relative 1e-8 with its feature subspace within 1e-4 of "
                + "V_k(M). Softmax agreement is reported.").build();
    }
}
