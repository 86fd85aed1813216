package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.linalg.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DualConstraintTest {
    static double[] centredTheta(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = new double[n];
        double m = 0;
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextGaussian();
            m += t[i] / n;
        }
        for (int i = 0; i < n; i++) {
            t[i] -= m;
        }
        return t;
    }

    /** Brute force: fine grid of directions, b over all kinks. */
    static double bruteForce(Matrix x, double[] t, PenaltyNorm p, int steps) {
        double best = 0;
        int n = x.rows();
        for (int s = 0; s < steps; s++) {
            double phi = 2 * Math.PI * s / steps;
            double wx = Math.cos(phi);
            double wy = Math.sin(phi);
            double nn = p.norm(new double[] {wx, wy});
            wx /= nn;
            wy /= nn;
            for (int i = 0; i < n; i++) {
                double b = -(wx * x.get(i, 0) + wy * x.get(i, 1));
                double v = 0;
                for (int k = 0; k < n; k++) {
                    double a = wx * x.get(k, 0) + wy * x.get(k, 1) + b;
                    if (a > 0) {
                        v += t[k] * a;
                    }
                }
                best = Math.max(best, Math.abs(v));
            }
        }
        return best;
    }

    @Test
    void l1SweepEqualsTheWedgeAndBasisDictionary() {
        Matrix x = WedgeTest.gaussian(9, 2, 21);
        double[] t = centredTheta(9, 22);
        Dictionary d = Dictionaries.wedgesWithBasis(x, true, PenaltyNorm.L1);
        double dictMax = 0;
        for (int j = 0; j < d.cols(); j++) {
            dictMax = Math.max(dictMax, Math.abs(d.dot(j, t)));
        }
        assertEquals(dictMax, DualConstraint.exactMax(x, t, PenaltyNorm.L1), 1e-12 * dictMax);
    }

    @Test
    void l2SweepIsTheMaximumOverAllDirections() {
        Matrix x = WedgeTest.gaussian(8, 2, 23);
        double[] t = centredTheta(8, 24);
        double exact = DualConstraint.exactMax(x, t, PenaltyNorm.L2);
        double grid = bruteForce(x, t, PenaltyNorm.L2, 20_000);
        assertTrue(grid <= exact * (1 + 1e-12));
        assertEquals(exact, grid, 1e-6 * exact);
        Dictionary d = Dictionaries.sampleWedges(x, true, PenaltyNorm.L2);
        double dictMax = 0;
        for (int j = 0; j < d.cols(); j++) {
            dictMax = Math.max(dictMax, Math.abs(d.dot(j, t)));
        }
        assertTrue(dictMax <= exact * (1 + 1e-12));
    }

    @Test
    void oneDimensionalCaseEqualsTheRamps() {
        Matrix x = WedgeTest.gaussian(10, 1, 25);
        double[] t = centredTheta(10, 26);
        Dictionary d = Dictionaries.ramps1d(x);
        double dictMax = 0;
        for (int j = 0; j < d.cols(); j++) {
            dictMax = Math.max(dictMax, Math.abs(d.dot(j, t)));
        }
        assertEquals(dictMax, DualConstraint.exactMax(x, t, PenaltyNorm.L2), 1e-12);
    }

    /** The argmax neurons are unit, pass through their anchor, and their columns give the value the sweep reports. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(PenaltyNorm.class)
    void bestNeuronsPerAnchorAttainTheExactMaximum(PenaltyNorm p) {
        Matrix x = WedgeTest.gaussian(9, 2, 27);
        double[] t = centredTheta(9, 28);
        List<DualConstraint.Neuron> best = DualConstraint.bestPerAnchor(x, t, p);
        assertEquals(9, best.size());
        double h = DualConstraint.exactMax(x, t, p);
        double top = 0;
        for (DualConstraint.Neuron c : best) {
            assertEquals(1.0, p.norm(c.w()), 1e-14);
            assertEquals(0.0, c.w()[0] * x.get(c.anchor(), 0) + c.w()[1] * x.get(c.anchor(), 1) + c.b(), 1e-13);
            Dictionary one = new Dictionary(x, c.w(), new double[] {c.b()}, "one");
            assertEquals(c.value(), one.dot(0, t), 1e-12 * (1 + Math.abs(c.value())));
            top = Math.max(top, Math.abs(c.value()));
        }
        assertEquals(h, top, 0.0);
        assertTrue(bruteForce(x, t, p, 20_000) <= h * (1 + 1e-12));
    }
}
