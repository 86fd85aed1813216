package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowRankTest {

    @Test
    void softmaxAnalysisOfTheHairEyeTable() {
        JointDistribution d = Tables.hairEye();
        AnalyzeResult r = LowRank.analyze(d, AnalyzeOptions.defaults(2));
        assertThat(r.singularValues()).hasSize(3);
        assertThat(r.features().cols()).isEqualTo(2);
        assertThat(r.predictedLoss()).isCloseTo(d.entropyY() - 0.5 * (Math.pow(r.singularValues()[0], 2) + Math.pow(r.singularValues()[1], 2)), within(1e-15));
        // the optimal loss is bounded below by H(Y|X); with k = rank it is the local approximation of H(Y|X)
        AnalyzeResult full = LowRank.analyze(d, AnalyzeOptions.defaults(3));
        assertThat(full.predictedLoss()).isCloseTo(d.entropyY() - r.halfChiSquare(), within(1e-14));
        assertThat(r.run().seed()).isEqualTo(AnalyzeOptions.defaults(2).seed());
    }

    @Test
    void mseAnalysisIsExactAndUsesTheScaledMatrix() {
        JointDistribution d = Tables.hairEye();
        AnalyzeResult r = LowRank.analyze(d, AnalyzeOptions.defaults(1).withLoss(LossKind.MSE).withTraining(true));
        Matrix m = Ops.scaleRows(LocalGeometry.centredDtm(d), Ops.sqrt(d.py()));
        assertThat(r.singularValues()[0]).isCloseTo(Linalg.singularValues(m)[0], within(1e-15));
        // E‖Y − E[Y|X]‖² for one-hot Y is 1 − Σ_x Σ_y P(x,y)²/p_x
        double cond = 1;
        for (int x = 0; x < d.nx(); x++) {
            for (int y = 0; y < d.ny(); y++) {
                cond -= d.prob(x, y) * d.prob(x, y) / d.px()[x];
            }
        }
        assertThat(r.conditionalEntropy()).isCloseTo(cond, within(1e-14));
        assertThat(Math.abs(r.trained().lossGap())).isLessThan(1e-12);
    }

    @Test
    void kBeyondTheRankIsClampedWithAWarningAndDroppedSymbolsAreReported() {
        Matrix t = Matrix.of(new double[]{3, 1, 0}, new double[]{1, 3, 0}, new double[]{0, 0, 0});
        JointDistribution d = JointDistribution.ofTable(t, List.of("a", "b", "c"), List.of("u", "v", "w"), "t");
        AnalyzeResult r = LowRank.analyze(d, AnalyzeOptions.defaults(3));
        assertThat(r.features().cols()).isEqualTo(1);
        assertThat(r.warnings()).hasSize(4); // two dropped symbols, --k, and epsilon = 0.5 outside the local regime
        assertThat(r.warnings().get(2)).startsWith("--k");
        assertThat(r.warnings().get(3)).startsWith("epsilon = 0.5 > 0.1: outside the local regime");
    }
}
