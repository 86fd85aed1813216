package io.nngeom.minimizers;

import io.nngeom.run.Seeds;

/**
 * Options of {@link Shallow#build}.
 *
 * @param translation the free translation c of the second layer: {@link Translation#OPTIMAL} (c* minimising
 *                    the constructed cost) or {@link Translation#ZERO}
 * @param rotationSeed when non-null, the first layer uses a random rotation R ∈ O(M) drawn from this seed
 *                     (W_1 = R P); null uses R = I
 * @param seed root seed recorded in the result
 */
public record ShallowOptions(Translation translation, Long rotationSeed, long seed) {

    /** The free translation of the shallow construction. */
    public enum Translation { OPTIMAL, ZERO }

    public ShallowOptions {
        if (translation == null) {
            translation = Translation.OPTIMAL;
        }
    }

    public static ShallowOptions defaults() {
        return new ShallowOptions(Translation.OPTIMAL, null, Seeds.DEFAULT);
    }

    public ShallowOptions withTranslation(Translation t) {
        return new ShallowOptions(t, rotationSeed, seed);
    }

    public ShallowOptions withRotationSeed(Long s) {
        return new ShallowOptions(translation, s, seed);
    }
}
