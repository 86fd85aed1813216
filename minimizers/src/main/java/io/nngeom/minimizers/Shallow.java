package io.nngeom.minimizers;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shallow companion construction (T. Chen, P. Muñoz Ewald, "Geometric structure of shallow neural networks
 * and constructive L² cost minimization", arXiv:2309.10370), as reconstructed in the digest (§4): with P the
 * projector onto the span of the class means, W_1 = R P, b_1 = β u (β large enough that σ is the identity on
 * the data), W_2 = (Y − c uᵀ) X̄⁺ Rᵀ, b_2 = c − W_2 b_1. Every class mean is mapped to its target and the cost
 * is C2(c) = (1/N) ‖(Y − c uᵀ) B‖² with B = X̄⁺ ΔX, bounded by ‖Y − c uᵀ‖ ‖X̄⁺‖ δ_P = O(δ_P). The optimal
 * translation is c* = Y B w / |w|² with w = Bᵀ u.
 */
public final class Shallow {
    private Shallow() {
    }

    /**
     * @throws InputException when the class means are linearly dependent or there are more classes than inputs
     */
    public static ShallowResult build(Dataset data, ShallowOptions options) {
        long start = System.nanoTime();
        ClusteredData cd = ClusteredData.of(data);
        int q = cd.classes();
        int m = cd.inputDim();
        int n = cd.size();
        int dOut = cd.outputDim();
        if (m < q) {
            throw new InputException("data: " + q + " classes but only " + m + " input columns; the shallow construction needs Q ≤ M");
        }
        Matrix xbar = cd.means().transpose(); // M×Q
        double[] sv = Linalg.singularValues(xbar);
        if (!(sv[sv.length - 1] > Linalg.defaultRankTolerance(xbar, sv[0]))) {
            throw new InputException("data: the class means are linearly dependent; the shallow construction needs independent means");
        }
        Matrix xbarPinv = Linalg.pinv(xbar); // Q×M
        Matrix proj = Linalg.mult(xbar, xbarPinv); // M×M
        Matrix rot = Matrix.identity(m);
        if (options.rotationSeed() != null) {
            SplittableRandom rng = Seeds.rng(options.rotationSeed());
            Matrix g = Matrix.zeros(m, m);
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < m; k++) {
                    g.set(i, k, Seeds.gaussian(rng));
                }
            }
            rot = Linalg.qr(g).q();
        }
        Matrix w1 = Linalg.mult(rot, proj);
        Matrix pre = Linalg.multTransB(cd.x(), w1);
        double beta = pre.maxAbs() + 1;
        double[] b1 = new double[m];
        Arrays.fill(b1, beta);
        Matrix b = Linalg.multTransB(xbarPinv, cd.deviations()); // Q×N
        Matrix y = cd.targets().transpose(); // D×Q
        double[] c = new double[dOut];
        if (options.translation() == ShallowOptions.Translation.OPTIMAL) {
            double[] w = new double[n];
            double ww = 0;
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < q; j++) {
                    w[r] += b.get(j, r);
                }
                ww += w[r] * w[r];
            }
            if (ww > 0) {
                double[] bw = b.times(w);
                double[] ybw = y.times(bw);
                for (int k = 0; k < dOut; k++) {
                    c[k] = ybw[k] / ww;
                }
            }
        }
        Matrix ymc = y.copy(); // Y − c uᵀ
        for (int k = 0; k < dOut; k++) {
            for (int j = 0; j < q; j++) {
                ymc.set(k, j, y.get(k, j) - c[k]);
            }
        }
        Matrix w2 = Linalg.mult(Linalg.mult(ymc, xbarPinv), rot.transpose());
        double[] w2b1 = w2.times(b1);
        double[] b2 = new double[dOut];
        for (int k = 0; k < dOut; k++) {
            b2[k] = c[k] - w2b1[k];
        }
        Mlp model = new Mlp(List.of(new Layer(w1, b1, Activation.RELU), new Layer(w2, b2, Activation.IDENTITY)));
        double cost = Costs.c2(model, cd);
        double closed = Math.pow(Linalg.mult(ymc, b).normF(), 2) / n;
        double bound = Linalg.singularValues(ymc)[0] * (1 / sv[sv.length - 1]) * cd.deltaP();
        double ls = leastSquaresCost(cd);
        double lsClosed = leastSquaresClosedForm(cd);
        double gap = (Math.sqrt(closed) - Math.sqrt(ls)) / Math.sqrt(closed);
        return new ShallowResult(model, cost, Math.sqrt(cost), closed, bound, c, ls, lsClosed, gap, cd.deltaP(),
                RunInfo.of(options.seed(), start));
    }

    /** C2_LS = (1/N) min_{A,c} Σ |A x_n + c − y_n|², by minimum-norm least squares (SVD). */
    public static double leastSquaresCost(ClusteredData cd) {
        Matrix design = withOnes(cd.x());
        Matrix coef = Linalg.lstsq(design, cd.extendedTargets());
        return Costs.c2(Linalg.mult(design, coef), cd.extendedTargets());
    }

    /**
     * C2_LS through the closed form of digest §4.2: [A | c] = Y D_N X̃ᵀ Γ⁻¹ with X̃ = [X̄; uᵀ] and
     * Γ = X̃ D_N X̃ᵀ + [ΔX ΔXᵀ, 0; 0, 0] (a second algorithm: normal equations split into means and
     * deviations), evaluated through the residuals to avoid the cancellation of the trace form.
     */
    public static double leastSquaresClosedForm(ClusteredData cd) {
        int q = cd.classes();
        int m = cd.inputDim();
        Matrix xt = Matrix.zeros(m + 1, q);
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < m; k++) {
                xt.set(k, j, cd.means().get(j, k));
            }
            xt.set(m, j, 1);
        }
        Matrix dn = Matrix.zeros(q, q);
        for (int j = 0; j < q; j++) {
            dn.set(j, j, cd.counts()[j]);
        }
        Matrix dx = cd.deviations(); // N×M
        Matrix gamma = Linalg.mult(Linalg.mult(xt, dn), xt.transpose());
        Matrix cov = Linalg.multTransA(dx, dx);
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                gamma.set(i, k, gamma.get(i, k) + cov.get(i, k));
            }
        }
        Matrix y = cd.targets().transpose(); // D×Q
        Matrix rhs = Linalg.mult(Linalg.mult(y, dn), xt.transpose()); // D×(M+1)
        Matrix ac = Linalg.solve(gamma.transpose(), rhs.transpose()).transpose(); // rhs Γ⁻¹ (Γ symmetric)
        Matrix out = Linalg.multTransB(withOnes(cd.x()), ac);
        return Costs.c2(out, cd.extendedTargets());
    }

    static Matrix withOnes(Matrix x) {
        Matrix d = Matrix.zeros(x.rows(), x.cols() + 1);
        for (int r = 0; r < x.rows(); r++) {
            for (int k = 0; k < x.cols(); k++) {
                d.set(r, k, x.get(r, k));
            }
            d.set(r, x.cols(), 1);
        }
        return d;
    }
}
