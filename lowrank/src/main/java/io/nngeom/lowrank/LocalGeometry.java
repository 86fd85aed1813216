package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import java.util.Arrays;

/**
 * The matrices of the local geometry of feature extraction, computed from a finite joint law (digest §1.1, §3):
 * the divergence transition matrix B, its centred version B̃, the MMSE matrix M, the hidden-layer matrix Ξ_l,
 * the H-score, and the modal decomposition (SVD) with the optimal features f_i = v_i/√p_x and weights
 * g_i = u_i/√p_y.
 *
 * <p>References: Huang, Makur, Zheng, Wornell, "On universal features for high-dimensional learning and
 * inference" (arXiv 1911.09105) for the DTM, H-score and ACE; Xu, Huang, Zheng, Wornell, "An information
 * theoretic interpretation to deep neural networks" (ISIT 2019 / Entropy 2022) for the softmax and hidden-layer
 * formulas; Shisher, Ornee, Sun, "A local geometric interpretation of feature extraction in deep feedforward
 * neural networks" (arXiv 2202.04632) for the Bayes-action form.
 */
public final class LocalGeometry {
    private LocalGeometry() {
    }

    /** B[y][x] = P(x,y)/√(p_x(x) p_y(y)). Its top singular value is 1 with vectors √p_y, √p_x. */
    public static Matrix dtm(JointDistribution d) {
        double[] sx = Ops.inv(Ops.sqrt(d.px()));
        double[] sy = Ops.inv(Ops.sqrt(d.py()));
        return Ops.scaleCols(Ops.scaleRows(d.p(), sy), sx);
    }

    /** B̃ = B − √p_y √p_xᵀ, i.e. B̃[y][x] = (P(x,y) − p_x p_y)/√(p_x p_y). */
    public static Matrix centredDtm(JointDistribution d) {
        double[] px = d.px();
        double[] py = d.py();
        Matrix r = Matrix.zeros(d.ny(), d.nx());
        for (int y = 0; y < d.ny(); y++) {
            for (int x = 0; x < d.nx(); x++) {
                r.set(y, x, (d.prob(x, y) - px[x] * py[y]) / Math.sqrt(px[x] * py[y]));
            }
        }
        return r;
    }

    /** ε := ‖B̃‖_F (the experimental definition of digest §1.4); also χ²(P_XY ‖ P_X P_Y)^{1/2}. */
    public static double epsilon(JointDistribution d) {
        return centredDtm(d).normF();
    }

    /** The one-hot embedding of Y: the identity (n_y × n_y). */
    public static Matrix oneHot(int ny) {
        return Matrix.identity(ny);
    }

    /**
     * The MMSE matrix M (d × n_x), column x = √p_x(x)(E[e(Y)|X=x] − E[e(Y)]) for an embedding e given as a d × n_y
     * matrix whose column y is e(y) (digest §2.3). For the one-hot embedding, M = diag(√p_y) B̃.
     */
    public static Matrix mmseMatrix(JointDistribution d, Matrix embedding) {
        if (embedding.cols() != d.ny()) {
            throw new IllegalArgumentException("embedding has " + embedding.cols() + " columns, law has " + d.ny() + " y symbols");
        }
        double[] px = d.px();
        double[] py = d.py();
        int dim = embedding.rows();
        double[] mean = embedding.times(py);
        Matrix m = Matrix.zeros(dim, d.nx());
        for (int x = 0; x < d.nx(); x++) {
            for (int i = 0; i < dim; i++) {
                double cond = 0;
                for (int y = 0; y < d.ny(); y++) {
                    cond += d.prob(x, y) * embedding.get(i, y);
                }
                cond /= px[x];
                m.set(i, x, Math.sqrt(px[x]) * (cond - mean[i]));
            }
        }
        return m;
    }

    /** tr Cov(e(Y)): the MMSE of the constant estimator (the squared-loss generalized entropy H_L(Y)). */
    public static double traceCovariance(JointDistribution d, Matrix embedding) {
        double[] py = d.py();
        double[] mean = embedding.times(py);
        double t = 0;
        for (int y = 0; y < d.ny(); y++) {
            for (int i = 0; i < embedding.rows(); i++) {
                double c = embedding.get(i, y) - mean[i];
                t += py[y] * c * c;
            }
        }
        return t;
    }

