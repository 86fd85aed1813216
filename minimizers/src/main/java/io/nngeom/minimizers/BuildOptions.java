package io.nngeom.minimizers;

import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;

/**
 * Options of {@link Minimizers#build}: the free choices of the explicit minimizer family (digest §2,
 * "degeneracy"). Each choice changes the parameters but not the zero cost.
 *
 * @param layers L, the number of hidden layers (≥ Q)
 * @param order truncation order π as class indices 0..Q−1 (null: 0, 1, ..., Q−1)
 * @param theta apex position θ ∈ (0, 1) between the collapsed cluster's face (0) and the nearest other point (1)
 * @param kappa safety factor κ ≥ 1 on the required cone slope
 * @param slopeOffset offset s₀ &gt; 0 added to the cone slope: s = κ·max(s_req, 0) + s₀
 * @param normal how the separating normal of each step is chosen
 * @param frameSeed when non-null, the simplex frame of every cone is turned by a random rotation of f^⊥
 *                  drawn from this seed (a symmetry of the family); null keeps the Householder frame
 * @param identityMargin γ &gt; 0: identity layers (ℓ &gt; Q) keep every pre-activation ≥ γ
 * @param seed root seed recorded in the result
 */
public record BuildOptions(int layers, int[] order, double theta, double kappa, double slopeOffset, Normal normal,
                           Long frameSeed, double identityMargin, long seed) {

    /** Default θ = 1/2 (digest §6: a good compromise between the a-priori condition and conditioning). */
    public static final double DEFAULT_THETA = 0.5;
    public static final double DEFAULT_KAPPA = 1.25;
    public static final double DEFAULT_SLOPE_OFFSET = 0.1;
    public static final double DEFAULT_IDENTITY_MARGIN = 1.0;

    /** Choice of the separating normal f of a truncation step. */
    public enum Normal {
        /** f = normalise(mean(O) − mean(C)) when it separates strictly, else the max-margin LP normal. */
        MEAN_DIFFERENCE,
        /** Always the max-margin LP normal. */
        MAX_MARGIN
    }

    public BuildOptions {
        if (layers < 1) {
            throw new InputException("--layers: must be at least 1, got " + layers);
        }
        if (!(theta > 0 && theta < 1)) {
            throw new InputException("--theta: must lie strictly between 0 and 1, got " + theta);
        }
        if (!(kappa >= 1) || !Double.isFinite(kappa)) {
            throw new InputException("kappa: must be a finite number ≥ 1, got " + kappa);
        }
        if (!(slopeOffset > 0) || !Double.isFinite(slopeOffset)) {
            throw new InputException("slope offset: must be a finite number > 0, got " + slopeOffset);
        }
        if (!(identityMargin > 0) || !Double.isFinite(identityMargin)) {
            throw new InputException("identity margin: must be a finite number > 0, got " + identityMargin);
        }
        if (normal == null) {
            normal = Normal.MEAN_DIFFERENCE;
        }
        order = order == null ? null : order.clone();
    }

    /** Defaults for L hidden layers. */
    public static BuildOptions defaults(int layers) {
        return new BuildOptions(layers, null, DEFAULT_THETA, DEFAULT_KAPPA, DEFAULT_SLOPE_OFFSET,
                Normal.MEAN_DIFFERENCE, null, DEFAULT_IDENTITY_MARGIN, Seeds.DEFAULT);
    }

    public BuildOptions withLayers(int l) {
        return new BuildOptions(l, order, theta, kappa, slopeOffset, normal, frameSeed, identityMargin, seed);
    }

    public BuildOptions withOrder(int... o) {
        return new BuildOptions(layers, o, theta, kappa, slopeOffset, normal, frameSeed, identityMargin, seed);
    }

    public BuildOptions withTheta(double t) {
        return new BuildOptions(layers, order, t, kappa, slopeOffset, normal, frameSeed, identityMargin, seed);
    }

    public BuildOptions withKappa(double k) {
        return new BuildOptions(layers, order, theta, k, slopeOffset, normal, frameSeed, identityMargin, seed);
    }

    public BuildOptions withSlopeOffset(double s0) {
        return new BuildOptions(layers, order, theta, kappa, s0, normal, frameSeed, identityMargin, seed);
    }

    public BuildOptions withNormal(Normal n) {
        return new BuildOptions(layers, order, theta, kappa, slopeOffset, n, frameSeed, identityMargin, seed);
    }

    public BuildOptions withFrameSeed(Long s) {
        return new BuildOptions(layers, order, theta, kappa, slopeOffset, normal, s, identityMargin, seed);
    }

    public BuildOptions withIdentityMargin(double g) {
        return new BuildOptions(layers, order, theta, kappa, slopeOffset, normal, frameSeed, g, seed);
    }

    public BuildOptions withSeed(long s) {
        return new BuildOptions(layers, order, theta, kappa, slopeOffset, normal, frameSeed, identityMargin, s);
    }

    @Override
    public int[] order() {
        return order == null ? null : order.clone();
    }
}
