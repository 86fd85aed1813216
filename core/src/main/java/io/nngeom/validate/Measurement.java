package io.nngeom.validate;

/** One measured quantity of an experiment, with the bound or reference it is compared against (NaN if none). */
public record Measurement(String name, double value, double reference, String comparison) {

    public static Measurement of(String name, double value) {
        return new Measurement(name, value, Double.NaN, "");
    }

    /** A value that must be ≤ the bound. */
    public static Measurement atMost(String name, double value, double bound) {
        return new Measurement(name, value, bound, "<=");
    }

    /** A value that must be ≥ the bound. */
    public static Measurement atLeast(String name, double value, double bound) {
        return new Measurement(name, value, bound, ">=");
    }

    /** Whether the value meets its comparison (true when there is none). NaN values never pass. */
    public boolean holds() {
        if (Double.isNaN(value)) {
            return comparison.isEmpty();
        }
        return switch (comparison) {
            case "<=" -> value <= reference;
            case ">=" -> value >= reference;
            default -> true;
        };
    }
}