    /**
     * The modal decomposition of a centred matrix Ξ (rows indexed by y or by output coordinates, columns by x)
     * with the feature and weight functions: f_i(x) = v_i(x)/√p_x(x); g_i(y) = u_i(y)/√p_y(y) when rowWeights is
     * non-null (softmax case), else g_i = u_i.
     *
     * @param rank number of modes kept: min(rows, cols) − 1 for B̃ (the trivial pair was removed by centring)
     */
    public static Modes modes(Matrix xi, double[] px, double[] rowWeights, int rank) {
        Linalg.Svd svd = Linalg.svd(xi);
        int r = Math.min(rank, svd.s().length);
        double[] s = Arrays.copyOf(svd.s(), r);
        Matrix u = Subspaces.firstCols(svd.u(), r);
        Matrix v = Subspaces.firstCols(svd.v(), r);
        // sign convention: the largest-magnitude entry of each v_i is positive
        for (int i = 0; i < r; i++) {
            int arg = 0;
            for (int x = 0; x < v.rows(); x++) {
                if (Math.abs(v.get(x, i)) > Math.abs(v.get(arg, i))) {
                    arg = x;
                }
            }
            if (v.get(arg, i) < 0) {
                for (int x = 0; x < v.rows(); x++) {
                    v.set(x, i, -v.get(x, i));
                }
                for (int y = 0; y < u.rows(); y++) {
                    u.set(y, i, -u.get(y, i));
                }
            }
        }
        Matrix f = Ops.scaleRows(v, Ops.inv(Ops.sqrt(px)));
        Matrix g = rowWeights == null ? u.copy() : Ops.scaleRows(u, Ops.inv(Ops.sqrt(rowWeights)));
        return new Modes(s, u, v, f, g);
    }

    /** The modes of B̃ of a law (softmax / log-loss geometry). */
    public static Modes modes(JointDistribution d) {
        return modes(centredDtm(d), d.px(), d.py(), Math.min(d.nx(), d.ny()) - 1);
    }

    /** Information matrix Φ = diag(√p_x)(F − 1μ_fᵀ) of a feature table F (n_x × k). */
    public static Matrix featureInformation(Matrix features, double[] px) {
        return Ops.information(features, px);
    }

    /**
     * Weight information matrix Ψ = diag(√p_y)(W_out − 1 w̄ᵀ) (n_y × k) of softmax output weights given in the
     * nngeom layer layout (n_y × k, row y = w_y), w̄ = Σ p_y w_y.
     */
    public static Matrix weightInformation(Matrix outWeight, double[] py) {
        return Ops.information(outWeight, py);
    }

    /**
     * The H-score of features with information matrix Φ against Ξ, with the ½ convention of Xu et al.:
     * H(f) = ½‖Ξ Φ (ΦᵀΦ)^{-1/2}‖²_F = ½ tr(Λ_f⁻¹ ΦᵀΞᵀΞΦ). For Ξ = B̃ this is ½ E[E[f̃|Y]ᵀ Λ_f⁻¹ E[f̃|Y]];
     * the transferability literature (Bao et al. 2019) omits the ½. Its maximum over k features is ½Σ_{i≤k}σ_i².
     */
    public static double hScore(Matrix xi, Matrix phi) {
        Matrix proj = Linalg.mult(Linalg.mult(xi, phi), Ops.invSqrtSym(Linalg.multTransA(phi, phi)));
        double n = proj.normF();
        return 0.5 * n * n;
    }

