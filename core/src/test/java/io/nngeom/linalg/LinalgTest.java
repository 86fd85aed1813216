package io.nngeom.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinalgTest {
    @Test
    void determinantOfTwoByTwoIsAdMinusBc() {
        assertThat(Linalg.det(Matrix.of(new double[]{3, 1}, new double[]{4, 2}))).isCloseTo(2.0, within(1e-14));
    }
}
