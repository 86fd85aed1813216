package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Num;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The local geometry of a trained network's features on a finite sample (digest §1.1–§1.3 applied to the empirical
 * law that puts mass 1/n on each example): the sample H-score of a feature matrix for class labels or real targets,
 * the fixed-feature optimum Ψ* of the output layer, and ε of the data.
 *
 * <p>With p_x = 1/n on the examples, the information matrix of features F (n × m) is Φ = (F − 1μᵀ)/√n, so ΦᵀΦ = Λ,
 * the features' covariance over the data (divided by n), and B̃Φ = diag(√p_y)(μ_y − μ)ᵀ-rows: the class means.
 * Hence H(f) = ½ tr(Λ⁺ Σ_y p_y (μ_y − μ)(μ_y − μ)ᵀ) (½ convention of Xu et al., docs/conventions.md), with the
 * pseudo-inverse Λ⁺ where the features are degenerate (dead units, collinear units); it never exceeds (K − 1)/2.
 * For real targets the squared-loss analogue is tr(C_yf Λ⁺ C_fy), the variance of y explained by the best affine
 * function of the features, at most tr Cov(y).
 */
public final class SampleFeatures {
    /**
     * ε of the local regime: the sweeps of docs/theory/lowrank.md fit their slopes for ε ≤ 0.1, and the theory's
     * predictions are only claimed there. Larger ε is outside the local regime.
     */
    public static final double LOCAL_EPSILON = 0.1;

    private SampleFeatures() {
    }

