package io.nngeom.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FmtTest {

    @Test
    void numbersAreCompactAndHonest() {
        assertThat(Fmt.num(3)).isEqualTo("3");
        assertThat(Fmt.num(-2e9)).isEqualTo("-2000000000");
        assertThat(Fmt.num(0.5)).isEqualTo("0.5");
        assertThat(Fmt.num(0.123456)).isEqualTo("0.1235");
        assertThat(Fmt.num(1e-10)).isEqualTo("1e-10");
        assertThat(Fmt.num(-1.23456e-7)).isEqualTo("-1.235e-7");
        assertThat(Fmt.num(3.2e-7)).isEqualTo("3.2e-7");
        assertThat(Fmt.num(1.25e7 + 0.5)).isEqualTo("1.25e7");
        assertThat(Fmt.num(Double.NaN)).isEqualTo("NaN");
        assertThat(Fmt.num(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
        assertThat(Fmt.full(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void valuesOfAnyShape() {
        assertThat(Fmt.value(new int[] {2, 64, 1})).isEqualTo("[2, 64, 1]");
        assertThat(Fmt.value(List.of(0.25, 1e-12))).isEqualTo("[0.25, 1e-12]");
        assertThat(Fmt.value("relu")).isEqualTo("relu");
        assertThat(Fmt.value(null)).isEmpty();
    }

    @Test
    void seconds() {
        assertThat(Fmt.seconds(0.123)).isEqualTo("0.12 s");
        assertThat(Fmt.seconds(42.0)).isEqualTo("42.0 s");
        assertThat(Fmt.seconds(125)).isEqualTo("2 min 5 s");
    }
}
