package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;

/**
 * Metrics M1–M7 of digest §4.3 comparing a trained bottleneck (layer 0: features, layer 1: output) with the
 * low-rank prediction. Only identifiable quantities are compared (digest §2.1, §6):
 * <ul>
 * <li>the feature and weight <em>subspaces</em> (any invertible k×k transform (Φ, Ψ) → (ΦT, ΨT^{-ᵀ}) leaves the
 * loss unchanged), after p_x-centring of the features and p_y-centring of the softmax weights (the feature mean is
 * absorbed by the bias, the class-weight mean by the softmax shift invariance);</li>
 * <li>the product ΨΦᵀ, the H-score, the loss;</li>
 * <li>the output bias after P_Y-centring (softmax biases are defined up to an additive constant), compared with
 * the theory's b* = z0 − W μ_f evaluated at the <em>learned</em> W and μ_f.</li>
 * </ul>
 *
 * @param m1 sin θ_max(span Φ, span V_k(Ξ)): feature subspace error
 * @param m2 sin θ_max(span Ψ, span U_k(Ξ)): weight subspace error (for a squashed output, of J_h W)
 * @param m3 ‖ŴΦᵀ − Ξ_k‖_F/‖Ξ_k‖_F: product error (Ŵ = Ψ for softmax, J_h W for MMSE)
 * @param m4 H-score ratio H(f)/(½Σ_{i≤k}σ_i²) (softmax, ½ convention) or ‖MΦ(ΦᵀΦ)^{-1/2}‖²/Σ_{i≤k}σ_i² (MMSE)
 * @param lossGap Δ = L_trained − predicted optimal loss
 * @param m5 Δ/ε³
 * @param m6 ‖b_c − b*_c‖_∞/ε² (bias error after centring)
 * @param m7 for k = 1, the p_x-correlation of the learned feature with f_1 (sign aligned); NaN for k &gt; 1
 * @param predictedLoss H_L(Y) − ½Σ_{i≤k}σ_i² (softmax) or tr Cov − Σ_{i≤k}σ_i(M)² (MMSE)
 * @param maxOutputPerturbation max_x ‖W(f(x) − μ_f)‖_∞, the locality check (b) of digest §1.4
 */
