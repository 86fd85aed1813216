package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The hidden-layer setting of digest §4.4 E7: one-hot → frozen tanh features s₁ (k₁ units, random O(1) weights)
 * → trainable sigmoid hidden layer (k₂ units, weight W, bias c) → output with top weights V (frozen at a random
 * O(1) matrix, or trainable for the negative control E8) and trainable bias b. After training from W = 0, the
 * learned W is compared with the closed form of digest §2.4 at the learned operating point a0 = c + W μ_f:
 * softmax W* = J⁻¹(Ψ_VᵀΨ_V)⁻¹Ψ_VᵀB̃Φ₁(Φ₁ᵀΦ₁)⁻¹, MMSE W* = J⁻¹(VᵀV)⁻¹VᵀMΦ₁(Φ₁ᵀΦ₁)⁻¹, J = diag(σ'(a0)).
 */
public final class HiddenLayer {
    private HiddenLayer() {
    }

    /**
     * One hidden-layer training.
     *
     * @param relativeError ‖W − W*‖_F/‖W*‖_F
     * @param gradNorm final gradient norm
     * @param converged gradient norm ≤ target
     * @param maxPreActivationShift max_x,j |a_j(x) − a0_j|: how far the layer left its operating point
     * @param minSlope min_j σ'(a0_j) (a vanishing slope leaves the theorem's assumptions)
     * @param maxAbsBias max_j |c_j|
     * @param loss the population loss reached
     * @param layerMatrixError ‖R J W Φ₁ᵀ − Ξ_l‖_F/‖Ξ_l‖_F with A J_G = QR and Ξ_l = QᵀΞ (digest §2.4): the same
     *                         theorem read as "the layer's product approximates its own matrix Ξ_l"
     */
    public record Result(double epsilon, double relativeError, double gradNorm, boolean converged,
                         double maxPreActivationShift, double minSlope, double maxAbsBias, double loss,
                         double layerMatrixError, Mlp model) {
    }

    /** How the frozen top V (n_y × k₂) is drawn. */
    public enum Top {
        /** V with i.i.d. N(0, 1) entries (digest E7: "a random O(1) matrix"); its conditioning is left to chance. */
        GAUSSIAN,
        /**
         * V = diag(1/√p_y) Q with Q a random n_y × k₂ orthonormal matrix orthogonal to √p_y, so the top's information
         * matrix Ψ_V = diag(√p_y)(V − 1v̄ᵀ) = Q is perfectly conditioned (entries of V are O(1)): the hidden layer's
         * optimal output spread is then ‖QᵀB̃ diag(1/√p_x)‖ = O(ε) with no instance-dependent amplification.
         */
        CONDITIONED
    }

    /**
     * Builds and trains the E7/E8 network from W = 0 (Gaussian top).
     *
     * @param k1 width of the frozen tanh feature layer
     * @param k2 width of the trained sigmoid layer
     * @param trainTop also train V (negative control E8)
     */
    public static Result run(JointDistribution law, LossKind loss, int k1, int k2, boolean trainTop, long seed) {
        return run(law, loss, k1, k2, trainTop, Top.GAUSSIAN, seed);
    }

    /** Builds and trains the E7/E8 network from W = 0 with the given kind of frozen top. */
    public static Result run(JointDistribution law, LossKind loss, int k1, int k2, boolean trainTop, Top top, long seed) {
        SplittableRandom rng = Seeds.rng(Seeds.child(seed, "lowrank.hidden"));
        Mlp init = build(law, loss, k1, k2, top, rng);
        if (trainTop) {
            // from W = 0 and V frozen-style random start the problem is symmetric only if W = 0; break it slightly
            double[] p = init.parameters();
            int off = init.layer(0).parameterCount();
            for (int i = 0; i < k2 * k1; i++) {
                p[off + i] = 0.01 * Seeds.gaussian(rng);
            }
            init = init.withParameters(p);
        }
        return fit(law, loss, init, trainTop);
    }

    /**
     * The local branch by continuation in ε: the network is built once (same frozen s₁ and top), trained from
     * W = 0 at the smallest ε, and each larger ε is warm-started from the optimum of the previous one, so the
     * sequence follows the critical point connected to W = 0 as ε → 0 (digest E7's small-step GD from W = 0).
     *
     * @param laws the laws in increasing ε
     * @return the results in the same order
     */
    public static List<Result> continuation(List<JointDistribution> laws, LossKind loss, int k1, int k2, Top top, long seed) {
        SplittableRandom rng = Seeds.rng(Seeds.child(seed, "lowrank.hidden"));
        Mlp net = build(laws.get(0), loss, k1, k2, top, rng);
        List<Result> out = new ArrayList<>();
        for (JointDistribution law : laws) {
            if (out.isEmpty()) {
                // W = 0; the output bias at the marginal Bayes action of this law
                net = withMarginalBias(net, law, loss);
            }
            Result r = fit(law, loss, net, false);
            out.add(r);
            net = r.model();
        }
        return out;
    }

    /**
     * Local-region hypothesis of E7: on the local branch the hidden pre-activations stay within 1 of the operating
     * point, max_x,j |a_j(x) − a0_j| ≤ 1 (over that range σ' changes by at most 21% from σ'(0) = ¼).
     */
    public static final double LOCAL_SHIFT = 1.0;
    /** Positive curvature modulo the symmetries: λ_min(H on T⊥)/‖H‖₂ ≥ 1e-6 (difference-Hessian error ≈ 1e-10). */
    public static final double MIN_CURVATURE = 1e-6;
    /** The certified critical point attains the convex infimum over (u, b) to 1e-12 (two independent optimisations). */
    public static final double INFIMUM_AGREEMENT = 1e-12;

    /**
     * One point of the certified local branch.
     *
     * @param result the trained network and its error against the closed form
     * @param certificate its critical-point certificate
     */
    public record BranchPoint(Result result, Certificate certificate) {
        /**
         * A certified non-degenerate critical point at the loss infimum: ‖∇L‖ ≤ {@link Bottleneck#GRAD_TOL}, exactly
         * as many near-zero Hessian eigenvalues as symmetries, curvature ≥ {@link #MIN_CURVATURE} modulo them, and
         * |L − infimum| ≤ {@link #INFIMUM_AGREEMENT}.
         */
        public boolean certified() {
            return failedCheck() == null;
        }

        /** The first certificate check that fails, in words; null when certified. */
        public String failedCheck() {
            Certificate c = certificate;
            if (!(c.gradNorm() <= Bottleneck.GRAD_TOL)) {
                return "gradient norm " + String.format(Locale.ROOT, "%.2e", c.gradNorm());
            }
            if (c.nearZero() != c.symmetryDimension()) {
                return c.nearZero() + " zero Hessian eigenvalues for " + c.symmetryDimension() + " symmetries";
            }
            if (!(c.minCurvature() >= MIN_CURVATURE)) {
                return "curvature modulo symmetries " + String.format(Locale.ROOT, "%.2e", c.minCurvature());
            }
            if (!(Math.abs(result.loss() - c.infimum()) <= INFIMUM_AGREEMENT)) {
                return "loss above the convex infimum by " + String.format(Locale.ROOT, "%.2e", result.loss() - c.infimum());
            }
            return null;
        }

        /** Inside the local region: max_x,j |a_j(x) − a0_j| ≤ {@link #LOCAL_SHIFT}. */
        public boolean local() {
            return result.maxPreActivationShift() <= LOCAL_SHIFT;
        }
    }

    /**
     * The certified local branch of digest E7, shared by the {@code lowrank.hidden} experiment and
     * {@code lowrank sweep --hidden}: the network is built once with a well-conditioned frozen top
     * ({@link Top#CONDITIONED}), the hidden layer is followed by {@link #continuation} in increasing ε from W = 0,
     * and every point is {@link #certify certified}.
     *
     * @param laws the laws in increasing ε
     * @param k1 frozen tanh width (≥ n_x − 1, which the certificate needs)
     * @param k2 sigmoid width (≤ n_y − 1)
     */
    public static List<BranchPoint> certifiedBranch(List<JointDistribution> laws, LossKind loss, int k1, int k2, long seed) {
        List<Result> branch = continuation(laws, loss, k1, k2, Top.CONDITIONED, seed);
        List<BranchPoint> out = new ArrayList<>();
        for (int i = 0; i < branch.size(); i++) {
            out.add(new BranchPoint(branch.get(i), certify(laws.get(i), loss, branch.get(i))));
        }
        return out;
    }

    static Mlp build(JointDistribution law, LossKind loss, int k1, int k2, Top top, SplittableRandom rng) {
        int nx = law.nx();
        int m = law.ny();
        Matrix w1 = Bottleneck.gaussian(k1, nx, 1.0, rng);
        Layer s1 = new Layer(w1, Bottleneck.gaussian(1, k1, 0.1, rng).data(), Activation.TANH);
        Matrix v = Bottleneck.gaussian(m, k2, 1.0, rng);
        if (top == Top.CONDITIONED) {
            double[] sq = Ops.sqrt(law.py());
            v = Ops.scaleRows(LocalGenerator.orthonormalComplement(sq, k2, rng), Ops.inv(sq));
        }
        Layer hidden = new Layer(Matrix.zeros(k2, k1), new double[k2], Activation.SIGMOID);
        Layer t = new Layer(v, new double[m], Activation.IDENTITY);
        return withMarginalBias(new Mlp(List.of(s1, hidden, t)), law, loss);
    }

    /** Sets the output bias so that the output at u = σ(0) = ½ is the marginal Bayes action. */
    private static Mlp withMarginalBias(Mlp net, JointDistribution law, LossKind loss) {
        Layer t = net.layer(2);
        double[] z0 = Bottleneck.marginalAction(law, loss, null, Activation.IDENTITY);
        double[] vu0 = t.weight().times(fill(t.inputs(), 0.5));
        double[] b = new double[z0.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = z0[i] - vu0[i];
        }
        return net.withLayer(2, new Layer(t.weight(), b, Activation.IDENTITY));
    }

    /** The trainable-parameter mask: W, c and the output bias (plus V when trainTop). */
    static boolean[] mask(Mlp net, boolean trainTop) {
        return Bottleneck.mask(net, trainTop ? Set.of(0) : Set.of(0, 2), Set.of(0));
    }

    /** Trains the hidden layer (and output bias) from the given network and measures it against the closed form. */
    static Result fit(JointDistribution law, LossKind loss, Mlp init, boolean trainTop) {
        int nx = law.nx();
        int m = law.ny();
        int k1 = init.layer(1).inputs();
        int k2 = init.layer(1).outputs();
        PopulationObjective obj = new PopulationObjective(init, law, loss, null, mask(init, trainTop));
        Bottleneck.Trained t = Bottleneck.train(obj, init, null, Bottleneck.GRAD_TOL, 20000);
        Mlp net = t.model();
        Matrix f1 = Bottleneck.featureTable(net, 0);
        Matrix phi = LocalGeometry.featureInformation(f1, law.px());
        double[] mu = Ops.weightedMean(f1, law.px());
        Layer h = net.layer(1);
        double[] a0 = h.weight().times(mu);
        double[] j = new double[k2];
        double minSlope = Double.POSITIVE_INFINITY;
        double maxC = 0;
        for (int i = 0; i < k2; i++) {
            a0[i] += h.bias()[i];
            j[i] = h.activation().derivative(a0[i]);
            minSlope = Math.min(minSlope, j[i]);
            maxC = Math.max(maxC, Math.abs(h.bias()[i]));
        }
        Matrix vTop = net.layer(2).weight();
        Matrix predicted = minSlope <= 0 ? Matrix.zeros(k2, k1) : loss == LossKind.SOFTMAX
                ? LocalGeometry.hiddenWeightSoftmax(law, vTop, phi, j)
                : LocalGeometry.hiddenWeightMmse(LocalGeometry.mmseMatrix(law, Matrix.identity(m)), vTop, phi, j);
        // a vanishing slope (saturated unit) makes J singular: the formula does not exist there
        double rel = minSlope > 0 && predicted.allFinite()
                ? h.weight().minus(predicted).normF() / predicted.normF() : Double.POSITIVE_INFINITY;
        Matrix pre = h.preActivation(f1);
        double shift = 0;
        for (int x = 0; x < nx; x++) {
            for (int i = 0; i < k2; i++) {
                shift = Math.max(shift, Math.abs(pre.get(x, i) - a0[i]));
            }
        }
        // Ξ_l = QᵀΞ with A J_G = QR: Ψ_V and B̃ (softmax), √2 V and √2 M (MMSE)
        Matrix aJg = loss == LossKind.SOFTMAX ? LocalGeometry.weightInformation(vTop, law.py()) : vTop.scale(Math.sqrt(2));
        Matrix xi = loss == LossKind.SOFTMAX ? LocalGeometry.centredDtm(law)
                : LocalGeometry.mmseMatrix(law, Matrix.identity(m)).scale(Math.sqrt(2));
        Linalg.Qr qr = Linalg.qr(aJg);
        Matrix r = qr.r().selectRows(LocalGenerator.range(k2));
        Matrix xiL = LocalGeometry.hiddenLayerMatrix(xi, aJg);
        Matrix prod = Linalg.multTransB(r.times(Ops.scaleRows(h.weight(), j)), phi);
        double xiErr = prod.minus(xiL).normF() / xiL.normF();
        return new Result(LocalGeometry.epsilon(law), rel, t.gradNorm(), t.converged(), shift, minSlope, maxC, t.loss(),
                xiErr, net);
    }

    /**
     * A certificate that a trained E7 network is a non-degenerate critical point of its population loss, modulo the
     * loss's exact symmetries, and where it sits relative to the global infimum.
     *
     * <p>With k₁ ≥ n_x − 1 generic frozen features, (W, c) ↦ a(x) = W s₁(x) + c is a linear bijection onto all
     * tables a ∈ R^{k₂×n_x}, so the loss is a function of u(x) = σ(a(x)) ∈ (0, 1)^{k₂} and b that is convex in
     * (u, b) (softmax or squared loss of the affine map V u + b). Hence (i) every interior critical point is a global
     * minimiser, (ii) the minimisers form the orbit u → u + t1ᵀ, b → b − V t (k₂ directions; plus b → b + s1 for
     * softmax), so the Hessian has exactly that many zero eigenvalues, and (iii) an interior critical point exists
     * iff the convex optimum's spread max_j (max_x u_j − min_x u_j) is below 1, the range of the sigmoid.
     *
     * @param gradNorm ‖∇L‖ over the trainable parameters
     * @param symmetryDimension number of exact symmetry directions (k₂, + 1 for softmax)
     * @param nullResidual ‖H T‖_F / ‖H‖₂ for the orthonormalised symmetry tangents T (difference Hessian: ≈ 1e-9)
     * @param minCurvature smallest eigenvalue of H on the orthogonal complement of T, divided by ‖H‖₂ (&gt; 0:
     *                     positive definite modulo the symmetries)
     * @param nearZero eigenvalues of the full H with |λ| ≤ {@link #ZERO_EIGENVALUE}·‖H‖₂ (should equal symmetryDimension)
     * @param infimum the convex problem's optimum over (u, b) unconstrained: the loss infimum over the network
     * @param requiredSpread the convex optimum's max_j spread of u_j over x (≥ 1: no interior critical point)
     */
    public record Certificate(double gradNorm, int symmetryDimension, double nullResidual, double minCurvature,
                              int nearZero, double infimum, double requiredSpread) {
    }

    /** Relative size below which a Hessian eigenvalue counts as zero: 1e-7 (difference-Hessian error ≈ 1e-10). */
    public static final double ZERO_EIGENVALUE = 1e-7;

    /** Certifies a trained frozen-top network (k₁ ≥ n_x − 1) as in {@link Certificate}. */
    public static Certificate certify(JointDistribution law, LossKind loss, Result r) {
        Mlp net = r.model();
        int nx = law.nx();
        int k1 = net.layer(1).inputs();
        int k2 = net.layer(1).outputs();
        if (k1 < nx - 1) {
            throw new IllegalArgumentException("certificate needs k1 >= n_x - 1, got " + k1);
        }
        boolean[] mask = mask(net, false);
        PopulationObjective obj = new PopulationObjective(net, law, loss, null, mask);
        double[] x = net.parameters();
        double[] g = new double[x.length];
        obj.valueAndGradient(x, g);
        int[] idx = IntStream.range(0, mask.length).filter(i -> mask[i]).toArray();
        Matrix h = GradientPolish.hessian(obj, x, idx);
        int nsym = k2 + (loss == LossKind.SOFTMAX ? 1 : 0);
        Matrix t = symmetryTangents(net, loss, nx, x.length, idx);
        Bottleneck.Trained c = convexOptimum(law, loss, net.layer(2).weight(), nx, k2);
        double spread = spread(c.model().layer(0).weight());
        double gn = Linalg.norm2(g);
        if (!t.allFinite() || !h.allFinite()) {
            // a saturated unit (σ' = 0 in double precision): no symmetry tangent, no curvature to report
            return new Certificate(gn, nsym, Double.NaN, Double.NaN, -1, c.loss(), spread);
        }
        Matrix q = Subspaces.firstCols(Linalg.qr(t).q(), nsym);
        Linalg.EigSym eig = Linalg.eigSym(h);
        double[] ev = eig.values();
        double hNorm = Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
        int nearZero = 0;
        for (double e : ev) {
            nearZero += Math.abs(e) <= ZERO_EIGENVALUE * hNorm ? 1 : 0;
        }
        double nullResidual = h.times(q).normF() / hNorm;
        double minCurv;
        try {
            Matrix n = Linalg.nullSpace(q.transpose());
            Matrix hc = Linalg.multTransA(n, h.times(n));
            minCurv = Linalg.eigSym(hc).values()[0] / hNorm;
        } catch (ArithmeticException ex) {
            minCurv = Double.NaN; // tangents of wildly different scales (near saturation)
        }
        return new Certificate(gn, nsym, nullResidual, minCurv, nearZero, c.loss(), spread);
    }

    /**
     * The exact symmetries of the loss at a frozen-top network, as tangent vectors restricted to the trainable
     * parameters {@code idx}: for each sigmoid unit j, moving its operating point (W, c) along the direction whose
     * pre-activation change is 1/σ'(a) while the top's bias absorbs it; with softmax, a shift of all output biases.
     */
    private static Matrix symmetryTangents(Mlp net, LossKind loss, int nx, int parameters, int[] idx) {
        int k1 = net.layer(1).inputs();
        int k2 = net.layer(1).outputs();
        int m = net.layer(2).outputs();
        int nsym = k2 + (loss == LossKind.SOFTMAX ? 1 : 0);
        int off1 = net.layer(0).parameterCount();
        int off2 = off1 + net.layer(1).parameterCount();
        Matrix s1 = Bottleneck.featureTable(net, 0);
        Matrix a = net.layer(1).preActivation(s1);
        Matrix design = Matrix.zeros(nx, k1 + 1);
        for (int xi = 0; xi < nx; xi++) {
            for (int i = 0; i < k1; i++) {
                design.set(xi, i, s1.get(xi, i));
            }
            design.set(xi, k1, 1);
        }
        Matrix pinv = Linalg.pinv(design);
        Matrix t = Matrix.zeros(idx.length, nsym);
        Matrix v = net.layer(2).weight();
        for (int j = 0; j < nsym; j++) {
            double[] full = new double[parameters];
            if (j < k2) {
                double[] rhs = new double[nx];
                for (int xi = 0; xi < nx; xi++) {
                    rhs[xi] = 1 / Activation.SIGMOID.derivative(a.get(xi, j));
                }
                double[] wc = pinv.times(rhs);
                for (int i = 0; i < k1; i++) {
                    full[off1 + j * k1 + i] = wc[i];
                }
                full[off1 + k2 * k1 + j] = wc[k1];
                for (int y = 0; y < m; y++) {
                    full[off2 + m * k2 + y] = -v.get(y, j);
                }
            } else {
                for (int y = 0; y < m; y++) {
                    full[off2 + m * k2 + y] = 1;
                }
            }
            for (int i = 0; i < idx.length; i++) {
                t.set(i, j, full[idx[i]]);
            }
        }
        return t;
    }

    /** The convex problem in (u, b): one-hot → u table (identity, no bias) → frozen V, trainable b. */
    private static Bottleneck.Trained convexOptimum(JointDistribution law, LossKind loss, Matrix v, int nx, int k2) {
        Layer uLayer = new Layer(Matrix.zeros(k2, nx), new double[k2], Activation.IDENTITY);
        double[] z0 = Bottleneck.marginalAction(law, loss, null, Activation.IDENTITY);
        Mlp convex = new Mlp(List.of(uLayer, new Layer(v, z0, Activation.IDENTITY)));
        boolean[] cmask = Bottleneck.mask(convex, Set.of(1), Set.of(0));
        Bottleneck.Trained c = Bottleneck.train(new PopulationObjective(convex, law, loss, null, cmask), convex, null,
                Bottleneck.GRAD_TOL, 20000);
        return c;
    }

    /** The largest spread max_x u_j(x) − min_x u_j(x) over the units (rows of u). */
    private static double spread(Matrix u) {
        double spread = 0;
        for (int j = 0; j < u.rows(); j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int xi = 0; xi < u.cols(); xi++) {
                lo = Math.min(lo, u.get(j, xi));
                hi = Math.max(hi, u.get(j, xi));
            }
            spread = Math.max(spread, hi - lo);
        }
        return spread;
    }

    private static double[] fill(int n, double v) {
        double[] r = new double[n];
        Arrays.fill(r, v);
        return r;
    }
}
