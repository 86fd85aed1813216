package io.nngeom.explain;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.SampleFeatures;

/**
 * Class collapse of a layer's features (the minimizers theory: the explicit global minimizers' hidden layers are
 * truncation maps that collapse each class to one point, Chen, Ewald et al.; measured as NC1 of Papyan, Han and
 * Donoho, PNAS 2020). With class means μ_c, global mean μ_G = (1/n)Σ_i f_i, Σ_W = (1/n)Σ_i (f_i − μ_{y_i})(f_i −
 * μ_{y_i})ᵀ and Σ_B = (1/K)Σ_c (μ_c − μ_G)(μ_c − μ_G)ᵀ (K the classes with examples), NC1 = tr(Σ_W Σ_B⁺)/K,
 * Σ_B⁺ by {@link Linalg#pinv(Matrix)}. The construction's collapsed clusters have NC1 = 0 and spread ratio 0.
 *
 * @param nc1 tr(Σ_W Σ_B⁺)/K
 * @param spreadRatio the largest distance of an example from its class mean over the smallest distance between
 *                    two class means: below 1/2 the classes lie in disjoint balls around their means, the
 *                    clustering picture of the truncation construction; 0 when every class is one point
 */
public record Collapse(double nc1, double spreadRatio) {

    /** The collapse of features {@code f} (rows are examples) for class labels 0..classes−1. */
    public static Collapse of(Matrix f, int[] labels, int classes) {
        int n = f.rows();
        int m = f.cols();
        Matrix means = SampleFeatures.classMeans(f, labels, classes);
        double[] mu = SampleFeatures.mean(f);
        int[] count = new int[classes];
        for (int y : labels) {
            count[y]++;
        }
        int present = 0;
        for (int c = 0; c < classes; c++) {
            present += count[c] > 0 ? 1 : 0;
        }
        Matrix db = Matrix.zeros(present, m);
        for (int c = 0, r = 0; c < classes; c++) {
            if (count[c] > 0) {
                for (int j = 0; j < m; j++) {
                    db.set(r, j, means.get(c, j) - mu[j]);
                }
                r++;
            }
        }
        Matrix sb = Linalg.multTransA(db, db).scale(1.0 / present);
        Matrix dw = f.copy();
        double maxRadius = 0;
        for (int i = 0; i < n; i++) {
            double r2 = 0;
            for (int j = 0; j < m; j++) {
                double d = f.get(i, j) - means.get(labels[i], j);
                dw.set(i, j, d);
                r2 += d * d;
            }
            maxRadius = Math.max(maxRadius, Math.sqrt(r2));
        }
        Matrix sw = Linalg.multTransA(dw, dw).scale(1.0 / n);
        Matrix prod = Linalg.mult(sw, Linalg.pinv(sb));
        double tr = 0;
        for (int j = 0; j < m; j++) {
            tr += prod.get(j, j);
        }
        double minGap = Double.POSITIVE_INFINITY;
        for (int a = 0; a < classes; a++) {
            for (int b = a + 1; b < classes; b++) {
                if (count[a] > 0 && count[b] > 0) {
                    double g = 0;
                    for (int j = 0; j < m; j++) {
                        double d = means.get(a, j) - means.get(b, j);
                        g += d * d;
                    }
                    minGap = Math.min(minGap, Math.sqrt(g));
                }
            }
        }
        double ratio = maxRadius == 0 ? 0 : minGap == 0 || Double.isInfinite(minGap) ? Double.POSITIVE_INFINITY : maxRadius / minGap;
        return new Collapse(tr / present, ratio);
    }
}
