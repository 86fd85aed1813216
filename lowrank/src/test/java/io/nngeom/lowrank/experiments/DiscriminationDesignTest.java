package io.nngeom.lowrank.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.lowrank.LocalGenerator;
import io.nngeom.run.Seeds;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The E6c design picks its instance by the theorem's hypotheses alone. */
class DiscriminationDesignTest {

    @Test
    void discriminationInstanceIsTheDigestsGeneratorMeetingBothPreconditions() {
        long[] design = DiscriminationDesign.designedDiscriminationSeed(Seeds.DEFAULT);
        LocalGenerator g = DiscriminationDesign.discriminationGenerator(design[1]);
        // the digest's §4.1 generator (the one E4 uses): Dirichlet(5) marginals, not a prescribed p_y
        assertThat(g.py()).isEqualTo(LocalGenerator.standard(design[1]).py());
        assertThat(DiscriminationDesign.separation(g.at(0.01), 2)).isGreaterThanOrEqualTo(DiscriminationDesign.SEPARATION_MIN);
        assertThat(DiscriminationDesign.DISCRIMINATION_EPS / g.maxEpsilon()).isLessThanOrEqualTo(DiscriminationDesign.LOCALITY_MAX);
        // the context seed's own instance misses the separation precondition (0.035), so the next child is used
        LocalGenerator first = DiscriminationDesign.discriminationGenerator(Seeds.DEFAULT);
        assertThat(DiscriminationDesign.separation(first.at(0.01), 2)).isLessThan(DiscriminationDesign.SEPARATION_MIN);
        assertThat(design[0]).isEqualTo(1);
        // every earlier candidate misses a precondition: the rule is "first candidate that meets both"
        for (int i = 0; i < design[0]; i++) {
            long s = i == 0 ? Seeds.DEFAULT : Seeds.child(Seeds.DEFAULT, "lowrank.e6c.design." + i);
            assertThat(DiscriminationDesign.meetsPreconditions(DiscriminationDesign.discriminationGenerator(s), 2)).isFalse();
        }
    }

    @Test
    void stressInstanceHasTheGeometricMarginal() {
        long[] design = DiscriminationDesign.designedSeed(Seeds.DEFAULT, DiscriminationDesign::stressGenerator);
        LocalGenerator g = DiscriminationDesign.stressGenerator(design[1]);
        assertThat(g.py()[0] / g.py()[5]).isCloseTo(32, Offset.offset(1e-12));
        assertThat(DiscriminationDesign.meetsPreconditions(g, 2)).isTrue();
    }
}
