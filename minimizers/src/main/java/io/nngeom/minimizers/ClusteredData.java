package io.nngeom.minimizers;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;

/**
 * The clustered data model of Chen and Muñoz Ewald (arXiv:2309.10639, §1; digest §1.1): Q classes of inputs
 * x_{0,j,i} ∈ R^M with class averages x̄_{0,j} (the "signal") and deviations Δx_{0,j,i} = x_{0,j,i} − x̄_{0,j}
 * (the "noise"), and one target y_j per class. Rows are examples, as everywhere in nngeom.
 *
 * <p>Noise sizes: δ = max |Δx|; δ_P = max |P Δx| with P the orthogonal projector onto span{x̄_j}; the
 * noise-to-signal matrix B = X̄⁺ ΔX (the noise in the frame of the class means) and ν = max over samples of its
 * column norm; ρ = min_j dist(x̄_j, conv{x̄_k : k ≠ j}), the a-priori separation of the means (digest §1.5:
 * ρ &gt; 2δ plus a margin makes the clustering condition hold in every order).
 *
 * @param x inputs, N×M
 * @param labels class of every example, 0..Q−1
 * @param means class averages, Q×M (row j = x̄_j)
 * @param targets class targets, Q×D (row j = y_j)
 * @param counts N_j
 */
