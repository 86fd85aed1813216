package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

class PartitionSvgTest {
    /** HSL to RGB by way of HSV and {@link java.awt.Color#HSBtoRGB}: an independent route to the CSS colour. */
    private static int hslViaHsv(double h, double s, double l) {
        double v = l + s * Math.min(l, 1 - l);
        double sv = v == 0 ? 0 : 2 * (1 - l / v);
        return Color.HSBtoRGB((float) (h / 360), (float) sv, (float) v) & 0xFFFFFF;
    }

    @Test
    void hexColoursAreTheCssHslColours() {
        // a hand-computed case: hsl(120, 60 %, 70 %): C = 0.36, m = 0.52, so (m, m + C, m) = (133, 224, 133)
        assertThat(PartitionSvg.hex(120, 0.6, 0.7)).isEqualTo("#85e085");
        for (int h = 0; h < 360; h += 7) {
            for (int l = 70; l < 85; l += 3) {
                int got = Integer.parseInt(PartitionSvg.hex(h, 0.6, l / 100.0).substring(1), 16);
                int want = hslViaHsv(h, 0.6, l / 100.0);
                for (int sh = 0; sh < 24; sh += 8) {
                    assertThat(Math.abs(((got >> sh) & 0xFF) - ((want >> sh) & 0xFF))).as("h %d l %d", h, l).isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void aPatternAlwaysGetsTheSameColour() {
        var cache = new HashMap<Long, String>();
        String a = PartitionSvg.colour("0110", cache);
        assertThat(PartitionSvg.colour("0110", new HashMap<>())).isEqualTo(a);
        assertThat(a).matches("#[0-9a-f]{6}");
    }
}