    /** Mean of each column. */
    public static double[] mean(Matrix f) {
        int n = f.rows();
        int m = f.cols();
        double[] mu = new double[m];
        double[] a = f.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                mu[j] += a[i * m + j];
            }
        }
        for (int j = 0; j < m; j++) {
            mu[j] /= n;
        }
        return mu;
    }

    /** Λ = (1/n) Σ_i (f_i − μ)(f_i − μ)ᵀ (m × m). */
    public static Matrix covariance(Matrix f) {
        Matrix c = centred(f);
        return Linalg.multTransA(c, c).scale(1.0 / f.rows());
    }

    /** F − 1μᵀ. */
    public static Matrix centred(Matrix f) {
        double[] mu = mean(f);
        Matrix c = f.copy();
        double[] a = c.data();
        int m = f.cols();
        for (int i = 0; i < f.rows(); i++) {
            for (int j = 0; j < m; j++) {
                a[i * m + j] -= mu[j];
            }
        }
        return c;
    }

    /** Class frequencies p_y = n_y / n. */
    public static double[] classWeights(int[] labels, int classes) {
        double[] p = new double[classes];
        for (int y : labels) {
            p[y] += 1.0 / labels.length;
        }
        return p;
    }

    /** Class means (K × m; a class without examples has a zero row). */
    public static Matrix classMeans(Matrix f, int[] labels, int classes) {
        int m = f.cols();
        Matrix mu = Matrix.zeros(classes, m);
        int[] count = new int[classes];
        for (int i = 0; i < f.rows(); i++) {
            count[labels[i]]++;
            for (int j = 0; j < m; j++) {
                mu.set(labels[i], j, mu.get(labels[i], j) + f.get(i, j));
            }
        }
        for (int y = 0; y < classes; y++) {
            for (int j = 0; j < m; j++) {
                mu.set(y, j, count[y] == 0 ? 0 : mu.get(y, j) / count[y]);
            }
        }
        return mu;
    }

    /** The K × m matrix B̃Φ of the sample law: row y is √p_y (μ_y − μ). */
    public static Matrix classInformation(Matrix f, int[] labels, int classes) {
        double[] p = classWeights(labels, classes);
        double[] mu = mean(f);
        Matrix means = classMeans(f, labels, classes);
        Matrix r = Matrix.zeros(classes, f.cols());
        for (int y = 0; y < classes; y++) {
            for (int j = 0; j < f.cols(); j++) {
                r.set(y, j, Math.sqrt(p[y]) * (means.get(y, j) - mu[j]));
            }
        }
        return r;
    }

    /** The sample H-score ½ tr(Λ⁺ Σ_y p_y (μ_y − μ)(μ_y − μ)ᵀ) (Λ⁺ by {@link Linalg#pinv(Matrix)}). */
    public static double hScore(Matrix f, int[] labels, int classes) {
        Matrix xi = classInformation(f, labels, classes);
        return 0.5 * traceQuadratic(xi, Linalg.pinv(covariance(f)));
    }

    /** The largest sample H-score of any features for K classes: (K − 1)/2. */
    public static double hScoreMax(int classes) {
        return 0.5 * (classes - 1);
    }

    /** C_yf = (1/n) Σ_i (y_i − ȳ)(f_i − μ)ᵀ (d × m). */
    public static Matrix crossCovariance(Matrix y, Matrix f) {
        return Linalg.multTransA(centred(y), centred(f)).scale(1.0 / f.rows());
    }

    /** The squared-loss analogue tr(C_yf Λ⁺ C_fy): the variance of y explained by the best affine map of f. */
    public static double mmseScore(Matrix f, Matrix y) {
        return traceQuadratic(crossCovariance(y, f), Linalg.pinv(covariance(f)));
    }

    /** tr Cov(y): the largest {@link #mmseScore}. */
    public static double mmseScoreMax(Matrix y) {
        return trace(covariance(y));
    }

    /**
     * The fixed-feature optimum of a softmax output layer in the local regime, as a weight information matrix:
     * Ψ* = B̃Φ(ΦᵀΦ)⁺ = [√p_y (μ_y − μ)ᵀ]_y Λ⁺ (K × m), to be compared with the trained
     * {@link LocalGeometry#weightInformation Ψ = diag(√p_y)(W − 1w̄ᵀ)}.
     */
    public static Matrix optimalSoftmaxInformation(Matrix f, int[] labels, int classes) {
        return Linalg.mult(classInformation(f, labels, classes), Linalg.pinv(covariance(f)));
    }

    /** The trained output weights (K × m, row y = w_y) as Ψ = diag(√p_y)(W − 1w̄ᵀ), w̄ = Σ p_y w_y. */
    public static Matrix softmaxInformation(Matrix weight, int[] labels, int classes) {
        return LocalGeometry.weightInformation(weight, classWeights(labels, classes));
    }

    /** The least-squares output weights on fixed features: W* = C_yf Λ⁺ (d × m), exact for the squared loss. */
    public static Matrix optimalMmseWeights(Matrix f, Matrix y) {
        return Linalg.mult(crossCovariance(y, f), Linalg.pinv(covariance(f)));
    }

    /**
     * ε = ‖B̃‖_F of the empirical law of (input, label): each distinct input row is one x symbol. When every input
     * has one label (no repeated rows with different labels) this is √(K − 1), far outside the local regime.
     */
    public static double epsilon(Matrix x, int[] labels, int classes) {
        Map<String, Integer> ids = new HashMap<>();
        int[] xs = new int[x.rows()];
        for (int i = 0; i < x.rows(); i++) {
            xs[i] = ids.computeIfAbsent(Arrays.toString(x.rowArray(i)), k -> ids.size());
        }
        return LocalGeometry.epsilon(JointDistribution.fromSamples(xs, labels, ids.size(), classes));
    }

    /** The sentence that says whether ε puts the data in the local regime. */
    public static String localRegime(double eps) {
        String e = "epsilon = " + Num.show(eps);
        return eps <= LOCAL_EPSILON
                ? e + " <= 0.1: inside the local regime, where the theory's predictions apply"
                : e + " > 0.1: outside the local regime; the low-rank predictions (optimal features, Psi*, predicted loss) "
                        + "are the theory's local approximation, not claims about this data";
    }

    /**
     * The features' Bayes-action matrix Ξ_f = B̃Φ(ΦᵀΦ)^{+½} = [√p_y (μ_y − μ)ᵀ]_y Λ^{+½} (K × m), Λ^{+½} the square root
     * of the pseudo-inverse (eigenvalues ≤ m·λ_max·ε are zero, the cut-off of {@link Linalg#pinv(Matrix)}). The
     * H-score is ½‖Ξ_f‖²_F; its singular values σ_i are the modes, and the optimal k-dimensional features of f are
     * (f − μ)ᵀ Λ^{+½} v_i for the top k right singular vectors v_i, with H-score ½Σ_{i≤k}σ_i².
     */
    public record Analysis(double hScore, double hScoreMax, double[] sigma, Matrix optimalFeatures, double epsilon,
                           boolean localRegime, String statement) {
    }

    /** {@link Analysis} of features f (n × m) for labels, with k optimal features. */
    public static Analysis analyze(Matrix f, int[] labels, int classes, int k) {
        Matrix root = pinvSqrt(covariance(f));
        Matrix xi = Linalg.mult(classInformation(f, labels, classes), root);
        Linalg.Svd svd = Linalg.svd(xi);
        int kk = Math.min(k, svd.s().length);
        Matrix v = Subspaces.firstCols(svd.v(), kk);
        Matrix g = Linalg.mult(Linalg.mult(centred(f), root), v);
        double h = 0;
        for (double s : svd.s()) {
            h += 0.5 * s * s;
        }
        double eps = epsilon(f, labels, classes);
        return new Analysis(h, hScoreMax(classes), svd.s(), g, eps, eps <= LOCAL_EPSILON, localRegime(eps));
    }

    /** (S⁺)^{½} of a symmetric positive semi-definite S. */
    static Matrix pinvSqrt(Matrix s) {
        Linalg.EigSym e = Linalg.eigSym(s);
        double max = 0;
        for (double v : e.values()) {
            max = Math.max(max, Math.abs(v));
        }
        double tol = s.rows() * max * Linalg.EPS;
        int m = s.rows();
        Matrix q = e.vectors();
        Matrix r = Matrix.zeros(m, m);
        for (int c = 0; c < m; c++) {
            double lam = e.values()[c];
            if (lam <= tol) {
                continue;
            }
            double w = 1 / Math.sqrt(lam);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    r.set(i, j, r.get(i, j) + w * q.get(i, c) * q.get(j, c));
                }
            }
        }
        return r;
    }

    /** tr(A P Aᵀ) for a symmetric P. */
    static double traceQuadratic(Matrix a, Matrix p) {
        return trace(Linalg.multTransB(Linalg.mult(a, p), a));
    }

    static double trace(Matrix a) {
        double t = 0;
        for (int i = 0; i < Math.min(a.rows(), a.cols()); i++) {
            t += a.get(i, i);
        }
        return t;
    }
}
