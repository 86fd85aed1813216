package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepDictionaryTest {
    static Matrix xs(double... v) {
        return Matrix.column(v);
    }

    static List<double[]> columns(DeepDictionary d) {
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < d.cols(); j++) {
            double[] c = new double[d.rows()];
            d.column(j, c);
            out.add(c);
        }
        return out;
    }

    static boolean containsUpToConstant(List<double[]> cols, double[] target) {
        for (double[] c : cols) {
            for (double sign : new double[] {1, -1}) {
                double shift = target[0] - sign * c[0];
                boolean same = true;
                for (int i = 0; i < c.length && same; i++) {
                    same = Math.abs(sign * c[i] + shift - target[i]) <= 1e-12;
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void tupleCountsBeforeDeduplication() {
        assertEquals(BigInteger.valueOf(100), DeepDictionary.tupleCount(5, 3));
        assertEquals(BigInteger.valueOf(2000), DeepDictionary.tupleCount(5, 4));
        assertEquals(BigInteger.valueOf(10), DeepDictionary.tupleCount(5, 2));
        assertEquals(100, DeepDictionary.of(xs(0, 1, 3, 4.5, 7), 3).enumerated());
        assertEquals(2000, DeepDictionary.of(xs(0, 1, 3, 4.5, 7), 4).enumerated());
    }

    @Test
    void depthThreeColumnsAreTheCappedRampsOfTheClosedForm() {
        double[] x = {-1.3, -0.2, 0.4, 1.1, 2.5, 2.9};
        DeepDictionary d = DeepDictionary.of(xs(x), 3);
        double[] c = new double[x.length];
        for (int j = 0; j < d.cols(); j++) {
            d.column(j, c);
            int[] idx = d.sampleIndices(j);
            double[] s = d.signs(j);
            double x1 = x[idx[0]];
            double x2 = x[idx[1]];
            for (int i = 0; i < x.length; i++) {
                // (s₂[(s₁(x − x_{j1}))₊ − (s₁(x_{j2} − x_{j1}))₊])₊
                double want = Math.max(s[1] * (Math.max(s[0] * (x[i] - x1), 0) - Math.max(s[0] * (x2 - x1), 0)), 0);
                assertEquals(want, c[i], 1e-15);
                assertEquals(want, d.feature(j, x[i]), 1e-15);
            }
        }
    }

    @Test
    void columnsAreDistinctNonConstantAndContainEveryRamp() {
        double[] x = {0.3, -1.1, 2.0, 0.9, -0.4, 1.6, 2.2};
        for (int depth = 3; depth <= 4; depth++) {
            DeepDictionary d = DeepDictionary.of(xs(x), depth);
            List<double[]> cols = columns(d);
            for (int a = 0; a < cols.size(); a++) {
                double mn = Double.POSITIVE_INFINITY;
                double mx = Double.NEGATIVE_INFINITY;
                for (double v : cols.get(a)) {
                    mn = Math.min(mn, v);
                    mx = Math.max(mx, v);
                }
                assertTrue(mx > mn, "constant column " + a);
                for (int b = a + 1; b < cols.size(); b++) {
                    assertFalse(Arrays.equals(cols.get(a), cols.get(b)), "duplicate columns " + a + ", " + b);
                }
            }
            // deeper chains contain the two-layer ramps (x − x_j)₊ and (x_j − x)₊, up to a constant
            for (double xj : x) {
                double[] right = new double[x.length];
                double[] left = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    right[i] = Math.max(x[i] - xj, 0);
                    left[i] = Math.max(xj - x[i], 0);
                }
                if (Arrays.stream(right).distinct().count() > 1) {
                    assertTrue(containsUpToConstant(cols, right), "depth " + depth + " misses the ramp at " + xj);
                }
                if (Arrays.stream(left).distinct().count() > 1) {
                    assertTrue(containsUpToConstant(cols, left), "depth " + depth + " misses the left ramp at " + xj);
                }
            }
        }
    }

    @Test
    void depthFourHasTheReflectionFeatureOfTheMirrorExample() {
        // samples 0, 4, 5, 7, 10, 11: the chain with innermost breakpoint 2·4 − 0 = 8 and signs (−, −, +) anchored at
        // 4 and 5 is the capped ramp rising from 5 to 8, i.e. 0, 0, 0, 2, 3, 3 on the samples
        double[] x = {0, 4, 5, 7, 10, 11};
        DeepDictionary d = DeepDictionary.of(xs(x), 4);
        double[] want = {0, 0, 0, 2, 3, 3};
        boolean found = false;
        double[] c = new double[x.length];
        for (int j = 0; j < d.cols(); j++) {
            if (d.isReflection(j)) {
                int[] idx = d.sampleIndices(j);
                assertEquals(2 * x[idx[1]] - x[idx[0]], d.anchors(j)[0], 0);
            }
            d.column(j, c);
            if (Arrays.equals(c, want)) {
                found = true;
            }
        }
        assertTrue(found);
        // between samples the reflection chain is the capped ramp with the breakpoint at 8, not at a sample
        double[] s = {-1, -1, 1};
        double[] a = {8, 4, 5};
        double[] lv = DeepDictionary.levels(s, a);
        assertEquals(3, DeepDictionary.chain(s, lv, 8.0), 1e-15);
        assertEquals(2.5, DeepDictionary.chain(s, lv, 7.5), 1e-15);
        assertEquals(3, DeepDictionary.chain(s, lv, 9.0), 1e-15);
        assertEquals(0, DeepDictionary.chain(s, lv, 4.5), 1e-15);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DeepDictionary.of(xs(1, 2, 3), 2));
        assertThrows(IllegalArgumentException.class, () -> DeepDictionary.of(Matrix.zeros(3, 2), 3));
        Matrix big = Matrix.zeros(200, 1);
        for (int i = 0; i < 200; i++) {
            big.set(i, 0, i);
        }
        assertThrows(InputException.class, () -> DeepDictionary.of(big, 4));
    }
}
