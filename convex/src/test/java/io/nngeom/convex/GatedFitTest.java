package io.nngeom.convex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.io.RealData;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.GatedNetwork;
import io.nngeom.run.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GatedFitTest {
    /** ½‖f(X) − Y‖²_F + β Σ_{k,i} ‖u_{k,i}‖₂, computed from the model's predictions and weights. */
    static double objective(GatedNetwork g, Dataset d, double beta) {
        Matrix f = g.apply(d.x());
        double obj = 0;
        for (int i = 0; i < d.size(); i++) {
            for (int k = 0; k < f.cols(); k++) {
                obj += 0.5 * Math.pow(f.get(i, k) - d.y().get(i, k), 2);
            }
        }
        double[] w = g.weights();
        int q = g.gates().cols();
        for (int b = 0; b < w.length / q; b++) {
            double t = 0;
            for (int j = 0; j < q; j++) {
                t += w[b * q + j] * w[b * q + j];
            }
            obj += beta * Math.sqrt(t);
        }
        return obj;
    }

    /** Wine (3 classes, one-hot): the model's own objective is the one reported, and it classifies the held-out split. */
    @Test
    void classesAreOneHotOutputsAndTheModelCarriesTheObjective() {
        Dataset train = RealData.read(Path.of("builtin:wine-train"), null, true);
        Dataset test = RealData.read(Path.of("builtin:wine-test"), null, true);
        FitOptions o = FitOptions.defaults(1).withMethod(FitOptions.Method.GATED).withMaxPatterns(100).withTolerance(1e-8);
        FitResult r = Convex.fit(train, o);
        GatedNetwork g = r.gated();
        assertEquals(3, g.outputDim());
        assertEquals(objective(g, train, 1), r.objective(), 1e-9 * r.objective());
        assertTrue(r.dualityGap() <= 1e-8);
        Matrix f = g.apply(test.x());
        int hit = 0;
        for (int i = 0; i < test.size(); i++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = f.get(i, k) > f.get(i, best) ? k : best;
            }
            hit += best == test.labels()[i] ? 1 : 0;
        }
        // unstandardised wine features span 0.1 to 1700; still far above chance (1/3)
        assertTrue(hit > 0.6 * test.size(), hit + " of " + test.size());
        // one-vs-all: the joint objective is the sum of the per-column fits with the same gates
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            Dataset dk = Dataset.regression(train.x(), Matrix.column(train.y().colArray(k)));
            sum += Convex.fit(dk, o).objective();
        }
        assertEquals(sum, r.objective(), 1e-7 * sum);
    }

    /** The exact program with several outputs: one ReLU network whose outputs are the per-column fits (one-vs-all). */
    @Test
    void exactClassesJoinThePerOutputNetworks() {
        Dataset train = RealData.read(Path.of("builtin:iris-train"), null, true);
        FitOptions o = FitOptions.defaults(1).withMethod(FitOptions.Method.EXACT).withMaxPatterns(200);
        FitResult r = Convex.fit(train, o);
        assertEquals(3, r.model().outputDim());
        Matrix f = r.model().apply(train.x());
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            Dataset dk = Dataset.regression(train.x(), Matrix.column(train.y().colArray(k)));
            FitResult rk = Convex.fit(dk, o);
            sum += rk.nnObjective();
            Matrix fk = rk.model().apply(train.x());
            for (int i = 0; i < train.size(); i++) {
                assertEquals(fk.get(i, 0), f.get(i, k), 1e-12 * (1 + Math.abs(fk.get(i, 0))));
            }
        }
        assertEquals(sum, r.nnObjective(), 1e-12 * sum);
        assertEquals(null, Convex.verdict(train, o, r));
        assertThrows(InputException.class, () -> Convex.fit(train, o.withDepth(3).withMethod(FitOptions.Method.AUTO)));
    }
}
