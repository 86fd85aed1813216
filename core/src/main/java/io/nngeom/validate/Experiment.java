package io.nngeom.validate;

/**
 * One numerical check of a theory's claim against an independent quantity (a closed form, a second algorithm,
 * a trained network, a peer library). Implementations are registered through an {@link ExperimentProvider}.
 */
public interface Experiment {
    /** Unique dotted name whose first part is the area, e.g. {@code minimizers.construction}. */
    String name();

    /** One-line description of what is checked. */
    String title();

    /** The area (first part of the name). */
    default String area() {
        int dot = name().indexOf('.');
        return dot < 0 ? name() : name().substring(0, dot);
    }

    ExperimentResult run(ExperimentContext ctx);
}
