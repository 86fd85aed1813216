package io.nngeom.explain;

import io.nngeom.linalg.Matrix;

/**
 * Activity of a hidden layer on the data: a unit is on for an example when its pre-activation is &gt; 0 (strictly,
 * as in {@code ForwardTrace.pattern}). Dead units are never on, always-active units are on for every example; a
 * dead ReLU unit contributes nothing to the layers above, an always-active one acts as an affine unit on the data.
 *
 * @param deadUnits number of units never on
 * @param alwaysActiveUnits number of units on for every example
 * @param dead indices of the dead units
 * @param alwaysActive indices of the always-active units
 * @param rates fraction of the examples on which each unit is on
 */
public record Activity(int deadUnits, int alwaysActiveUnits, int[] dead, int[] alwaysActive, double[] rates) {

    /** The activity of the units whose pre-activations are the columns of {@code z} (rows are examples). */
    public static Activity of(Matrix z) {
        int n = z.rows();
        int m = z.cols();
        int[] on = new int[m];
        double[] a = z.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (a[i * m + j] > 0) {
                    on[j]++;
                }
            }
        }
        double[] rates = new double[m];
        int dead = 0;
        int always = 0;
        for (int j = 0; j < m; j++) {
            rates[j] = n == 0 ? 0 : (double) on[j] / n;
            dead += on[j] == 0 ? 1 : 0;
            always += n > 0 && on[j] == n ? 1 : 0;
        }
        int[] d = new int[dead];
        int[] al = new int[always];
        for (int j = 0, p = 0, q = 0; j < m; j++) {
            if (on[j] == 0) {
                d[p++] = j;
            }
            if (n > 0 && on[j] == n) {
                al[q++] = j;
            }
        }
        return new Activity(dead, always, d, al, rates);
    }

    /** Mean activity rate over the units. */
    public double meanRate() {
        double s = 0;
        for (double r : rates) {
            s += r;
        }
        return rates.length == 0 ? 0 : s / rates.length;
    }
}
