package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CentredResidualTest {
    @Test
    void removesTheMeanOfTheResidual() {
        // y − f = (2, −1, 5, 2), mean 2
        CentredResidual c = CentredResidual.of(new double[] {3, 0, 4, 2}, new double[] {1, 1, -1, 0});
        assertEquals(2, c.mean(), 1e-15);
        assertArrayEquals(new double[] {0, -3, 3, 0}, c.r(), 1e-15);
    }

    @Test
    void lengthsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> CentredResidual.of(new double[3], new double[2]));
    }
}
