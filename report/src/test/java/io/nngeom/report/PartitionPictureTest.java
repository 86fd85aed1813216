package io.nngeom.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.linalg.Matrix;
import io.nngeom.plot.SvgFigure;
import io.nngeom.regions.Box;
import io.nngeom.regions.LinearRegion;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PartitionStyle;
import io.nngeom.regions.PartitionSvg;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partition pictures of any size become PNGs whose pixels show each region's own colour. */
class PartitionPictureTest {
    @TempDir
    Path tmp;

    /** A side × side grid of unit squares on [0, side]², each its own pattern and with slope i + j. */
    static Partition grid(int side) {
        List<LinearRegion> regions = new ArrayList<>(side * side);
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                boolean[] pattern = new boolean[32];
                int id = i * side + j;
                for (int b = 0; b < 32; b++) {
                    pattern[b] = ((id >> (b % 16)) & 1) == 1 ^ b >= 16;
                }
                Matrix a = Matrix.zeros(1, 2);
                a.set(0, 0, i + j);
                double[] poly = {i, j, i + 1, j, i + 1, j + 1, i, j + 1};
                regions.add(new LinearRegion(pattern, a, new double[] {0}, poly, new double[] {i + 0.5, j + 0.5}, Double.NaN));
            }
        }
        return new Partition("grid", new Box(new double[] {0, 0}, new double[] {side, side}), regions, new double[0], 0, 0);
    }

    @Test
    void fiftyThousandRegionsBecomeAPngWithEveryRegionInItsColour() throws Exception {
        int side = 224; // 50,176 regions
        Partition p = grid(side);
        assertThat(p.count()).isGreaterThanOrEqualTo(50_000);
        SvgFigure fig = PartitionSvg.figure("grid", "Grid", p);
        FigureWriter.Written w = FigureWriter.write(fig, tmp);
        BufferedImage img = ImageIO.read(w.png().toFile());
        assertThat(img).isNotNull();
        int checked = 0;
        for (int i = 0; i < side; i += 17) {
            for (int j = 0; j < side; j += 13) {
                LinearRegion r = p.regions().get(i * side + j);
                double[] px = PartitionSvg.pixel(p.box(), i + 0.5, j + 0.5);
                int got = img.getRGB((int) Math.floor(px[0]), (int) Math.floor(px[1])) & 0xFFFFFF;
                int want = Integer.parseInt(PartitionSvg.patternColour(r.patternKey()).substring(1), 16);
                for (int sh = 0; sh < 24; sh += 8) {
                    assertThat(Math.abs(((got >> sh) & 0xFF) - ((want >> sh) & 0xFF))).as("cell %d,%d", i, j).isLessThanOrEqualTo(3);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void slopeColouringRunsFromTheLowToTheHighEndOfTheScale() {
        Partition p = grid(6);
        String svg = PartitionSvg.svg(p, "slopes", PartitionStyle.plain().withColour(PartitionStyle.Colour.SLOPE));
        BufferedImage img = SvgRaster.render(svg, 1);
        double[] lo = PartitionSvg.pixel(p.box(), 0.5, 0.5);
        double[] hi = PartitionSvg.pixel(p.box(), 5.5, 5.5);
        // slope 0 is the scale's dark violet end (#440154), slope 10 its yellow end (#fde725)
        assertThat(img.getRGB((int) lo[0], (int) lo[1]) & 0xFFFFFF).isEqualTo(0x440154);
        assertThat(img.getRGB((int) hi[0], (int) hi[1]) & 0xFFFFFF).isEqualTo(0xfde725);
        assertThat(svg).contains("Fill: slope", ">0<", ">10<");
    }
}
