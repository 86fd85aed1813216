package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.lowrank.experiments.LowRankExperiments;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {

    static Sweep.Options hidden(double[] eps, LossKind loss, int k) {
        return new Sweep.Options(8, 6, k, eps, loss, true, LocalGenerator.DEFAULT_SPECTRUM, 1, Seeds.DEFAULT, true);
    }

    @Test
    void hiddenSweepFollowsTheCertifiedLocalBranchWhereTheGaussianTopHadNoCriticalPoint() {
        // requested out of order: rows come back in the requested order, the branch is followed upwards
        double[] eps = {0.1, 0.025, 0.05};
        Sweep.Result s = Sweep.run(hidden(eps, LossKind.SOFTMAX, 3));
        assertThat(s.rows()).extracting(Sweep.Row::epsilon).containsExactly(0.1, 0.025, 0.05);
        for (Sweep.Row r : s.rows()) {
            HiddenLayer.BranchPoint p = r.branch();
            assertThat(p.certified()).as(r.epsilon() + ": " + p.failedCheck()).isTrue();
            assertThat(p.local()).isTrue();
            // an interior critical point exists (the random Gaussian top of the old sweep had none at ε = 0.1)
            assertThat(p.certificate().requiredSpread()).isLessThan(1);
            // the theorem: relative error below ε (digest E7)
            assertThat(r.hiddenError()).as("ε = " + r.epsilon()).isLessThan(r.epsilon());
        }
        assertThat(s.slopes().get("hidden")).isGreaterThanOrEqualTo(LowRankExperiments.FIRST_ORDER[0]);
        assertThat(s.slopes()).containsKey("layer");
        assertThat(s.warnings()).isEmpty();
        assertThat(s.figures()).hasSize(1);
    }

    @Test
    void hiddenSweepIsTheE7Branch() {
        // the same law, seed and network as the lowrank.hidden experiment at these ε: identical numbers
        LocalGenerator g = LocalGenerator.standard(Seeds.DEFAULT);
        double[] eps = {0.025, 0.05};
        Sweep.Result s = Sweep.run(hidden(eps, LossKind.MSE, 3));
        List<HiddenLayer.BranchPoint> e7 = HiddenLayer.certifiedBranch(List.of(g.at(0.025), g.at(0.05)), LossKind.MSE, 7, 3, Seeds.DEFAULT);
        for (int i = 0; i < eps.length; i++) {
            assertThat(s.rows().get(i).hiddenError()).isEqualTo(e7.get(i).result().relativeError());
        }
        // MMSE at a0 ≈ 0 is second order (σ''(0) = 0): far below ε
        assertThat(s.rows().get(1).hiddenError()).isLessThan(0.1 * eps[1]);
    }

    @Test
    void hiddenWidthMustFitTheConditionedTop() {
        assertThatThrownBy(() -> hidden(new double[]{0.05}, LossKind.SOFTMAX, 6)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--k");
    }

    @Test
    void pointsOutsideTheLocalRegionAreFlagged() {
        // ε skipped beyond the positivity limit and a warning for it
        Sweep.Result s = Sweep.run(hidden(new double[]{0.05, 0.9}, LossKind.SOFTMAX, 3));
        assertThat(s.rows()).hasSize(1);
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("positivity limit"));
    }
}
