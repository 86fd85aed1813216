package io.nngeom.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleFeaturesTest {

    /** One-hot features of the labels separate the class means completely: H = (K − 1)/2, the maximum. */
    @Test
    void oneHotFeaturesReachTheMaximum() {
        int[] labels = {0, 1, 2, 2, 1, 0, 3, 3, 3, 1};
        Matrix f = Matrix.zeros(labels.length, 4);
        for (int i = 0; i < labels.length; i++) {
            f.set(i, labels[i], 1);
        }
        assertEquals(1.5, SampleFeatures.hScore(f, labels, 4), 1e-12);
        assertEquals(1.5, SampleFeatures.hScoreMax(4), 0);
    }

    /** Two classes, one feature: H = ½ p₀p₁(μ₀ − μ₁)²/Var f (closed form of ½ tr(Λ⁻¹ S_B)). */
    @Test
    void oneFeatureTwoClassesMatchesTheClosedForm() {
        double[] v = {0.5, 1.5, 2.0, -1.0, 0.0, 0.25};
        int[] labels = {0, 0, 0, 1, 1, 1};
        double mu0 = (0.5 + 1.5 + 2.0) / 3;
        double mu1 = (-1.0 + 0.0 + 0.25) / 3;
        double mu = (mu0 + mu1) / 2;
        double var = 0;
        for (double x : v) {
            var += (x - mu) * (x - mu) / v.length;
        }
        double want = 0.5 * 0.25 * (mu0 - mu1) * (mu0 - mu1) / var;
        assertEquals(want, SampleFeatures.hScore(Matrix.column(v), labels, 2), 1e-14);
    }

    /** Dead units (zero columns) and duplicated units leave the H-score unchanged: Λ⁺ is a pseudo-inverse. */
    @Test
    void degenerateFeaturesUseThePseudoInverse() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 40;
        int[] labels = new int[n];
        Matrix f = Matrix.zeros(n, 3);
        Matrix g = Matrix.zeros(n, 5);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 3; j++) {
                f.set(i, j, rng.nextGaussian() + labels[i] * j);
                g.set(i, j, f.get(i, j));
            }
            g.set(i, 4, f.get(i, 0)); // a copy of unit 0; unit 3 is dead
        }
        double h = SampleFeatures.hScore(f, labels, 3);
        assertEquals(h, SampleFeatures.hScore(g, labels, 3), 1e-10 * h);
        assertTrue(h > 0 && h < 1);
    }

    /** Features that contain the target explain all of its variance: tr(C Λ⁺ Cᵀ) = tr Cov(y). */
    @Test
    void mmseScoreOfTheTargetIsItsVariance() {
        SplittableRandom rng = new SplittableRandom(5);
        Matrix y = Matrix.zeros(30, 1);
        Matrix f = Matrix.zeros(30, 2);
        for (int i = 0; i < 30; i++) {
            y.set(i, 0, rng.nextGaussian());
            f.set(i, 0, 2 * y.get(i, 0) + 1);
            f.set(i, 1, rng.nextGaussian());
        }
        assertEquals(SampleFeatures.mmseScoreMax(y), SampleFeatures.mmseScore(f, y), 1e-12);
    }

    /** Labels that are a function of distinct inputs: χ² = K − 1, so ε = √(K − 1) (outside the local regime). */
    @Test
    void epsilonOfDeterministicLabelsIsRootKMinusOne() {
        Matrix x = Matrix.column(0, 1, 2, 3, 4, 5, 6);
        int[] labels = {0, 1, 2, 0, 1, 2, 2};
        assertEquals(Math.sqrt(2), SampleFeatures.epsilon(x, labels, 3), 1e-12);
        assertTrue(SampleFeatures.localRegime(Math.sqrt(2)).contains("outside the local regime"));
    }

    /** Independent labels (each input seen once with every label): ε = 0, inside the local regime. */
    @Test
    void epsilonOfIndependentLabelsIsZero() {
        Matrix x = Matrix.column(0, 0, 1, 1);
        assertEquals(0, SampleFeatures.epsilon(x, new int[] {0, 1, 0, 1}, 2), 1e-15);
    }

    /** The analysis: H = ½Σσ_i², and the k optimal features reach ½Σ_{i≤k}σ_i² as their own H-score. */
    @Test
    void optimalFeaturesReachTheirShareOfTheSpectrum() {
        SplittableRandom rng = new SplittableRandom(8);
        int n = 120;
        int[] labels = new int[n];
        Matrix f = Matrix.zeros(n, 6);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            for (int j = 0; j < 5; j++) {
                f.set(i, j, rng.nextGaussian() + (labels[i] == j % 4 ? 1.5 : 0));
            }
        }
        SampleFeatures.Analysis a = SampleFeatures.analyze(f, labels, 4, 2);
        assertEquals(SampleFeatures.hScore(f, labels, 4), a.hScore(), 1e-10);
        double top2 = 0.5 * (a.sigma()[0] * a.sigma()[0] + a.sigma()[1] * a.sigma()[1]);
        assertEquals(top2, SampleFeatures.hScore(a.optimalFeatures(), labels, 4), 1e-10);
        assertEquals(2, a.optimalFeatures().cols());
        assertTrue(a.sigma()[3] < 1e-7, "K − 1 = 3 modes at most");
    }
}
