package io.nngeom.convex;

/**
 * How a convex value relates to the optimum P_NN of the regularised network problem: equal to it, above it
 * (a feasible network; restricted dictionary or sampled patterns) or below it (a relaxation or a dual bound).
 */
public enum Exactness {
    EXACT("exact"), UPPER_BOUND("upper-bound"), LOWER_BOUND("lower-bound"),
    /** The value belongs to another model (the gated-ReLU network) and bounds P_NN neither way. */
    OTHER_MODEL("other-model");

    private final String id;

    Exactness(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
