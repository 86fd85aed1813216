package io.nngeom.minimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DegeneracyTest {

    @Test
    void rescalingIsAnExactSymmetryEverywhere() {
        Dataset d = ClusteredData.generate(3, 60, 0.5, 2);
        BuildResult r = Minimizers.build(d, BuildOptions.defaults(4));
        Mlp moved = Degeneracy.rescale(r.model(), Seeds.rng(1));
        SplittableRandom rng = Seeds.rng(3);
        Matrix x = Matrix.zeros(50, 3);
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 3; k++) {
                x.set(i, k, 8 * Seeds.gaussian(rng));
            }
        }
        Matrix a = r.model().apply(x);
        Matrix b = moved.apply(x);
        assertTrue(a.minus(b).maxAbs() <= 1e-12 * (1 + a.maxAbs()));
        assertTrue(!r.model().equals(moved));
    }

    @Test
    void outputShiftChangesTheNetworkButNotTheCost() {
        Dataset d = ClusteredData.generate(3, 60, 0.5, 2);
        BuildResult r = Minimizers.build(d, BuildOptions.defaults(3));
        Mlp moved = Degeneracy.outputShift(r.model(), r.data(), 5.0, Seeds.rng(2));
        assertTrue(Costs.c2(moved, r.data()) <= 1e-20);
        double dist = 0;
        double[] p = r.model().parameters();
        double[] q = moved.parameters();
        for (int i = 0; i < p.length; i++) {
            dist += (p[i] - q[i]) * (p[i] - q[i]);
        }
        assertEquals(5.0, Math.sqrt(dist), 1e-9);
    }

    @Test
    void jacobianRankIsQSquaredAtTheMinimizer() {
        Dataset d = ClusteredData.generate(2, 40, 0.5, 4);
        BuildResult r = Minimizers.build(d, BuildOptions.defaults(3));
        Matrix j = Degeneracy.outputJacobian(r.model(), r.data().x(), 1e-6);
        assertEquals(4, Degeneracy.rank(j, 1e-7));
    }
}
