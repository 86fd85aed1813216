package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PolygonsTest {

    /** The sliver triangle of a trained 2-32-32-1 net's partition (area 4.4e-12, near (0.544, 0.699)). */
    private static final double[] SLIVER = {
        0.54430024, 0.69929425, 0.54429610, 0.69930016, 0.54429525, 0.69929926};

    @Test
    void areaAndCentroidOfASliverFarFromTheOriginKeepTheirAccuracy() {
        // Independent: for a triangle the area is half the cross product of two edges and the centroid is the
        // vertex mean.
        double ex = SLIVER[2] - SLIVER[0];
        double ey = SLIVER[3] - SLIVER[1];
        double fx = SLIVER[4] - SLIVER[0];
        double fy = SLIVER[5] - SLIVER[1];
        double area = 0.5 * (ex * fy - fx * ey);
        assertThat(Polygons.area(SLIVER, 3)).isCloseTo(area, within(1e-12 * Math.abs(area)));
        double[] c = Polygons.centroid(SLIVER, 3);
        assertThat(c[0]).isCloseTo((SLIVER[0] + SLIVER[2] + SLIVER[4]) / 3, within(1e-15));
        assertThat(c[1]).isCloseTo((SLIVER[1] + SLIVER[3] + SLIVER[5]) / 3, within(1e-15));
    }

    @Test
    void unitSquareCentroidAndAreaAndDegenerateFallback() {
        double[] sq = {2, 3, 3, 3, 3, 4, 2, 4};
        assertThat(Polygons.area(sq, 4)).isEqualTo(1.0);
        assertThat(Polygons.centroid(sq, 4)).containsExactly(2.5, 3.5);
        double[] seg = {0, 0, 1, 1, 2, 2};
        assertThat(Polygons.area(seg, 3)).isEqualTo(0.0);
        assertThat(Polygons.centroid(seg, 3)).containsExactly(1.0, 1.0);
    }
}
