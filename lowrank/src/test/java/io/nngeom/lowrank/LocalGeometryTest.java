package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LocalGeometryTest {
    private final LocalGenerator gen = LocalGenerator.standard(11);

    @Test
    void twoByTwoSingularValueInClosedForm() {
        // for a 2x2 law the only nontrivial σ is |P11 P22 − P12 P21| / √(px1 px2 py1 py2)
        Matrix t = Matrix.of(new double[]{.3, .1}, new double[]{.2, .4});
        JointDistribution d = JointDistribution.ofTable(t);
        double[] px = d.px();
        double[] py = d.py();
        double sigma = Math.abs(.3 * .4 - .1 * .2) / Math.sqrt(px[0] * px[1] * py[0] * py[1]);
        LocalGeometry.Modes m = LocalGeometry.modes(d);
        assertThat(m.sigma()).hasSize(1);
        assertThat(m.sigma()[0]).isCloseTo(sigma, within(1e-15));
        assertThat(LocalGeometry.epsilon(d)).isCloseTo(sigma, within(1e-15));
    }

    @Test
    void centringRemovesTheTrivialPair() {
        JointDistribution d = gen.at(0.3);
        Matrix bt = LocalGeometry.centredDtm(d);
        double[] sx = Ops.sqrt(d.px());
        double[] sy = Ops.sqrt(d.py());
        assertThat(Linalg.norm2(bt.times(sx))).isLessThan(1e-15);
        assertThat(Linalg.norm2(bt.transpose().times(sy))).isLessThan(1e-15);
        double[] sb = LowRank.dtmSpectrum(d);
        assertThat(sb[0]).isCloseTo(1.0, within(1e-14));
        double[] st = LocalGeometry.modes(d).sigma();
        for (int i = 0; i < st.length; i++) {
            assertThat(sb[i + 1]).isCloseTo(st[i], within(1e-14));
        }
    }

    @Test
    void generatorIsExact() {
        double eps = 0.17;
        JointDistribution d = gen.at(eps);
        assertThat(d.px()).containsExactly(gen.px(), within(1e-15));
        assertThat(d.py()).containsExactly(gen.py(), within(1e-15));
        assertThat(LocalGeometry.centredDtm(d).minus(gen.b0().scale(eps)).maxAbs()).isLessThan(1e-15);
        double[] s = LocalGeometry.modes(d).sigma();
        for (int i = 0; i < gen.spectrum().length; i++) {
            assertThat(s[i]).isCloseTo(eps * gen.spectrum()[i], within(1e-15));
        }
        assertThat(LocalGeometry.epsilon(d)).isCloseTo(eps, within(1e-15));
        assertThat(gen.maxEpsilon()).isGreaterThan(0.2);
    }

    @Test
    void featuresAreStandardisedAndCorrelateAsSigma() {
        JointDistribution d = gen.at(0.2);
        LocalGeometry.Modes m = LocalGeometry.modes(d);
        double[] px = d.px();
        double[] py = d.py();
        int r = m.sigma().length;
        for (int i = 0; i < r; i++) {
            double mean = 0;
            double var = 0;
            for (int x = 0; x < d.nx(); x++) {
                mean += px[x] * m.features().get(x, i);
                var += px[x] * m.features().get(x, i) * m.features().get(x, i);
            }
            assertThat(mean).isCloseTo(0, within(1e-14));
            assertThat(var).isCloseTo(1, within(1e-13));
            double gmean = 0;
            for (int y = 0; y < d.ny(); y++) {
                gmean += py[y] * m.weights().get(y, i);
            }
            assertThat(gmean).isCloseTo(0, within(1e-14));
            for (int j = 0; j < r; j++) {
                double c = 0;
                for (int x = 0; x < d.nx(); x++) {
                    for (int y = 0; y < d.ny(); y++) {
                        c += d.prob(x, y) * m.features().get(x, i) * m.weights().get(y, j);
                    }
                }
                assertThat(c).isCloseTo(i == j ? m.sigma()[i] : 0, within(1e-14));
            }
        }
    }

    @Test
    void halfChiSquareApproximatesMutualInformationToThirdOrder() {
        double e1 = 0.01;
        double e2 = 0.005;
        double d1 = gen.at(e1).mutualInformation() - 0.5 * e1 * e1;
        double d2 = gen.at(e2).mutualInformation() - 0.5 * e2 * e2;
        double slope = Math.log(Math.abs(d1 / d2)) / Math.log(e1 / e2);
        assertThat(slope).isBetween(2.7, 3.3);
    }

    @Test
    void oneHotMmseMatrixIsScaledDtm() {
        JointDistribution d = gen.at(0.2);
        Matrix m = LocalGeometry.mmseMatrix(d, LocalGeometry.oneHot(d.ny()));
        Matrix expected = Ops.scaleRows(LocalGeometry.centredDtm(d), Ops.sqrt(d.py()));
        assertThat(m.minus(expected).maxAbs()).isLessThan(1e-15);
    }

    @Test
    void hScoreIsMaximalAtTheTopFeaturesAndInvariantToTransforms() {
        JointDistribution d = gen.at(0.2);
        LocalGeometry.Modes m = LocalGeometry.modes(d);
        Matrix bt = LocalGeometry.centredDtm(d);
        Matrix phiOpt = LocalGeometry.featureInformation(Subspaces.firstCols(m.features(), 2), d.px());
        assertThat(LocalGeometry.hScore(bt, phiOpt)).isCloseTo(0.5 * m.energy(2), within(1e-15));
        SplittableRandom rng = Seeds.rng(5);
        Matrix t = Bottleneck.gaussian(2, 2, 1, rng);
        assertThat(LocalGeometry.hScore(bt, Linalg.mult(phiOpt, t))).isCloseTo(0.5 * m.energy(2), within(1e-14));
        for (int trial = 0; trial < 20; trial++) {
            Matrix f = Bottleneck.gaussian(d.nx(), 2, 1, rng);
            Matrix phi = LocalGeometry.featureInformation(f, d.px());
            assertThat(LocalGeometry.hScore(bt, phi)).isLessThanOrEqualTo(0.5 * m.energy(2) * (1 + 1e-12));
        }
    }

    @Test
    void hiddenLayerMatrixMatchesTheWhitenedForm() {
        JointDistribution d = gen.at(0.2);
        Matrix v = Bottleneck.gaussian(d.ny(), 3, 1, Seeds.rng(9));
        Matrix xi = LocalGeometry.hiddenLayerMatrixSoftmax(d, v);
        Matrix psi = LocalGeometry.weightInformation(v, d.py());
        // both are k_l × n_x and differ by an orthogonal k_l × k_l matrix: same Gram matrix ΞᵀΞ
        Matrix g1 = Linalg.multTransA(xi, xi);
        Matrix w = Linalg.mult(Ops.invSqrtSym(Linalg.multTransA(psi, psi)), psi.transpose());
        Matrix xi2 = Linalg.mult(w, LocalGeometry.centredDtm(d));
        Matrix g2 = Linalg.multTransA(xi2, xi2);
        assertThat(g1.minus(g2).maxAbs()).isLessThan(1e-14);
        assertThat(xi.rows()).isEqualTo(3);
    }
}
