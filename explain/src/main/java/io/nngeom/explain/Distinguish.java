package io.nngeom.explain;

import io.nngeom.piecewise.Distinguishability;

/**
 * Distinguishability of the labelled data after layer ℓ (theory 2, digest §4.1, as {@code nngeom distinguish}
 * computes it with {@link Distinguishability}): once two differently labelled examples collide, no later layer can
 * separate them.
 *
 * @param collisions pairs of examples with different labels and equal images
 * @param zeroImages examples sent to the zero vector (every unit off)
 * @param rank numerical rank of the centred features
 * @param linearlySeparable whether every class pair is linearly separable by an LP (null: not tested, see notes)
 */
public record Distinguish(long collisions, int zeroImages, int rank, Boolean linearlySeparable) {

    static Distinguish of(Distinguishability.LayerReport r) {
        return new Distinguish(r.collisions(), r.zeroImages(), r.rank(), r.linearlySeparable());
    }
}
