package io.nngeom.lowrank;

import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

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

    /**
     * Builds and trains the E7/E8 network.
     *
     * @param k1 width of the frozen tanh feature layer
     * @param k2 width of the trained sigmoid layer
     * @param trainTop also train V (negative control E8)
     */
    public static Result run(JointDistribution law, LossKind loss, int k1, int k2, boolean trainTop, long seed) {
        SplittableRandom rng = Seeds.rng(Seeds.child(seed, "lowrank.hidden"));
        int nx = law.nx();
        int m = law.ny();
        Matrix w1 = Bottleneck.gaussian(k1, nx, 1.0, rng);
        Layer s1 = new Layer(w1, Bottleneck.gaussian(1, k1, 0.1, rng).data(), Activation.TANH);
        Matrix v = Bottleneck.gaussian(m, k2, 1.0, rng);
        double[] z0 = Bottleneck.marginalAction(law, loss, null, Activation.IDENTITY);
        double[] vu0 = v.times(fill(k2, 0.5));
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = z0[i] - vu0[i];
        }
        Layer hidden = new Layer(Matrix.zeros(k2, k1), new double[k2], Activation.SIGMOID);
        Layer top = new Layer(v, b, Activation.IDENTITY);
        Mlp init = new Mlp(List.of(s1, hidden, top));
        Set<Integer> frozenW = trainTop ? Set.of(0) : Set.of(0, 2);
        boolean[] mask = Bottleneck.mask(init, frozenW, Set.of(0));
        PopulationObjective obj = new PopulationObjective(init, law, loss, null, mask);
        if (trainTop) {
            // from W = 0 and V frozen-style random start the problem is symmetric only if W = 0; break it slightly
            double[] p = init.parameters();
            int off = s1.parameterCount();
            for (int i = 0; i < k2 * k1; i++) {
                p[off + i] = 0.01 * Seeds.gaussian(rng);
            }
            init = init.withParameters(p);
        }
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
        io.nngeom.linalg.Linalg.Qr qr = io.nngeom.linalg.Linalg.qr(aJg);
        Matrix r = qr.r().selectRows(LocalGenerator.range(k2));
        Matrix xiL = LocalGeometry.hiddenLayerMatrix(xi, aJg);
        Matrix prod = io.nngeom.linalg.Linalg.multTransB(r.times(Ops.scaleRows(h.weight(), j)), phi);
        double xiErr = prod.minus(xiL).normF() / xiL.normF();
        return new Result(LocalGeometry.epsilon(law), rel, t.gradNorm(), t.converged(), shift, minSlope, maxC, t.loss(),
                xiErr, net);
    }

    private static double[] fill(int n, double v) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, v);
        return r;
    }
}
