package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WedgeTest {
    static Matrix gaussian(int r, int c, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(r, c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m.set(i, j, rng.nextGaussian());
            }
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 10})
    void crossProductIdentities(int d) {
        Matrix m = gaussian(d - 1, d, d);
        double[] c = Wedge.cross(m);
        // M c = 0
        double[] mc = m.times(c);
        for (double v : mc) {
            assertEquals(0, v, 1e-12 * Linalg.norm2(c));
        }
        // ⟨x, c⟩ = det[x; M]
        double[] x = gaussian(1, d, 100 + d).rowArray(0);
        assertEquals(Linalg.det(Wedge.stack(x, m)), Linalg.dot(x, c), 1e-10 * (1 + Math.abs(Linalg.dot(x, c))));
        // ‖c‖ = √det(M Mᵀ)
        assertEquals(Math.sqrt(Linalg.det(Linalg.multTransB(m, m))), Linalg.norm2(c), 1e-10 * Linalg.norm2(c));
        assertFalse(Wedge.isDegenerate(m, c));
    }

    @Test
    void qrAndCofactorsAgree() {
        for (int d : new int[] {4, 5, 7}) {
            Matrix m = gaussian(d - 1, d, 7 * d);
            assertArrayEquals(Wedge.crossByCofactors(m), Wedge.crossByQr(m), 1e-10);
        }
    }

    @Test
    void twoAndThreeDimensionalSpecialCases() {
        assertArrayEquals(new double[] {2, -1}, Wedge.cross(Matrix.of(new double[] {1, 2})), 0);
        double[] c = Wedge.cross(Matrix.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}));
        assertArrayEquals(new double[] {0, 0, 1}, c, 0);
    }

    @Test
    void wedgeCoordinatesAreMinorsAndGiveTheVolume() {
        Matrix v = gaussian(2, 3, 11);
        double[] coords = Wedge.coordinates(v); // e01, e02, e12
        double[] c = Wedge.cross(v);            // Hodge dual: (e12, −e02, e01)
        assertEquals(c[0], coords[2], 1e-12);
        assertEquals(-c[1], coords[1], 1e-12);
        assertEquals(c[2], coords[0], 1e-12);
        double norm = Math.sqrt(coords[0] * coords[0] + coords[1] * coords[1] + coords[2] * coords[2]);
        assertEquals(Wedge.parallelotopeVolume(v), norm, 1e-12);
    }

    @Test
    void simplexVolumeIsHalfTheShoelaceArea() {
        Matrix p = Matrix.of(new double[] {0, 0}, new double[] {2, 0}, new double[] {0, 3});
        assertEquals(3.0, Wedge.simplexVolume(p), 1e-14);
        Matrix q = Matrix.of(new double[] {0, 0}, new double[] {0, 3}, new double[] {2, 0});
        assertEquals(-3.0, Wedge.simplexVolume(q), 1e-14);
        Matrix t = Matrix.of(new double[] {0, 0, 0}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1});
        assertEquals(1.0 / 6, Wedge.simplexVolume(t), 1e-15);
        assertEquals(1.0, Wedge.signedVolume(Matrix.identity(3)), 0);
    }

    @Test
    void nearDegenerateSetsAreDetected() {
        Matrix m = Matrix.of(new double[] {1, 2, 3}, new double[] {2, 4, 6 + 1e-12});
        assertTrue(Wedge.isDegenerate(m, Wedge.cross(m)));
        Matrix ok = Matrix.of(new double[] {1, 2, 3}, new double[] {2, 4, 6.1});
        assertFalse(Wedge.isDegenerate(ok, Wedge.cross(ok)));
    }
}
