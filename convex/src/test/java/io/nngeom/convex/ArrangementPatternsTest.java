package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Matrix;
import org.junit.jupiter.api.Test;

class ArrangementPatternsTest {
    @Test
    void exactEnumerationsAttainCoversBound() {
        Matrix x2 = WedgeTest.gaussian(10, 2, 31);
        ArrangementPatterns p = ArrangementPatterns.of(x2, true, 100, 1);
        assertTrue(p.complete());
        assertEquals(92, p.bound());
        assertEquals(91, p.patterns().size());
        Matrix x1 = WedgeTest.gaussian(10, 1, 32);
        ArrangementPatterns q = ArrangementPatterns.of(x1, true, 100, 1);
        assertEquals(q.bound() - 1, q.patterns().size());
        ArrangementPatterns r = ArrangementPatterns.of(x2, false, 100, 1);
        // through the origin the empty (and full) pattern is realisable only if the points lie in a half-plane
        assertTrue(r.patterns().size() == r.bound() || r.patterns().size() == r.bound() - 1, "found " + r.patterns().size());
    }

    @Test
    void sampledPatternsReportTheBound() {
        Matrix x = WedgeTest.gaussian(9, 3, 33);
        ArrangementPatterns p = ArrangementPatterns.of(x, true, 5000, 2);
        assertEquals(2 * (1 + 8 + 28 + 56), p.bound());
        assertTrue(p.patterns().size() <= p.bound() - 1);
        assertTrue(p.patterns().size() > 0.9 * (p.bound() - 1), "found " + p.patterns().size());
        ArrangementPatterns few = ArrangementPatterns.of(x, true, 10, 2);
        assertEquals(10, few.patterns().size());
        assertTrue(!few.complete());
    }
}
