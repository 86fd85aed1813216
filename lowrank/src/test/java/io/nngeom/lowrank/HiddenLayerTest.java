package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.run.Seeds;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class HiddenLayerTest {

    @Test
    void insideTheLocalRegionTheClosedFormHolds() {
        LocalGenerator g = LocalGenerator.standard(2);
        for (LossKind kind : LossKind.values()) {
            double e1 = 0.02;
            double e2 = 0.01;
            HiddenLayer.Result a = HiddenLayer.run(g.at(e1), kind, 7, 3, false, 2);
            HiddenLayer.Result b = HiddenLayer.run(g.at(e2), kind, 7, 3, false, 2);
            assertThat(a.converged()).isTrue();
            assertThat(a.maxPreActivationShift()).as("stays local").isLessThan(0.5);
            assertThat(a.relativeError()).as(kind + " error").isLessThan(e1);
            assertThat(b.relativeError()).isLessThan(e2);
            // O(ε) at least: halving ε at least roughly halves the error
            assertThat(Math.log(a.relativeError() / b.relativeError()) / Math.log(2)).isGreaterThan(0.85);
            // the same statement for the layer's own matrix Ξ_l
            assertThat(a.layerMatrixError()).isLessThan(e1);
        }
    }

    @Test
    void tooFewLowerFeaturesBreakTheFormula() {
        HiddenLayer.Result r = HiddenLayer.run(LocalGenerator.standard(2).at(0.02), LossKind.SOFTMAX, 4, 3, false, 2);
        assertThat(r.relativeError()).isGreaterThan(0.1);
    }

    @Test
    void localBranchWithConditionedTopIsACertifiedMinimumThatMatchesTheFormula() {
        LocalGenerator g = LocalGenerator.standard(Seeds.DEFAULT);
        double[] eps = {0.025, 0.05, 0.1};
        List<JointDistribution> laws = List.of(g.at(eps[0]), g.at(eps[1]), g.at(eps[2]));
        for (LossKind kind : LossKind.values()) {
            List<HiddenLayer.BranchPoint> branch = HiddenLayer.certifiedBranch(laws, kind, 7, 3, Seeds.DEFAULT);
            for (int i = 0; i < eps.length; i++) {
                HiddenLayer.Result r = branch.get(i).result();
                HiddenLayer.Certificate c = branch.get(i).certificate();
                assertThat(branch.get(i).certified()).as(branch.get(i).failedCheck()).isTrue();
                assertThat(branch.get(i).local()).isTrue();
                assertThat(c.gradNorm()).isLessThanOrEqualTo(Bottleneck.GRAD_TOL);
                assertThat(c.nearZero()).as("zero eigenvalues = symmetries").isEqualTo(c.symmetryDimension());
                assertThat(c.nullResidual()).isLessThan(1e-6);
                assertThat(c.minCurvature()).isGreaterThan(HiddenLayer.MIN_CURVATURE);
                assertThat(Math.abs(r.loss() - c.infimum())).isLessThan(HiddenLayer.INFIMUM_AGREEMENT);
                assertThat(c.requiredSpread()).isLessThan(1);
                assertThat(r.maxPreActivationShift()).isLessThan(HiddenLayer.LOCAL_SHIFT);
                assertThat(r.relativeError()).as(kind + " at " + eps[i]).isLessThan(eps[i]);
            }
        }
    }

    @Test
    void gaussianTopOfTheDefaultInstanceHasNoInteriorCriticalPointAtEpsilonTenth() {
        // the required spread of σ(a) over x exceeds the sigmoid's range: the loss infimum is not attained
        JointDistribution law = LocalGenerator.standard(Seeds.DEFAULT).at(0.1);
        HiddenLayer.Result r = HiddenLayer.run(law, LossKind.SOFTMAX, 7, 3, false, Seeds.DEFAULT);
        HiddenLayer.Certificate c = HiddenLayer.certify(law, LossKind.SOFTMAX, r);
        assertThat(c.requiredSpread()).isGreaterThan(1);
        assertThat(r.loss() - c.infimum()).isGreaterThan(1e-8);
        assertThat(r.maxPreActivationShift()).isGreaterThan(HiddenLayer.LOCAL_SHIFT);
        // the certificate's verdict says so, naming the failed check
        HiddenLayer.BranchPoint p = new HiddenLayer.BranchPoint(r, c);
        assertThat(p.certified()).isFalse();
        assertThat(p.failedCheck()).isNotBlank();
        assertThat(p.local()).isFalse();
    }

    @Test
    void certificateNeedsSpanningLowerFeatures() {
        JointDistribution law = LocalGenerator.standard(2).at(0.02);
        HiddenLayer.Result r = HiddenLayer.run(law, LossKind.SOFTMAX, 4, 3, false, 2);
        Assertions.assertThatThrownBy(() -> HiddenLayer.certify(law, LossKind.SOFTMAX, r))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
