package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nngeom.run.InputException;
import org.junit.jupiter.api.Test;

class LocalGeneratorTest {

    @Test
    void prescribedYMarginalIsExactAndKeepsTheSeedsXMarginal() {
        double[] py = LocalGenerator.geometric(6, 0.5);
        assertThat(py[0] / py[5]).isCloseTo(32, org.assertj.core.data.Offset.offset(1e-12));
        LocalGenerator g = LocalGenerator.random(8, 6, LocalGenerator.DEFAULT_SPECTRUM, py, 5);
        JointDistribution d = g.at(0.5 * g.maxEpsilon());
        for (int y = 0; y < 6; y++) {
            assertThat(d.py()[y]).isCloseTo(py[y], org.assertj.core.data.Offset.offset(1e-15));
        }
        assertThat(g.px()).isEqualTo(LocalGenerator.standard(5).px());
        assertThat(LocalGeometry.epsilon(d)).isCloseTo(0.5 * g.maxEpsilon(), org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void badMarginalsAreInputErrors() {
        assertThatThrownBy(() -> LocalGenerator.geometric(6, 0)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> LocalGenerator.random(8, 6, LocalGenerator.DEFAULT_SPECTRUM, new double[]{0.5, 0.5}, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("p_y");
        assertThatThrownBy(() -> LocalGenerator.random(8, 3, LocalGenerator.DEFAULT_SPECTRUM, new double[]{0.5, 0.6, -0.1}, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("p_y");
    }

    @Test
    void discriminationInstanceIsTheDigestsGeneratorMeetingBothPreconditions() {
        long[] design = LowRankExperiments.designedDiscriminationSeed(io.nngeom.run.Seeds.DEFAULT);
        LocalGenerator g = LowRankExperiments.discriminationGenerator(design[1]);
        // the digest's §4.1 generator (the one E4 uses): Dirichlet(5) marginals, not a prescribed p_y
        assertThat(g.py()).isEqualTo(LocalGenerator.standard(design[1]).py());
        assertThat(LowRankExperiments.separation(g.at(0.01), 2)).isGreaterThanOrEqualTo(LowRankExperiments.SEPARATION_MIN);
        assertThat(LowRankExperiments.DISCRIMINATION_EPS / g.maxEpsilon()).isLessThanOrEqualTo(LowRankExperiments.LOCALITY_MAX);
        // the context seed's own instance misses the separation precondition (0.035), so the next child is used
        LocalGenerator first = LowRankExperiments.discriminationGenerator(io.nngeom.run.Seeds.DEFAULT);
        assertThat(LowRankExperiments.separation(first.at(0.01), 2)).isLessThan(LowRankExperiments.SEPARATION_MIN);
        assertThat(design[0]).isEqualTo(1);
        // every earlier candidate misses a precondition: the rule is "first candidate that meets both"
        for (int i = 0; i < design[0]; i++) {
            long s = i == 0 ? io.nngeom.run.Seeds.DEFAULT : io.nngeom.run.Seeds.child(io.nngeom.run.Seeds.DEFAULT, "lowrank.e6c.design." + i);
            assertThat(LowRankExperiments.meetsPreconditions(LowRankExperiments.discriminationGenerator(s), 2)).isFalse();
        }
    }

    @Test
    void stressInstanceHasTheGeometricMarginal() {
        long[] design = LowRankExperiments.designedSeed(io.nngeom.run.Seeds.DEFAULT, LowRankExperiments::stressGenerator);
        LocalGenerator g = LowRankExperiments.stressGenerator(design[1]);
        assertThat(g.py()[0] / g.py()[5]).isCloseTo(32, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LowRankExperiments.meetsPreconditions(g, 2)).isTrue();
    }
}
