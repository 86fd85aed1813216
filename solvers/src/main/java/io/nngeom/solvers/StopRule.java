package io.nngeom.solvers;

import io.nngeom.run.InputException;
import java.util.Locale;

/**
 * Stopping rule of {@link FistaGroupLasso}.
 *
 * <ul>
 *   <li>{@link #GAP}: stop when the relative duality gap (P − D*)/P is at most the tolerance. The result is
 *       certified: its objective lies within that fraction of the optimum.</li>
 *   <li>{@link #GRADIENT}: scnn's rule for its R-FISTA (Mishkin, Sahiner, Pilanci 2022; scnn's
 *       {@code GradientNorm} termination criterion): stop when the squared norm of the minimum-norm subgradient,
 *       in scnn's scaling (objective divided by n), is at most the tolerance, checked at every iterate. This bounds
 *       no distance to the optimum; the duality gap is measured once at the end and reported, uncertified as a
 *       stopping guarantee. See {@link FistaGroupLasso#stationarity}.</li>
 * </ul>
 */
public enum StopRule {
    GAP("gap"), GRADIENT("gradient");

    private final String id;

    StopRule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses {@code gap} or {@code gradient}; anything else is bad input for the named option. */
    public static StopRule parse(String s, String option) {
        for (StopRule r : values()) {
            if (r.id.equals(s.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new InputException(option + ": expected gap or gradient, got '" + s + "'");
    }
}
