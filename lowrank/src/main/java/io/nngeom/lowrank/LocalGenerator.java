package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Local joint laws with an exact ε (digest §4.1): P = p_y p_xᵀ + ε diag(√p_y) B0 diag(√p_x) with
 * B0 = U diag(s) Vᵀ, U ⟂ √p_y and V ⟂ √p_x orthonormal, ‖s‖ = 1. Then the marginals are exactly p_x, p_y and
 * B̃ = ε B0 exactly, so σ_i(B̃) = ε s_i and ‖B̃‖_F = ε.
 *
 * @param px the X marginal (Dirichlet(5·1) draw)
 * @param py the Y marginal
 * @param b0 the unit-Frobenius centred DTM shape (n_y × n_x)
 * @param spectrum s, normalised to unit norm
 * @param maxEpsilon the positivity limit: min over entries with B0 &lt; 0 of √(p_x p_y)/|B0|
 */
public record LocalGenerator(double[] px, double[] py, Matrix b0, double[] spectrum, double maxEpsilon) {

    /** The digest's spectrum with a clear gap after the second mode: ∝ [1, .6, .3, .15, .05]. */
    public static final double[] DEFAULT_SPECTRUM = {1, 0.6, 0.3, 0.15, 0.05};

    /** The Dirichlet concentration of the random marginals (digest §4.1). */
    public static final double DIRICHLET_ALPHA = 5;

    public LocalGenerator {
        px = px.clone();
        py = py.clone();
        spectrum = spectrum.clone();
        b0 = b0.copy();
    }

    /**
     * A random generator: Dirichlet(5·1) marginals, random singular vectors, the given spectrum (truncated to
     * min(n_x, n_y) − 1 entries and normalised).
     */
    public static LocalGenerator random(int nx, int ny, double[] spectrum, long seed) {
        return random(nx, ny, spectrum, null, seed);
    }

