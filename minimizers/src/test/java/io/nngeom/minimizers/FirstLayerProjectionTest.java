package io.nngeom.minimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nngeom.data.Dataset;
import io.nngeom.io.RealData;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import org.junit.jupiter.api.Test;

/**
 * Inputs with d ≠ Q: the construction runs on the affinely mapped data and the folded network, evaluated on the raw
 * inputs by a plain forward pass, maps every example to its one-hot target.
 */
class FirstLayerProjectionTest {
    /** A zero-cost construction reproduces its targets to rounding: |f(x) − y| ≤ 1e-8 per coordinate. */
    static final double EXACT = 1e-8;

    @Test
    void moreInputsThanClassesAreMappedOntoTheMeansAffineSpan() {
        Dataset d = ClusteredData.generate(3, 7, 60, 0.05, 11);
        BuildResult r = Minimizers.build(d, BuildOptions.defaults(3));
        assertThat(r.projection()).isNotNull();
        assertThat(r.projection().rule()).contains("affine span of the 3 class means");
        assertThat(r.model().inputDim()).isEqualTo(7);
        assertThat(r.cost()).isLessThan(1e-16);
        assertReproducesTargets(r, d);
    }

    @Test
    void fewerInputsThanClassesArePaddedAndLifted() {
        // three tight clusters at the corners of a triangle in the plane
        double[][] corners = {{0, 0}, {4, 0}, {0, 4}};
        int per = 10;
        Matrix x = Matrix.zeros(3 * per, 2);
        int[] labels = new int[3 * per];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < per; i++) {
                int r = j * per + i;
                double a = 2 * Math.PI * i / per;
                x.set(r, 0, corners[j][0] + 0.05 * Math.cos(a));
                x.set(r, 1, corners[j][1] + 0.05 * Math.sin(a));
                labels[r] = j;
            }
        }
        Dataset d = Dataset.classification(x, labels, 3);
        BuildResult r = Minimizers.build(d, BuildOptions.defaults(4));
        assertThat(r.projection().rule()).contains("padded");
        assertThat(r.model().inputDim()).isEqualTo(2);
        assertReproducesTargets(r, d);
    }

    @Test
    void squareInputsHaveNoProjection() {
        Dataset d = ClusteredData.generate(3, 30, 0.05, 3);
        assertThat(Minimizers.build(d, BuildOptions.defaults(3)).projection()).isNull();
    }

    @Test
    void irisIsRefusedSayingWhereTheConditionWasChecked() {
        // the shipped iris data (4 inputs, 3 classes): versicolor and virginica overlap once projected
        Dataset d = RealData.load("iris-train", true);
        assertThatThrownBy(() -> Minimizers.build(d, BuildOptions.defaults(3)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("after the affine first layer")
                .hasMessageContaining("clustering condition");
    }

    private static void assertReproducesTargets(BuildResult r, Dataset d) {
        Matrix out = r.model().apply(d.x());
        double worst = 0;
        for (int i = 0; i < d.size(); i++) {
            for (int k = 0; k < d.targetDim(); k++) {
                worst = Math.max(worst, Math.abs(out.get(i, k) - d.y().get(i, k)));
            }
        }
        assertThat(worst).isLessThan(EXACT);
    }
}
