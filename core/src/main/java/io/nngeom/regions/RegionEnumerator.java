package io.nngeom.regions;

import io.nngeom.net.Mlp;

/**
 * Finds every linear region of a piecewise-linear network (hidden activations ReLU, leaky ReLU or identity) on
 * a box. Implementations: {@link PlanarPartitioner} (exact polygons, 2-D inputs) and
 * {@link PatternSearchEnumerator} (activation-pattern search with LP feasibility, any input dimension). On a
 * 2-D input both return the same set of activation patterns (the shared contract test checks this).
 *
 * <p>Regions thinner than the enumerator's tolerance (see each implementation) are not reported: a region is
 * found when it contains a ball of radius about 1e-7 times the box's half-diagonal.
 */
public interface RegionEnumerator {

    /** Short name for reports ("planar", "lp-search"). */
    String name();

    /**
     * The linear regions of {@code net} on {@code box}.
     *
     * @throws IllegalArgumentException when the box dimension differs from the network's input dimension,
     *                                  a hidden activation is not piecewise linear, or (planar) the input is not 2-D
     */
    Partition enumerate(Mlp net, Box box);
}
