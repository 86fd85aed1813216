package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Matrix;
import org.junit.jupiter.api.Test;

class DictionariesTest {
    @Test
    void countsMatchTheBinomialFormulas() {
        Matrix x1 = WedgeTest.gaussian(9, 1, 1);
        assertEquals(18, Dictionaries.ramps1d(x1).cols());
        Matrix x2 = WedgeTest.gaussian(9, 2, 2);
        assertEquals(2 * 36, Dictionaries.sampleWedges(x2, true, PenaltyNorm.L2).cols());
        assertEquals(2 * 9, Dictionaries.sampleWedges(x2, false, PenaltyNorm.L2).cols());
        assertEquals(9 * 8 + 4 * 9, Dictionaries.wedgesWithBasis(x2, true, PenaltyNorm.L1).cols());
        Matrix x3 = WedgeTest.gaussian(8, 3, 3);
        assertEquals(2 * 28, Dictionaries.sampleWedges(x3, false, PenaltyNorm.L2).cols());
        assertEquals(2 * 56, Dictionaries.sampleWedges(x3, true, PenaltyNorm.L2).cols());
        assertEquals(110, Dictionaries.wedgesWithBasis(x3, false, PenaltyNorm.L1).cols());
        assertEquals(Dictionaries.basisWedgeCount(8, 3, true).intValueExact(), Dictionaries.wedgesWithBasis(x3, true, PenaltyNorm.L1).cols());
    }

    @Test
    void twoDimensionalColumnsAreTriangleAreasOverBaseLengths() {
        Matrix x = WedgeTest.gaussian(6, 2, 4);
        Dictionary dict = Dictionaries.sampleWedges(x, true, PenaltyNorm.L2);
        double[] col = new double[6];
        int j = 0;
        for (int a = 0; a < 6; a++) {
            for (int b = a + 1; b < 6; b++) {
                double base = Math.hypot(x.get(a, 0) - x.get(b, 0), x.get(a, 1) - x.get(b, 1));
                dict.column(j, col);
                double[] neg = new double[6];
                dict.column(j + 1, neg);
                for (int i = 0; i < 6; i++) {
                    // twice the signed area of triangle (x_i, x_a, x_b) by the shoelace formula
                    double area2 = (x.get(a, 0) - x.get(i, 0)) * (x.get(b, 1) - x.get(i, 1))
                            - (x.get(b, 0) - x.get(i, 0)) * (x.get(a, 1) - x.get(i, 1));
                    assertEquals(Math.abs(area2) / base, col[i] + neg[i], 1e-12);
                    assertEquals(0, col[i] * neg[i], 0);
                }
                j += 2;
            }
        }
    }

    @Test
    void neuronsAreUnitInThePenaltyNorm() {
        Matrix x = WedgeTest.gaussian(7, 3, 5);
        for (PenaltyNorm p : PenaltyNorm.values()) {
            Dictionary d = Dictionaries.wedgesWithBasis(x, true, p);
            for (int j = 0; j < d.cols(); j++) {
                assertEquals(1, p.norm(d.direction(j)), 1e-12);
            }
        }
    }

    @Test
    void deduplicationDropsTheTwoVanishingRampsAndRepeats() {
        Matrix x = WedgeTest.gaussian(10, 1, 6);
        Dictionary d = Dictionaries.deduplicate(Dictionaries.ramps1d(x));
        assertEquals(18, d.cols());
        Matrix twice = Matrix.zeros(4, 1);
        twice.set(0, 0, 1);
        twice.set(1, 0, 1);
        twice.set(2, 0, 2);
        twice.set(3, 0, 3);
        assertEquals(4, Dictionaries.deduplicate(Dictionaries.ramps1d(twice)).cols());
    }

    @Test
    void degenerateTriplesAreSkipped() {
        Matrix x = Matrix.of(new double[] {0, 0, 0}, new double[] {1, 1, 1}, new double[] {2, 2, 2}, new double[] {0, 1, 0});
        Dictionary d = Dictionaries.sampleWedges(x, true, PenaltyNorm.L2);
        assertEquals(2 * 3, d.cols());
        assertTrue(d.description().contains("near-degenerate"));
    }
}