    /**
     * The hidden-layer matrix Ξ_l = Qᵀ Ξ (k_l × n_x) for a top of the network whose linearised map from the layer
     * output to the loss coordinates is A J_G = Q R (digest §2.4). For a softmax top with output weights V
     * (n_y × k_l layer layout), A J_G = Ψ_V and Ξ = B̃; for an affine MMSE top, A J_G = √2 V and Ξ = √2 M.
     *
     * @param aJg the k_l columns of A J_G (rows index the loss coordinates, like Ξ)
     */
    public static Matrix hiddenLayerMatrix(Matrix xi, Matrix aJg) {
        Linalg.Qr qr = Linalg.qr(aJg);
        Matrix q = Subspaces.firstCols(qr.q(), aJg.cols());
        return Linalg.multTransA(q, xi);
    }

    /** Ξ_l for a softmax top with output weights V (n_y × k_l): Qᵀ B̃ with Ψ_V = QR. */
    public static Matrix hiddenLayerMatrixSoftmax(JointDistribution d, Matrix topWeight) {
        return hiddenLayerMatrix(centredDtm(d), weightInformation(topWeight, d.py()));
    }

    /**
     * The optimal hidden-layer weight (layer layout k_l × k_{l−1}) for a fixed lower feature with information
     * matrix Φ and a softmax top with weights V (n_y × k_l), at the operating point with activation slopes
     * jDiag = σ'(a0): W = J⁻¹ (Ψ_VᵀΨ_V)⁻¹ Ψ_Vᵀ B̃ Φ (ΦᵀΦ)⁻¹ (Xu et al., exp2 get_w_mat; digest §2.4).
     */
    public static Matrix hiddenWeightSoftmax(JointDistribution d, Matrix topWeight, Matrix phi, double[] jDiag) {
        Matrix psi = weightInformation(topWeight, d.py());
        Matrix left = Linalg.solve(Linalg.multTransA(psi, psi), psi.transpose());
        return hiddenWeight(left, centredDtm(d), phi, jDiag);
    }

    /**
     * The optimal hidden-layer weight for an affine MMSE top ŷ = V u + b (V: d × k_l) and embedding matrix M:
     * W = J⁻¹ (VᵀV)⁻¹ Vᵀ M Φ (ΦᵀΦ)⁻¹ (digest §2.4).
     */
    public static Matrix hiddenWeightMmse(Matrix m, Matrix topWeight, Matrix phi, double[] jDiag) {
        Matrix left = Linalg.solve(Linalg.multTransA(topWeight, topWeight), topWeight.transpose());
        return hiddenWeight(left, m, phi, jDiag);
    }

    private static Matrix hiddenWeight(Matrix left, Matrix xi, Matrix phi, double[] jDiag) {
        Matrix right = Linalg.mult(phi, Linalg.inverse(Linalg.multTransA(phi, phi)));
        Matrix w = Linalg.mult(Linalg.mult(left, xi), right);
        return Ops.scaleRows(w, Ops.inv(jDiag));
    }

    /** Rank-k Eckart–Young truncation of a matrix. */
    public static Matrix truncation(Matrix a, int k) {
        return Ops.truncate(Linalg.svd(a), k);
    }

    /**
     * The modal decomposition.
     *
     * @param sigma singular values σ_1 ≥ σ_2 ≥ … of Ξ
     * @param u left singular vectors (columns)
     * @param v right singular vectors (columns), sign fixed so the largest-magnitude entry is positive
     * @param features f_i(x) = v_i(x)/√p_x(x), n_x × r: zero mean, unit variance under p_x
     * @param weights g_i(y) = u_i(y)/√p_y(y) (softmax) or u_i (MMSE)
     */
    public record Modes(double[] sigma, Matrix u, Matrix v, Matrix features, Matrix weights) {
        public Modes {
            sigma = sigma.clone();
        }

        /** The first k right singular vectors (n_x × k). */
        public Matrix vk(int k) {
            return Subspaces.firstCols(v, k);
        }

        /** The first k left singular vectors. */
        public Matrix uk(int k) {
            return Subspaces.firstCols(u, k);
        }

        /** Σ_{i≤k} σ_i u_i v_iᵀ. */
        public Matrix truncation(int k) {
            return Ops.truncate(new Linalg.Svd(u, sigma, v), k);
        }

        /** Σ_{i≤k} σ_i². */
        public double energy(int k) {
            return Ops.sumSq(sigma, 0, k);
        }
    }
}
