package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import org.junit.jupiter.api.Test;

class SubspacesTest {

    @Test
    void tinyAnglesKeepRelativeAccuracy() {
        for (double t : new double[]{1e-3, 1e-9, 1e-14}) {
            Matrix a = Matrix.of(new double[]{1, 0}, new double[]{0, 1}, new double[]{0, 0});
            Matrix b = Matrix.of(new double[]{1, 0}, new double[]{0, Math.cos(t)}, new double[]{0, Math.sin(t)});
            assertThat(Subspaces.sinThetaMax(a, b)).isCloseTo(Math.sin(t), within(1e-3 * Math.sin(t)));
        }
    }

    @Test
    void invariantToBasisChangeAndScale() {
        Matrix a = Matrix.of(new double[]{1, 2}, new double[]{3, 4}, new double[]{5, 7});
        Matrix t = Matrix.of(new double[]{2, 1}, new double[]{-1, 3});
        assertThat(Subspaces.sinThetaMax(a, a.times(t).scale(1e-6))).isLessThan(1e-12);
        Matrix orth = Matrix.of(new double[]{0}, new double[]{0}, new double[]{1});
        Matrix e1 = Matrix.of(new double[]{1}, new double[]{0}, new double[]{0});
        assertThat(Subspaces.sinThetaMax(e1, orth)).isCloseTo(1.0, within(1e-15));
    }
}
