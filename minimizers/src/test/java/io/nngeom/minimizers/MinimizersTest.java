package io.nngeom.minimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimizersTest {

    @Test
    void zeroCostForEveryQAndOrder() {
        for (int q = 1; q <= 4; q++) {
            Dataset d = ClusteredData.generate(q, 40 * q, 0.8, 100 + q);
            for (int[] order : Permutations.all(q)) {
                BuildResult r = Minimizers.build(d, BuildOptions.defaults(q + 1).withOrder(order));
                assertTrue(r.cost() <= 1e-20, "Q=" + q + " cost " + r.cost());
                assertTrue(r.gradientNorm() <= 1e-10, "Q=" + q + " grad " + r.gradientNorm());
                assertTrue(r.minPreActivation() >= 1e-6 * r.data().scale());
                for (LayerReport l : r.layers()) {
                    assertTrue(l.collapsedSpread() <= 1e-12 * r.data().scale());
                    assertTrue(l.othersMoved() <= 1e-12 * r.data().scale());
                }
                assertEquals(q + 1, r.hiddenLayers());
            }
        }
    }

    @Test
    void curatedPointsCollapseOneClassPerLayer() {
        Dataset d = ClusteredData.generate(3, 90, 0.5, 7);
        BuildResult r = Minimizers.build(d, BuildOptions.defaults(3).withOrder(2, 0, 1));
        ClusteredData cd = r.data();
        int[] order = r.order();
        for (int l = 1; l <= 3; l++) {
            Matrix z = r.curated().get(l);
            for (int j = 0; j < 3; j++) {
                boolean collapsed = false;
                for (int s = 0; s < l; s++) {
                    collapsed |= order[s] == j;
                }
                int[] idx = cd.indicesOf(j);
                double spread = 0;
                for (int i : idx) {
                    for (int k = 0; k < 3; k++) {
                        spread = Math.max(spread, Math.abs(z.get(i, k) - z.get(idx[0], k)));
                    }
                }
                if (collapsed) {
                    assertTrue(spread <= 1e-12, "class " + j + " after layer " + l);
                } else {
                    assertTrue(spread > 0.1, "class " + j + " should keep its noise after layer " + l);
                }
            }
        }
    }

    @Test
    void refusesOverlappingClustersNamingClassAndStep() {
        Dataset d = ClusteredData.generate(3, 90, 6.0, 7);
        InputException e = assertThrows(InputException.class, () -> Minimizers.build(d, BuildOptions.defaults(3)));
        assertTrue(e.getMessage().contains("step"), e.getMessage());
        assertTrue(e.getMessage().contains("class"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void refusesBadOptions() {
        Dataset d = ClusteredData.generate(3, 30, 0.2, 1);
        assertThrows(InputException.class, () -> Minimizers.build(d, BuildOptions.defaults(2)));
        assertThrows(InputException.class, () -> Minimizers.build(d, BuildOptions.defaults(3).withOrder(0, 0, 1)));
        assertThrows(InputException.class, () -> Minimizers.build(d, BuildOptions.defaults(3).withOrder(0, 1)));
        assertThrows(InputException.class, () -> BuildOptions.defaults(3).withTheta(1.0));
        // input dimension d != Q is no longer refused: an affine first layer maps into R^Q (FirstLayerProjectionTest)
        Dataset wide = ClusteredData.generate(2, 4, 40, 0.2, 1);
        assertTrue(Minimizers.build(wide, BuildOptions.defaults(2)).projection() != null);
    }

    @Test
    void randomTargetsAndUnequalClassesReachZeroCost() {
        Dataset d = ClusteredData.generate(3, 90, 0.6, 13);
        Matrix y = Matrix.zeros(d.size(), 2);
        double[][] t = {{1.5, -2}, {0.3, 4}, {-1, 0.5}};
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < d.size(); r++) {
            y.set(r, 0, t[d.labels()[r]][0]);
            y.set(r, 1, t[d.labels()[r]][1]);
            if (d.labels()[r] != 2 || r % 5 == 0) {
                keep.add(r);
            }
        }
        Dataset custom = new Dataset(d.x(), y, d.labels(), 3).subset(keep.stream().mapToInt(i -> i).toArray());
        BuildResult r = Minimizers.build(custom, BuildOptions.defaults(3));
        assertEquals(2, r.model().outputDim());
        assertTrue(r.cost() <= 1e-20, "cost " + r.cost());
    }

    @Test
    void sameSeedSameBits() {
        Dataset d1 = ClusteredData.generate(3, 60, 0.4, 5);
        Dataset d2 = ClusteredData.generate(3, 60, 0.4, 5);
        assertEquals(d1.x(), d2.x());
        BuildResult a = Minimizers.build(d1, BuildOptions.defaults(4));
        BuildResult b = Minimizers.build(d2, BuildOptions.defaults(4));
        assertEquals(a.model(), b.model());
    }
}
