package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.io.RealData;
import io.nngeom.linalg.Matrix;
import io.nngeom.regions.RegionBounds;
import java.math.BigInteger;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ArrangementPatternsTest {
    @Test
    void exactEnumerationsAttainCoversBound() {
        Matrix x2 = WedgeTest.gaussian(10, 2, 31);
        ArrangementPatterns p = ArrangementPatterns.of(x2, true, 100, 1);
        assertTrue(p.complete());
        assertEquals(BigInteger.valueOf(92), p.bound());
        assertEquals(91, p.patterns().size());
        Matrix x1 = WedgeTest.gaussian(10, 1, 32);
        ArrangementPatterns q = ArrangementPatterns.of(x1, true, 100, 1);
        assertEquals(q.bound().intValueExact() - 1, q.patterns().size());
        ArrangementPatterns r = ArrangementPatterns.of(x2, false, 100, 1);
        // through the origin the empty (and full) pattern is realisable only if the points lie in a half-plane
        int b = r.bound().intValueExact();
        assertTrue(r.patterns().size() == b || r.patterns().size() == b - 1, "found " + r.patterns().size());
    }

    @Test
    void raysEnumerateEveryChamberInThreeAndFourDimensions() {
        for (int d = 3; d <= 4; d++) {
            Matrix x = WedgeTest.gaussian(9, d, 33 + d);
            ArrangementPatterns p = ArrangementPatterns.of(x, true, 5000, 2);
            // general position: exactly Cover's count of chambers, the empty one dropped
            assertTrue(p.complete(), p.how());
            assertEquals(p.bound().intValueExact() - 1, p.patterns().size());
            // every pattern found by random gates is among them (an independent route)
            ArrangementPatterns sampled = ArrangementPatterns.of(x, true, 100, 3);
            assertFalse(sampled.complete());
            assertTrue(new HashSet<>(p.patterns()).containsAll(sampled.patterns()));
        }
        assertEquals(BigInteger.valueOf(2 * (1 + 8 + 28 + 56)), ArrangementPatterns.coverBound(9, 3, true));
    }

    @Test
    void withoutBiasTheEmptyChamberIsCountedOnlyWhereItExists() {
        // points all around the origin: no open half-space holds them, so every chamber is non-empty
        Matrix around = WedgeTest.gaussian(8, 3, 41);
        ArrangementPatterns a = ArrangementPatterns.of(around, false, 1000, 1);
        // points in the half-space x_0 > 0: the empty chamber exists and is not in the list
        Matrix half = around.copy();
        for (int i = 0; i < half.rows(); i++) {
            half.set(i, 0, Math.abs(half.get(i, 0)) + 0.1);
        }
        ArrangementPatterns h = ArrangementPatterns.of(half, false, 1000, 1);
        assertTrue(a.complete(), a.how());
        assertTrue(h.complete(), h.how());
        int b = a.bound().intValueExact();
        assertEquals(b, a.patterns().size());
        assertEquals(b - 1, h.patterns().size());
    }

    @Test
    void countsOfRealDataDoNotOverflowAndSampledSetsAreNotComplete() {
        // breast cancer, 426 x 30: C(425, k) overflows 64 bits for k >= 13; the bound is exact and positive
        Dataset bc = RealData.load("breast-cancer-train");
        ArrangementPatterns p = ArrangementPatterns.of(bc.x(), false, 20, 1);
        BigInteger expected = BigInteger.ZERO;
        for (int k = 0; k < 30; k++) {
            expected = expected.add(RegionBounds.binomial(425, k));
        }
        assertEquals(expected.shiftLeft(1), p.bound());
        assertTrue(p.bound().bitLength() > 63);
        assertFalse(p.complete());
        assertEquals(20, p.patterns().size());
        assertTrue(Dictionaries.sampleWedgeCount(342, 10, true).signum() > 0);
        assertEquals(RegionBounds.binomial(342, 10).shiftLeft(1), Dictionaries.sampleWedgeCount(342, 10, true));
    }
}
