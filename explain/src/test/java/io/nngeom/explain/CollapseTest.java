package io.nngeom.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nngeom.linalg.Matrix;
import org.junit.jupiter.api.Test;

class CollapseTest {

    /** Two classes on a line at ±1 ± δ: Σ_W = δ², Σ_B = 1 (K = 2), so NC1 = δ²/2; radius δ over gap 2. */
    @Test
    void twoClassesOnALineMatchTheClosedForm() {
        double delta = 0.3;
        Matrix f = Matrix.column(1 - delta, 1 + delta, -1 - delta, -1 + delta);
        Collapse c = Collapse.of(f, new int[] {0, 0, 1, 1}, 2);
        assertEquals(delta * delta / 2, c.nc1(), 1e-15);
        assertEquals(delta / 2, c.spreadRatio(), 1e-15);
    }

    /** Every class one point, as in the explicit minimizers' last hidden layer: NC1 = 0 and spread 0. */
    @Test
    void collapsedClassesHaveZeroNc1() {
        Matrix f = Matrix.of(new double[] {1, 0}, new double[] {1, 0}, new double[] {0, 2}, new double[] {0, 2}, new double[] {3, 3});
        Collapse c = Collapse.of(f, new int[] {0, 0, 1, 1, 2}, 3);
        assertEquals(0, c.nc1(), 0);
        assertEquals(0, c.spreadRatio(), 0);
    }

    /** A dead unit (a zero column) changes nothing: Σ_B⁺ is a pseudo-inverse. */
    @Test
    void aDeadUnitChangesNothing() {
        double delta = 0.3;
        Matrix f = Matrix.of(new double[] {1 - delta, 0}, new double[] {1 + delta, 0}, new double[] {-1 - delta, 0},
                new double[] {-1 + delta, 0});
        assertEquals(delta * delta / 2, Collapse.of(f, new int[] {0, 0, 1, 1}, 2).nc1(), 1e-15);
    }

    @Test
    void activityCountsDeadAndAlwaysActiveUnits() {
        Matrix z = Matrix.of(new double[] {-1, 2, 0, 1}, new double[] {-3, 1, 5, 0}, new double[] {0, 4, -1, 2});
        Activity a = Activity.of(z);
        assertEquals(1, a.deadUnits());
        assertEquals(1, a.alwaysActiveUnits());
        assertArrayEquals(new int[] {0}, a.dead());
        assertArrayEquals(new int[] {1}, a.alwaysActive());
        assertArrayEquals(new double[] {0, 1, 1.0 / 3, 2.0 / 3}, a.rates(), 0);
    }
}
