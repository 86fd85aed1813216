package io.nngeom.piecewise;

import java.util.Arrays;

/**
 * A continuous piecewise-linear function of one variable: breakpoints t_1 &lt; … &lt; t_k, slopes s_0..s_k (s_j on
 * (t_j, t_{j+1}), t_0 = −∞, t_{k+1} = +∞) and the value c = f(t_1) (for k = 0, c = f(0)).
 *
 */
public final class Pwl1d implements PwlSpec {
    private final double[] breakpoints;
    private final double[] slopes;
    private final double value;
    private final double[] knotValues;

    public Pwl1d(double[] breakpoints, double[] slopes, double value) {
        if (slopes.length != breakpoints.length + 1) {
            throw new IllegalArgumentException("a 1-D PL function with " + breakpoints.length + " breakpoints needs "
                    + (breakpoints.length + 1) + " slopes, got " + slopes.length);
        }
        for (int j = 1; j < breakpoints.length; j++) {
            if (!(breakpoints[j] > breakpoints[j - 1])) {
                throw new IllegalArgumentException("breakpoints must increase strictly, got " + breakpoints[j - 1]
                        + " then " + breakpoints[j]);
            }
        }
        for (double v : breakpoints) {
            check(v, "breakpoint");
        }
        for (double v : slopes) {
            check(v, "slope");
        }
        check(value, "value");
        this.breakpoints = breakpoints.clone();
        this.slopes = slopes.clone();
        this.value = value;
        this.knotValues = new double[breakpoints.length];
        double v = value;
        for (int i = 0; i < breakpoints.length; i++) {
            if (i > 0) {
                v += slopes[i] * (breakpoints[i] - breakpoints[i - 1]);
            }
            knotValues[i] = v;
        }
    }

    /** f(t_1) (f(0) without breakpoints). */
    public double value() {
        return value;
    }

    private static void check(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is not finite: " + v);
        }
    }

    /** The function with values y_j at increasing x_j, extended linearly with the end slopes given. */
    public static Pwl1d throughPoints(double[] xs, double[] ys, double slopeLeft, double slopeRight) {
        int k = xs.length;
        double[] s = new double[k + 1];
        s[0] = slopeLeft;
        s[k] = slopeRight;
        for (int j = 1; j < k; j++) {
            s[j] = (ys[j] - ys[j - 1]) / (xs[j] - xs[j - 1]);
        }
        return new Pwl1d(xs, s, ys[0]);
    }

    public int k() {
        return breakpoints.length;
    }

    /** Number of linear pieces k + 1. */
    public int pieces() {
        return breakpoints.length + 1;
    }

    public double[] breakpoints() {
        return breakpoints.clone();
    }

    public double[] slopes() {
        return slopes.clone();
    }

    public double t(int j) {
        return breakpoints[j];
    }

    public double slope(int j) {
        return slopes[j];
    }

    @Override
    public int inputDim() {
        return 1;
    }

    @Override
    public String type() {
        return "pwl1d";
    }

    @Override
    public double value(double[] x) {
        return at(x[0]);
    }

    /** f(x), evaluated from the nearest breakpoint. */
    public double at(double x) {
        int k = breakpoints.length;
        if (k == 0) {
            return value + slopes[0] * x;
        }
        if (x <= breakpoints[0]) {
            return value + slopes[0] * (x - breakpoints[0]);
        }
        // values at breakpoints
        int j = Arrays.binarySearch(breakpoints, x);
        if (j < 0) {
            j = -j - 2; // index of last breakpoint < x
        }
        return valueAt(j) + slopes[j + 1] * (x - breakpoints[j]);
    }

    /** f(t_j) for j = 0..k−1 (0-based). */
    public double valueAt(int j) {
        return knotValues[j];
    }

    /** Slope changes Δ_j = s_j − s_{j−1}, j = 1..k (0-based array of length k). */
    public double[] jumps() {
        double[] d = new double[breakpoints.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = slopes[j + 1] - slopes[j];
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pwl1d p && Arrays.equals(p.breakpoints, breakpoints) && Arrays.equals(p.slopes, slopes)
                && p.value == value;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(breakpoints) * 31 + Arrays.hashCode(slopes);
    }
}
