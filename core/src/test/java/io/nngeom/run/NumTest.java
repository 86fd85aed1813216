package io.nngeom.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumTest {
    @Test
    void sixSignificantDigitsTrailingZerosDropped() {
        assertThat(Num.show(0.012345678)).isEqualTo("0.0123457");
        assertThat(Num.show(1.0 / 3)).isEqualTo("0.333333");
        assertThat(Num.show(2.5)).isEqualTo("2.5");
        assertThat(Num.show(123456.7)).isEqualTo("123457");
        assertThat(Num.show(-7.0)).isEqualTo("-7");
        assertThat(Num.show(1.5e-9)).isEqualTo("1.5e-9");
        assertThat(Num.show(6.02214076e23)).isEqualTo("6.02214e23");
        assertThat(Num.show(Double.NaN)).isEqualTo("NaN");
        assertThat(Num.show(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void readsBackWithinSixDigits() {
        for (double v : new double[] {Math.PI, -Math.E * 1e-7, 9.99999949e5, 1.23456789e-4, 0.1 + 0.2}) {
            double back = Double.parseDouble(Num.show(v));
            assertThat(Math.abs(back - v)).isLessThanOrEqualTo(5e-6 * Math.abs(v));
        }
    }
}
