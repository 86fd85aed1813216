package io.nngeom.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nngeom.linalg.Matrix;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaskedBlocksTest {
    private static List<BitSet> masks(int n, int groups, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<BitSet> m = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            BitSet b = new BitSet();
            for (int k = 0; k < n; k++) {
                if (rng.nextDouble() < 0.5) {
                    b.set(k);
                }
            }
            m.add(b);
        }
        return m;
    }

    private static double[] vec(int len, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = rng.nextDouble() - 0.5;
        }
        return v;
    }

    @Test
    void fusedProductsEqualTheDenseMatrix() {
        int n = 40;
        int d = 3;
        int groups = 7;
        Matrix x = LassoSolverContract.randomMatrix(n, d, 5);
        List<BitSet> m = masks(n, groups, 6);
        MaskedBlocks b = MaskedBlocks.of(x, m, false);
        // the materialised [D_1 X … D_G X], built directly from the masks
        Matrix a = Matrix.zeros(n, groups * d);
        for (int g = 0; g < groups; g++) {
            for (int k = 0; k < n; k++) {
                if (m.get(g).get(k)) {
                    for (int c = 0; c < d; c++) {
                        a.set(k, g * d + c, x.get(k, c));
                    }
                }
            }
        }
        double[] u = vec(groups * d, 7);
        double[] out = new double[n];
        b.timesAll(u, out);
        assertArrayEquals(a.times(u), out, 1e-12);
        double[] v = vec(n, 8);
        double[] c = new double[groups * d];
        b.transposeTimesAll(v, c);
        double[] ref = new double[groups * d];
        for (int j = 0; j < groups * d; j++) {
            for (int k = 0; k < n; k++) {
                ref[j] += a.get(k, j) * v[k];
            }
        }
        assertArrayEquals(ref, c, 1e-12);
        double[] blk = new double[n * d];
        b.block(2, blk);
        for (int k = 0; k < n; k++) {
            for (int q = 0; q < d; q++) {
                assertEquals(a.get(k, 2 * d + q), blk[q * n + k]);
            }
        }
    }

    @Test
    void twoThreadsAreBitIdenticalToOne() {
        int n = 3000;
        int d = 10;
        int groups = 60;
        Matrix x = LassoSolverContract.randomMatrix(n, d, 9);
        List<BitSet> m = masks(n, groups, 10);
        MaskedBlocks serial = MaskedBlocks.of(x, m, false);
        MaskedBlocks par = MaskedBlocks.of(x, m, true);
        double[] u = vec(groups * d, 11);
        double[] v = vec(n, 12);
        double[] o1 = new double[n];
        double[] o2 = new double[n];
        serial.timesAll(u, o1);
        par.timesAll(u, o2);
        assertArrayEquals(o1, o2, 0.0);
        double[] c1 = new double[groups * d];
        double[] c2 = new double[groups * d];
        serial.transposeTimesAll(v, c1);
        par.transposeTimesAll(v, c2);
        assertArrayEquals(c1, c2, 0.0);
    }

    /** Gate masks 1[Xg ≥ 0] of Gaussian gates: structured, so neighbouring rows and gates share most of their sets. */
    private static List<BitSet> gateMasks(Matrix x, int gates, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<BitSet> m = new ArrayList<>();
        for (int g = 0; g < gates; g++) {
            double[] gv = new double[x.cols()];
            for (int j = 0; j < gv.length; j++) {
                gv[j] = rng.nextGaussian();
            }
            BitSet b = new BitSet();
            for (int k = 0; k < x.rows(); k++) {
                double a = 0;
                for (int j = 0; j < gv.length; j++) {
                    a += x.get(k, j) * gv[j];
                }
                if (a >= 0) {
                    b.set(k);
                }
            }
            m.add(b);
        }
        return m;
    }

    /** The chained kernels equal the direct ones to rounding and are bit-identical on one or two threads. */
    @Test
    void chainedKernelsEqualTheDirectOnesAndAreDeterministic() {
        int n = 3000;
        int d = 4;
        int groups = 300;
        Matrix x = LassoSolverContract.randomMatrix(n, d, 13);
        List<BitSet> m = gateMasks(x, groups, 14);
        MaskedBlocks direct = MaskedBlocks.of(x, m, false, false);
        MaskedBlocks serial = MaskedBlocks.of(x, m, false, true);
        MaskedBlocks par = MaskedBlocks.of(x, m, true, true);
        assertArrayEquals(new boolean[] {false, false}, direct.chained());
        assertArrayEquals(new boolean[] {true, true}, serial.chained(), "gate masks must make the chains pay");
        double[] u = vec(groups * d, 15);
        double[] v = vec(n, 16);
        double[] o0 = new double[n];
        double[] o1 = new double[n];
        double[] o2 = new double[n];
        direct.timesAll(u, o0);
        serial.timesAll(u, o1);
        par.timesAll(u, o2);
        assertArrayEquals(o0, o1, 1e-12);
        assertArrayEquals(o1, o2, 0.0);
        double[] c0 = new double[groups * d];
        double[] c1 = new double[groups * d];
        double[] c2 = new double[groups * d];
        direct.transposeTimesAll(v, c0);
        serial.transposeTimesAll(v, c1);
        par.transposeTimesAll(v, c2);
        assertArrayEquals(c0, c1, 1e-12);
        assertArrayEquals(c1, c2, 0.0);
        // a subset keeps chaining where it pays and stays exact
        int[] pick = {5, 17, 2, 250, 251, 99, 100, 101, 3, 4, 6, 7, 8, 9, 10, 11, 12};
        MaskedBlocks sub = serial.subset(pick);
        double[] us = vec(pick.length * d, 17);
        double[] full = new double[groups * d];
        for (int q = 0; q < pick.length; q++) {
            System.arraycopy(us, q * d, full, pick[q] * d, d);
        }
        double[] s1 = new double[n];
        sub.timesAll(us, s1);
        direct.timesAll(full, o0);
        assertArrayEquals(o0, s1, 1e-12);
    }

    @Test
    void maskRowOutsideTheDataIsRejected() {
        Matrix x = LassoSolverContract.randomMatrix(5, 2, 1);
        BitSet b = new BitSet();
        b.set(5);
        assertThrows(IllegalArgumentException.class, () -> MaskedBlocks.of(x, List.of(b), false));
    }
}
