package io.nngeom.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UpdatableQrTest {
    private static double[] gaussian(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    /** Solves the normal equations A_Sᵀ A_S u = A_Sᵀ b with the factors and compares with LU on the Gram matrix. */
    private static void checkAgainstGram(UpdatableQr qr, List<double[]> cols, double[] b) {
        int n = b.length;
        int k = cols.size();
        assertEquals(k, qr.size());
        Matrix a = Matrix.zeros(n, k);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                a.set(i, j, cols.get(j)[i]);
            }
        }
        double[] ref = Linalg.solve(Linalg.multTransA(a, a), a.transpose().times(b));
        double[] u = qr.qtv(b);
        qr.solveR(u);
        for (int j = 0; j < k; j++) {
            assertEquals(ref[j], u[j], 1e-9 * (1 + Math.abs(ref[j])), "coefficient " + j);
        }
        // R⁻ᵀ then R⁻¹ of s equals (AᵀA)⁻¹ s
        double[] s = new double[k];
        for (int j = 0; j < k; j++) {
            s[j] = j % 2 == 0 ? 1 : -1;
        }
        double[] ref2 = Linalg.solve(Linalg.multTransA(a, a), s);
        double[] v = s.clone();
        qr.solveRt(v);
        qr.solveR(v);
        for (int j = 0; j < k; j++) {
            assertEquals(ref2[j], v[j], 1e-9 * (1 + Math.abs(ref2[j])), "Gram solve " + j);
        }
    }

    @Test
    void addAndRemoveKeepAValidFactorisation() {
        int n = 12;
        SplittableRandom rng = new SplittableRandom(5);
        UpdatableQr qr = new UpdatableQr(n, 20);
        List<double[]> cols = new ArrayList<>();
        double[] b = gaussian(rng, n);
        for (int step = 0; step < 40; step++) {
            boolean remove = cols.size() == n || (cols.size() > 2 && rng.nextInt(3) == 0);
            if (remove) {
                int pos = rng.nextInt(cols.size());
                qr.remove(pos);
                cols.remove(pos);
            } else {
                double[] c = gaussian(rng, n);
                double[] data = new double[n + 3];
                System.arraycopy(c, 0, data, 3, n);
                assertTrue(qr.add(data, 3));
                cols.add(c);
            }
            checkAgainstGram(qr, cols, b);
        }
    }

    @Test
    void dependentColumnIsRefusedWithItsCoefficients() {
        int n = 8;
        SplittableRandom rng = new SplittableRandom(6);
        UpdatableQr qr = new UpdatableQr(n, n);
        double[] c0 = gaussian(rng, n);
        double[] c1 = gaussian(rng, n);
        double[] c2 = gaussian(rng, n);
        assertTrue(qr.add(c0, 0));
        assertTrue(qr.add(c1, 0));
        assertTrue(qr.add(c2, 0));
        qr.remove(1);
        double[] dep = new double[n];
        for (int i = 0; i < n; i++) {
            dep[i] = 2 * c0[i] - 0.5 * c2[i];
        }
        assertFalse(qr.add(dep, 0));
        assertEquals(2, qr.size());
        double[] w = qr.dependentCoefficients();
        assertEquals(2, w[0], 1e-12);
        assertEquals(-0.5, w[1], 1e-12);
        // the refused column left the factorisation unchanged
        List<double[]> cols = List.of(c0, c2);
        checkAgainstGram(qr, cols, gaussian(rng, n));
    }
}
