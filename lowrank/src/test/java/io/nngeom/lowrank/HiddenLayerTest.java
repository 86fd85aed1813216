package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.lowrank.PopulationObjective.LossKind;
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
}
