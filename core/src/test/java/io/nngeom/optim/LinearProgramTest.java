package io.nngeom.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearProgramTest {
    @Test
    void maximisesOverTheUnitSimplexCorner() {
        // max x + 2y s.t. x + y <= 1, x, y >= 0: optimum 2 at (0, 1)
        LinearProgram lp = new LinearProgram(2).maximize(new double[]{1, 2}).lessEq(new double[]{1, 1}, 1)
                .bound(0, 0, Double.POSITIVE_INFINITY).bound(1, 0, Double.POSITIVE_INFINITY);
        LinearProgram.Result r = lp.solve();
        assertThat(r.status()).isEqualTo(LinearProgram.Status.OPTIMAL);
        assertThat(r.value()).isCloseTo(2.0, within(1e-12));
        assertThat(r.x()[1]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void freeVariablesReachNegativeValues() {
        // min x s.t. x >= -3 (as a row), x free
        LinearProgram.Result r = new LinearProgram(1).minimize(new double[]{1}).greaterEq(new double[]{1}, -3).solve();
        assertThat(r.value()).isCloseTo(-3.0, within(1e-12));
    }

    @Test
    void reportsInfeasibleAndUnbounded() {
        assertThat(new LinearProgram(1).lessEq(new double[]{1}, 0).greaterEq(new double[]{1}, 1).solve().status())
                .isEqualTo(LinearProgram.Status.INFEASIBLE);
        assertThat(new LinearProgram(1).minimize(new double[]{1}).solve().status())
                .isEqualTo(LinearProgram.Status.UNBOUNDED);
    }
}
