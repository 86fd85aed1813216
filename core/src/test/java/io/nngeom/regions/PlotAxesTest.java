package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlotAxesTest {
    @Test
    void ticksAreRoundAndInsideTheRange() {
        assertThat(PlotAxes.ticks(-1, 1, 6)).containsExactly(-1, -0.5, 0, 0.5, 1);
        assertThat(PlotAxes.ticks(-1.3, 2.3, 6)).containsExactly(-1, 0, 1, 2);
        assertThat(PlotAxes.ticks(0, 224, 6)).containsExactly(0, 50, 100, 150, 200);
        double[] small = PlotAxes.ticks(0.0012, 0.0019, 6);
        assertThat(small).hasSizeBetween(3, 8);
        for (double t : small) {
            assertThat(t).isBetween(0.0012, 0.0019);
        }
    }

    @Test
    void tickLabelsAreShortWithATrueMinus() {
        assertThat(PlotAxes.label(0)).isEqualTo("0");
        assertThat(PlotAxes.label(-0.5)).isEqualTo("−0.5");
        assertThat(PlotAxes.label(150)).isEqualTo("150");
        assertThat(PlotAxes.label(0.30000000000000004)).isEqualTo("0.3");
        assertThat(PlotAxes.label(2.5e-7)).isEqualTo("2.5e−7");
        assertThat(PlotAxes.label(123456)).isEqualTo("1.235e5");
    }

    @Test
    void theColourScaleRunsThroughItsStops() {
        assertThat(PlotAxes.scale(0)).isEqualTo("#440154");
        assertThat(PlotAxes.scale(0.5)).isEqualTo("#21918c");
        assertThat(PlotAxes.scale(1)).isEqualTo("#fde725");
        assertThat(PlotAxes.scale(-3)).isEqualTo("#440154");
        assertThat(PlotAxes.scale(Double.NaN)).isEqualTo("#440154");
        // halfway between the first two stops: the rounded channel means
        assertThat(PlotAxes.scale(0.125)).isEqualTo(String.format("#%02x%02x%02x", Math.round((0x44 + 0x3b) / 2.0),
                Math.round((0x01 + 0x52) / 2.0), Math.round((0x54 + 0x8b) / 2.0)));
    }
}