public record BottleneckMetrics(double epsilon, double m1, double m2, double m3, double m4, double lossGap, double m5,
                                double m6, double m7, double predictedLoss, double loss,
                                double maxOutputPerturbation) {

    /**
     * Metrics of a trained two-layer bottleneck against a law.
     *
     * @param embedding d × n_y for the squared loss (null: one-hot); ignored for softmax
     */
    public static BottleneckMetrics of(JointDistribution law, Mlp net, double loss, int k, LossKind kind, Matrix embedding) {
        double eps = LocalGeometry.epsilon(law);
        double[] px = law.px();
        double[] py = law.py();
        Matrix f = Bottleneck.featureTable(net, 0);
        Matrix phi = LocalGeometry.featureInformation(f, px);
        Layer out = net.layer(net.layerCount() - 1);
        Matrix w = out.weight();
        double[] muF = Ops.weightedMean(f, px);
        double[] wMu = w.times(muF);
        Matrix xi;
        Matrix what;
        double hRatio;
        double predicted;
        double[] z0;
        LocalGeometry.Modes modes;
        if (kind == LossKind.SOFTMAX) {
            xi = LocalGeometry.centredDtm(law);
            modes = LocalGeometry.modes(law);
            what = LocalGeometry.weightInformation(w, py);
            hRatio = LocalGeometry.hScore(xi, phi) / (0.5 * modes.energy(k));
            predicted = law.entropyY() - 0.5 * modes.energy(k);
            z0 = Bottleneck.marginalAction(law, kind, null, Activation.IDENTITY);
        } else {
            Matrix e = embedding == null ? Matrix.identity(law.ny()) : embedding;
            xi = LocalGeometry.mmseMatrix(law, e);
            modes = LocalGeometry.modes(xi, px, null, Math.min(xi.rows(), xi.cols()));
            z0 = Bottleneck.marginalAction(law, kind, e, out.activation());
            double[] jh = new double[z0.length];
            for (int i = 0; i < jh.length; i++) {
                jh[i] = out.activation().derivative(z0[i]);
            }
            what = Ops.scaleRows(w, jh);
            hRatio = 2 * LocalGeometry.hScore(xi, phi) / modes.energy(k);
            predicted = LocalGeometry.traceCovariance(law, e) - modes.energy(k);
        }
        double m1 = Subspaces.sinThetaMax(phi, modes.vk(k));
        double m2 = Subspaces.sinThetaMax(what, modes.uk(k));
        Matrix xk = modes.truncation(k);
        double m3 = Linalg.multTransB(what, phi).minus(xk).normF() / xk.normF();
        double gap = loss - predicted;
        // bias: b* = z0 − W μ_f; softmax biases compared after P_Y-centring
        double[] b = out.bias();
        double[] bs = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            bs[i] = z0[i] - wMu[i];
        }
        if (kind == LossKind.SOFTMAX) {
            centre(b = b.clone(), py);
            centre(bs, py);
        }
        double biasErr = 0;
        for (int i = 0; i < b.length; i++) {
            biasErr = Math.max(biasErr, Math.abs(b[i] - bs[i]));
        }
        double m7 = k == 1 ? correlation(f.colArray(0), modes.features().colArray(0), px) : Double.NaN;
        double maxPert = maxOutputPerturbation(f, w, muF);
        return new BottleneckMetrics(eps, m1, m2, m3, hRatio, gap, gap / (eps * eps * eps), biasErr / (eps * eps), m7,
                predicted, loss, maxPert);
    }

    /** M7: |corr(f, f*)| under p_x, the learned feature f against the predicted one f* (centred in f). */
    private static double correlation(double[] fl, double[] fs, double[] px) {
        double mean = 0;
        for (int x = 0; x < fl.length; x++) {
            mean += px[x] * fl[x];
        }
        double cov = 0;
        double var = 0;
        double vs = 0;
        for (int x = 0; x < fl.length; x++) {
            cov += px[x] * (fl[x] - mean) * fs[x];
            var += px[x] * (fl[x] - mean) * (fl[x] - mean);
            vs += px[x] * fs[x] * fs[x];
        }
        return Math.abs(cov) / Math.sqrt(var * vs);
    }

    /** max_x ‖W(f(x) − μ_f)‖_∞, the locality check (b) of digest §1.4. */
    private static double maxOutputPerturbation(Matrix f, Matrix w, double[] muF) {
        double maxPert = 0;
        for (int x = 0; x < f.rows(); x++) {
            for (int i = 0; i < w.rows(); i++) {
                double s = 0;
                for (int j = 0; j < w.cols(); j++) {
                    s += w.get(i, j) * (f.get(x, j) - muF[j]);
                }
                maxPert = Math.max(maxPert, Math.abs(s));
            }
        }
        return maxPert;
    }

    private static void centre(double[] b, double[] p) {
        double m = 0;
        for (int i = 0; i < b.length; i++) {
            m += p[i] * b[i];
        }
        for (int i = 0; i < b.length; i++) {
            b[i] -= m;
        }
    }

    /**
     * The learned feature of a k = 1 bottleneck normalised to zero mean and unit variance under p_x and sign
     * aligned with the predicted f_1 (the plot style of Xu et al.).
     */
    public static double[] normalisedFeature(Matrix features, double[] px, double[] reference) {
        double[] f = features.colArray(0);
        double mean = 0;
        for (int x = 0; x < f.length; x++) {
            mean += px[x] * f[x];
        }
        double var = 0;
        double dot = 0;
        for (int x = 0; x < f.length; x++) {
            var += px[x] * (f[x] - mean) * (f[x] - mean);
            dot += px[x] * (f[x] - mean) * reference[x];
        }
        double s = (dot < 0 ? -1 : 1) / Math.sqrt(var);
        double[] r = new double[f.length];
        for (int x = 0; x < f.length; x++) {
            r[x] = s * (f[x] - mean);
        }
        return r;
    }
}
