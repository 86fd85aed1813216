package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nngeom.run.InputException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LocalGeneratorTest {

    @Test
    void prescribedYMarginalIsExactAndKeepsTheSeedsXMarginal() {
        double[] py = LocalGenerator.geometric(6, 0.5);
        assertThat(py[0] / py[5]).isCloseTo(32, Offset.offset(1e-12));
        LocalGenerator g = LocalGenerator.random(8, 6, LocalGenerator.DEFAULT_SPECTRUM, py, 5);
        JointDistribution d = g.at(0.5 * g.maxEpsilon());
        for (int y = 0; y < 6; y++) {
            assertThat(d.py()[y]).isCloseTo(py[y], Offset.offset(1e-15));
        }
        assertThat(g.px()).isEqualTo(LocalGenerator.standard(5).px());
        assertThat(LocalGeometry.epsilon(d)).isCloseTo(0.5 * g.maxEpsilon(), Offset.offset(1e-14));
    }

    @Test
    void badMarginalsAreInputErrors() {
        assertThatThrownBy(() -> LocalGenerator.geometric(6, 0)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> LocalGenerator.random(8, 6, LocalGenerator.DEFAULT_SPECTRUM, new double[]{0.5, 0.5}, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("p_y");
        assertThatThrownBy(() -> LocalGenerator.random(8, 3, LocalGenerator.DEFAULT_SPECTRUM, new double[]{0.5, 0.6, -0.1}, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("p_y");
    }
}
