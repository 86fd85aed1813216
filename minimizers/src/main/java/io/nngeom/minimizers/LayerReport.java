package io.nngeom.minimizers;

/**
 * What one hidden layer of a construction does (digest §2), in input coordinates.
 *
 * @param layer ℓ, 1-based
 * @param collapsed the classes this layer collapses to its apex (empty for an identity layer)
 * @param apex the apex p_ℓ (for an identity layer: the apex −A⁻¹c of its truncation, far from the data)
 * @param normal the separating normal f (null for an identity layer or when nothing is left to separate)
 * @param lpMargin the max-margin LP value of the clustering check (NaN when not applicable)
 * @param margin min_O f·o − max_C f·z for the normal used: the separation gap of this step (NaN when not applicable)
 * @param slope the cone slope s used (tan of the half-angle of the round cone inside K)
 * @param requiredSlope the slope s_req the current points demand
 * @param minPreActivation min over all examples and units of |A_ℓ z_{ℓ−1} + c_ℓ| (the network's pre-activation)
 * @param collapsedSpread max distance of a collapsed point from the apex after this layer
 * @param othersMoved max distance a kept point moved in this layer
 * @param condA condition number of the cumulative weight A_ℓ
 * @param condW condition number of the network weight W_ℓ
 */
public record LayerReport(int layer, int[] collapsed, double[] apex, double[] normal, double lpMargin, double margin,
                          double slope, double requiredSlope, double minPreActivation, double collapsedSpread,
                          double othersMoved, double condA, double condW) {

    public LayerReport {
        collapsed = collapsed.clone();
        apex = apex == null ? null : apex.clone();
        normal = normal == null ? null : normal.clone();
    }

    public boolean isIdentity() {
        return collapsed.length == 0;
    }

    @Override
    public int[] collapsed() {
        return collapsed.clone();
    }

    @Override
    public double[] apex() {
        return apex == null ? null : apex.clone();
    }

    @Override
    public double[] normal() {
        return normal == null ? null : normal.clone();
    }
}
