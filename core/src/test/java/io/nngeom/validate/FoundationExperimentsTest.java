package io.nngeom.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class FoundationExperimentsTest {

    @Test
    void registeredThroughServiceLoader() {
        assertThat(ExperimentRegistry.matching("foundation.*").stream().map(Experiment::name))
                .contains("foundation.gradient-check", "foundation.lbfgs");
    }

    @Test
    void gradientCheckPassesQuickly() {
        ExperimentResult r = new GradientCheckExperiment().run(new ExperimentContext(Seeds.DEFAULT, true));
        assertThat(r.verdict()).as(r.measured().toString()).isEqualTo(Verdict.PASS);
        assertThat(r.seconds()).isLessThan(5);
    }

    @Test
    void lbfgsPassesQuickly() {
        ExperimentResult r = new LbfgsExperiment().run(new ExperimentContext(Seeds.DEFAULT, true));
        assertThat(r.verdict()).as(r.measured().toString()).isEqualTo(Verdict.PASS);
        assertThat(r.seconds()).isLessThan(5);
    }

    @Test
    void newtonSolveIsIndependentAndAccurate() {
        // two classes, one feature, symmetric data: by symmetry b = 0 and w_0 = −w_1
        Matrix x = Matrix.of(new double[] {-1}, new double[] {1}, new double[] {-2},
                new double[] {2});
        int[] y = {0, 1, 0, 1};
        double[] out = new double[4];
        double gn = LbfgsExperiment.newtonSoftmax(x, y, 2, 0.1, out);
        assertThat(gn).isLessThan(1e-14);
        assertThat(out[0]).isCloseTo(-out[1], Assertions.within(1e-14));
        assertThat(Math.abs(out[2]) + Math.abs(out[3])).isLessThan(1e-14);
        assertThat(out[1]).isPositive();
    }
}