public record ClusteredData(Matrix x, int[] labels, Matrix means, Matrix targets, int[] counts, double delta,
                            double deltaP, double noiseToSignal, double meanSeparation) {

    /** Radius s of the class means in {@link #generate}: x̄_j = s·R e_j + t. */
    public static final double GENERATOR_SCALE = 5.0;

    /** Number of classes Q. */
    public int classes() {
        return means.rows();
    }

    public int size() {
        return x.rows();
    }

    public int inputDim() {
        return x.cols();
    }

    public int outputDim() {
        return targets.cols();
    }

    /** max(1, max |x_n|): the length scale against which tolerances are relative. */
    public double scale() {
        double m = 1;
        for (int n = 0; n < x.rows(); n++) {
            m = Math.max(m, Linalg.norm2(x.rowArray(n)));
        }
        return m;
    }

    /** The targets of every example, N×D (Y^ext in the paper, as rows). */
    public Matrix extendedTargets() {
        Matrix y = Matrix.zeros(size(), outputDim());
        for (int n = 0; n < size(); n++) {
            for (int d = 0; d < outputDim(); d++) {
                y.set(n, d, targets.get(labels[n], d));
            }
        }
        return y;
    }

    /** Deviations ΔX, N×M (row n = x_n − x̄_{label n}). */
    public Matrix deviations() {
        Matrix dx = x.copy();
        for (int n = 0; n < size(); n++) {
            for (int m = 0; m < inputDim(); m++) {
                dx.set(n, m, x.get(n, m) - means.get(labels[n], m));
            }
        }
        return dx;
    }

    /** Indices of the examples of class j. */
    public int[] indicesOf(int j) {
        int[] idx = new int[counts[j]];
        int k = 0;
        for (int n = 0; n < labels.length; n++) {
            if (labels[n] == j) {
                idx[k++] = n;
            }
        }
        return idx;
    }

    /** As a {@link Dataset} (targets y_{label n}; labels kept). */
    public Dataset toDataset() {
        return new Dataset(x, extendedTargets(), labels.clone(), classes());
    }

    /**
     * Reads the data model from a classification data set: the classes are its labels, the targets its rows of
     * Y, which must be the same for all examples of a class (one-hot by default).
     *
     * @throws InputException when the data set has no labels, a class has no example, or targets differ within a class
     */
    public static ClusteredData of(Dataset data) {
        if (!data.isClassification()) {
            throw new InputException("data: the minimizer construction needs class labels (--classes)");
        }
        int q = data.classes();
        int n = data.size();
        int m = data.inputDim();
        int[] labels = data.labels().clone();
        int[] counts = new int[q];
        for (int v : labels) {
            counts[v]++;
        }
        for (int j = 0; j < q; j++) {
            if (counts[j] == 0) {
                throw new InputException("data: class " + j + " has no example (classes must be 0.." + (q - 1) + ")");
            }
        }
        Matrix means = Matrix.zeros(q, m);
        Matrix targets = Matrix.zeros(q, data.targetDim());
        boolean[] seen = new boolean[q];
        for (int r = 0; r < n; r++) {
            int j = labels[r];
            for (int k = 0; k < m; k++) {
                means.set(j, k, means.get(j, k) + data.x().get(r, k) / counts[j]);
            }
            if (!seen[j]) {
                seen[j] = true;
                for (int d = 0; d < data.targetDim(); d++) {
                    targets.set(j, d, data.y().get(r, d));
                }
            } else {
                for (int d = 0; d < data.targetDim(); d++) {
                    if (data.y().get(r, d) != targets.get(j, d)) {
                        throw new InputException("data: row " + r + ": target differs from the other targets of class " + j);
                    }
                }
            }
        }
        if (!data.x().allFinite()) {
            throw new InputException("data: inputs contain NaN or infinite values");
        }
        return build(data.x(), labels, means, targets, counts);
    }

    private static ClusteredData build(Matrix x, int[] labels, Matrix means, Matrix targets, int[] counts) {
        int n = x.rows();
        int m = x.cols();
        int q = means.rows();
        double delta = 0;
        double deltaP = 0;
        double nu = 0;
        Matrix xbar = means.transpose(); // M×Q
        Matrix xbarPinv = Linalg.pinv(xbar); // Q×M
        Matrix proj = Linalg.mult(xbar, xbarPinv); // M×M
        double[] dx = new double[m];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < m; k++) {
                dx[k] = x.get(r, k) - means.get(labels[r], k);
            }
            delta = Math.max(delta, Linalg.norm2(dx));
            deltaP = Math.max(deltaP, Linalg.norm2(proj.times(dx)));
            nu = Math.max(nu, Linalg.norm2(xbarPinv.times(dx)));
        }
        return new ClusteredData(x, labels, means, targets, counts, delta, deltaP, nu, meanSeparation(means));
    }

    /**
     * ρ = min_j dist(x̄_j, conv{x̄_k : k ≠ j}), computed exactly by enumerating the faces of the hull (affine
     * least squares on every subset of the other means, kept when its barycentric weights are ≥ 0). NaN for
     * Q &gt; 12 (too many subsets) and +∞ for Q = 1.
     */
    public static double meanSeparation(Matrix means) {
        int q = means.rows();
        if (q == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (q > 12) {
            return Double.NaN;
        }
        double rho = Double.POSITIVE_INFINITY;
        for (int j = 0; j < q; j++) {
            int[] others = new int[q - 1];
            for (int k = 0, o = 0; k < q; k++) {
                if (k != j) {
                    others[o++] = k;
                }
            }
            double best = Double.POSITIVE_INFINITY;
            for (int mask = 1; mask < (1 << (q - 1)); mask++) {
                int size = Integer.bitCount(mask);
                int[] sub = new int[size];
                for (int b = 0, s = 0; b < q - 1; b++) {
                    if ((mask & (1 << b)) != 0) {
                        sub[s++] = others[b];
                    }
                }
                double d = distToAffineHullIfInside(means, sub, means.rowArray(j));
                best = Math.min(best, d);
            }
            rho = Math.min(rho, best);
        }
        return rho;
    }

    /** Distance from v to the affine hull of the given rows if its projection has non-negative weights, else +∞. */
    private static double distToAffineHullIfInside(Matrix pts, int[] sub, double[] v) {
        int m = pts.cols();
        double[] base = pts.rowArray(sub[0]);
        double[] lam = new double[sub.length];
        double[] proj = base.clone();
        if (sub.length > 1) {
            Matrix d = Matrix.zeros(m, sub.length - 1);
            for (int s = 1; s < sub.length; s++) {
                for (int k = 0; k < m; k++) {
                    d.set(k, s - 1, pts.get(sub[s], k) - base[k]);
                }
            }
            double[] rhs = new double[m];
            for (int k = 0; k < m; k++) {
                rhs[k] = v[k] - base[k];
            }
            double[] mu = Linalg.lstsq(d, rhs);
            double sum = 0;
            for (int s = 0; s < mu.length; s++) {
                lam[s + 1] = mu[s];
                sum += mu[s];
            }
            lam[0] = 1 - sum;
            double[] dm = d.times(mu);
            for (int k = 0; k < m; k++) {
                proj[k] += dm[k];
            }
        } else {
            lam[0] = 1;
        }
        for (double l : lam) {
            if (l < -1e-12) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double s = 0;
        for (int k = 0; k < m; k++) {
            s += (v[k] - proj[k]) * (v[k] - proj[k]);
        }
        return Math.sqrt(s);
    }

    /**
     * The clustered-data generator of the digest (§5, E0): means x̄_j = s·R e_j + t (s = {@link #GENERATOR_SCALE},
     * R a random orthogonal matrix, t a random offset), noise uniform in the ball of radius {@code delta} and then
     * re-centred so that each empirical class mean is exactly x̄_j; one-hot targets; input dimension Q.
     * {@code n} examples in total, spread as evenly as possible over the classes. The noise is linear in
     * {@code delta}: the same seed with another δ gives the same picture scaled.
     *
     * @throws InputException when Q &lt; 1, n &lt; Q or delta &lt; 0
     */
    public static Dataset generate(int q, int n, double delta, long seed) {
        return generate(q, q, n, delta, seed);
    }

    /**
     * As {@link #generate(int, int, double, long)} with input dimension {@code m} ≥ Q (the means span a
     * Q-dimensional subspace of R^M; the noise fills all of R^M).
     */
    public static Dataset generate(int q, int m, int n, double delta, long seed) {
        if (q < 1) {
            throw new InputException("--generate: Q must be at least 1, got " + q);
        }
        if (m < q) {
            throw new InputException("--generate: input dimension " + m + " is smaller than Q = " + q);
        }
        if (n < q) {
            throw new InputException("--generate: N = " + n + " is smaller than Q = " + q);
        }
        if (!(delta >= 0) || !Double.isFinite(delta)) {
            throw new InputException("--generate: DELTA must be a finite number ≥ 0, got " + delta);
        }
        SplittableRandom rng = Seeds.rng(seed);
        Matrix g = Matrix.zeros(m, m);
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                g.set(i, k, Seeds.gaussian(rng));
            }
        }
        Matrix rot = Linalg.qr(g).q();
        double[] t = new double[m];
        for (int k = 0; k < m; k++) {
            t[k] = Seeds.gaussian(rng);
        }
        int[] labels = new int[n];
        int[] counts = new int[q];
        for (int r = 0; r < n; r++) {
            labels[r] = r * q / n;
            counts[labels[r]]++;
        }
        Matrix x = Matrix.zeros(n, m);
        double[][] noiseMean = new double[q][m];
        double[][] noise = new double[n][m];
        for (int r = 0; r < n; r++) {
            double[] dir = new double[m];
            for (int k = 0; k < m; k++) {
                dir[k] = Seeds.gaussian(rng);
            }
            double len = Linalg.norm2(dir);
            double radius = Math.pow(rng.nextDouble(), 1.0 / m);
            for (int k = 0; k < m; k++) {
                noise[r][k] = dir[k] / len * radius;
                noiseMean[labels[r]][k] += noise[r][k] / counts[labels[r]];
            }
        }
        for (int r = 0; r < n; r++) {
            int j = labels[r];
            for (int k = 0; k < m; k++) {
                double mean = GENERATOR_SCALE * rot.get(k, j) + t[k];
                x.set(r, k, mean + delta * (noise[r][k] - noiseMean[j][k]));
            }
        }
        return Dataset.classification(x, labels, q);
    }
}