    /**
     * As {@link #random(int, int, double[], long)} but with a prescribed Y marginal (null: the Dirichlet(5·1)
     * draw). The random draws are made in the same order either way, so p_x is the same as in the
     * Dirichlet-marginal instance of the same seed.
     */
    public static LocalGenerator random(int nx, int ny, double[] spectrum, double[] fixedPy, long seed) {
        if (nx < 2 || ny < 2) {
            throw new InputException("--nx/--ny: need at least 2 symbols each, got nx=" + nx + ", ny=" + ny);
        }
        if (nx > 2000 || ny > 2000) {
            throw new InputException("--nx/--ny: at most 2000 symbols, got nx=" + nx + ", ny=" + ny);
        }
        SplittableRandom rng = Seeds.rng(Seeds.child(seed, "lowrank.generator"));
        double[] px = dirichlet(nx, rng);
        double[] py = dirichlet(ny, rng);
        if (fixedPy != null) {
            py = checkedMarginal(fixedPy, ny);
        }
        int r = Math.min(spectrum.length, Math.min(nx, ny) - 1);
        double[] s = new double[r];
        double norm = 0;
        for (int i = 0; i < r; i++) {
            if (!(spectrum[i] >= 0) || !Double.isFinite(spectrum[i])) {
                throw new InputException("spectrum: entries must be finite and nonnegative");
            }
            s[i] = spectrum[i];
            norm += s[i] * s[i];
        }
        if (!(norm > 0)) {
            throw new InputException("spectrum: all zero");
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < r; i++) {
            s[i] /= norm;
        }
        Matrix u = orthonormalComplement(Ops.sqrt(py), r, rng);
        Matrix v = orthonormalComplement(Ops.sqrt(px), r, rng);
        Matrix b0 = Linalg.multTransB(Ops.scaleCols(u, s), v);
        double lim = Double.POSITIVE_INFINITY;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double b = b0.get(y, x);
                if (b < 0) {
                    lim = Math.min(lim, Math.sqrt(px[x] * py[y]) / -b);
                }
            }
        }
        return new LocalGenerator(px, py, b0, s, lim);
    }

    /** The default generator of the digest's experiments: n_x = 8, n_y = 6, spectrum ∝ [1, .6, .3, .15, .05]. */
    public static LocalGenerator standard(long seed) {
        return random(8, 6, DEFAULT_SPECTRUM, seed);
    }

    /**
     * A geometric Y marginal p_y ∝ q^y, y = 0 … n_y − 1 (0 &lt; q ≤ 1): the strongly non-uniform marginal of the
     * softmax-versus-MSE discrimination experiment (q = 1/2: largest/smallest = 2^{n_y − 1}).
     */
    public static double[] geometric(int ny, double q) {
        if (!(q > 0 && q <= 1)) {
            throw new InputException("geometric marginal: ratio must be in (0, 1], got " + q);
        }
        double[] p = new double[ny];
        double sum = 0;
        for (int y = 0; y < ny; y++) {
            p[y] = Math.pow(q, y);
            sum += p[y];
        }
        for (int y = 0; y < ny; y++) {
            p[y] /= sum;
        }
        return p;
    }

    private static double[] checkedMarginal(double[] p, int n) {
        if (p.length != n) {
            throw new InputException("p_y: expected " + n + " probabilities, got " + p.length);
        }
        double sum = 0;
        for (double v : p) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new InputException("p_y: probabilities must be positive and finite");
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > 1e-12) {
            throw new InputException("p_y: probabilities must sum to 1, got " + sum);
        }
        return p.clone();
    }

    /** The law at a given ε (exact: ‖B̃‖_F = ε). */
    public JointDistribution at(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new InputException("--eps: must be positive, got " + epsilon);
        }
        if (epsilon >= maxEpsilon) {
            throw new InputException("--eps: " + epsilon + " is beyond the positivity limit " + maxEpsilon + " of this P_XY");
        }
        int ny = py.length;
        int nx = px.length;
        Matrix p = Matrix.zeros(ny, nx);
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                p.set(y, x, py[y] * px[x] + epsilon * Math.sqrt(py[y] * px[x]) * b0.get(y, x));
            }
        }
        return new JointDistribution(p, JointDistribution.names("x", nx), JointDistribution.names("y", ny), List.of());
    }

    /** Dirichlet(α·1) with integer α = 5: normalised sums of α standard exponentials (Gamma(α, 1) draws). */
    static double[] dirichlet(int n, SplittableRandom rng) {
        double[] g = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int t = 0; t < (int) DIRICHLET_ALPHA; t++) {
                v -= Math.log1p(-rng.nextDouble());
            }
            g[i] = v;
            sum += v;
        }
        for (int i = 0; i < n; i++) {
            g[i] /= sum;
        }
        return g;
    }

    /** r orthonormal columns orthogonal to the unit vector q: QR of a Gaussian matrix with q projected out. */
    static Matrix orthonormalComplement(double[] q, int r, SplittableRandom rng) {
        int n = q.length;
        Matrix g = Matrix.zeros(n, r);
        for (int j = 0; j < r; j++) {
            double dot = 0;
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = Seeds.gaussian(rng);
                dot += col[i] * q[i];
            }
            for (int i = 0; i < n; i++) {
                g.set(i, j, col[i] - dot * q[i]);
            }
        }
        Linalg.Qr qr = Linalg.qr(g);
        Matrix out = Subspaces.firstCols(qr.q(), r);
        // re-project once more against rounding so that outᵀq is at the 1e-16 level
        for (int j = 0; j < r; j++) {
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += out.get(i, j) * q[i];
            }
            for (int i = 0; i < n; i++) {
                out.set(i, j, out.get(i, j) - dot * q[i]);
            }
        }
        return Linalg.qr(out).q().selectCols(range(r));
    }

    static int[] range(int r) {
        int[] idx = new int[r];
        for (int i = 0; i < r; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
