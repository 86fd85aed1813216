package io.nngeom.minimizers.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.minimizers.ClusteredData;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Data variants used by the experiments (digest §5, E0). */
final class Data {
    private Data() {
    }

    /** Unequal class sizes: class j keeps a fraction (j + 1)/Q of its examples. */
    static Dataset unequal(Dataset d) {
        int q = d.classes();
        int[] seen = new int[q];
        int[] counts = new int[q];
        for (int v : d.labels()) {
            counts[v]++;
        }
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < d.size(); r++) {
            int j = d.labels()[r];
            if (seen[j]++ < Math.max(1, counts[j] * (j + 1) / q)) {
                keep.add(r);
            }
        }
        return d.subset(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The same inputs with random well-conditioned class targets y_j = e_j + 0.5·(standard normal). */
    static Dataset randomTargets(Dataset d, long seed) {
        int q = d.classes();
        SplittableRandom rng = Seeds.rng(seed);
        double[][] t = new double[q][q];
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < q; k++) {
                t[j][k] = (j == k ? 1 : 0) + 0.5 * Seeds.gaussian(rng);
            }
        }
        Matrix y = Matrix.zeros(d.size(), q);
        for (int r = 0; r < d.size(); r++) {
            for (int k = 0; k < q; k++) {
                y.set(r, k, t[d.labels()[r]][k]);
            }
        }
        return new Dataset(d.x(), y, d.labels(), q);
    }

    /** Mean of |y_n|² (the scale of the cost). */
    static double targetScale(Dataset d) {
        double[] y = d.y().data();
        double s = 0;
        for (double v : y) {
            s += v * v;
        }
        return s / d.size();
    }

    static ClusteredData model(Dataset d) {
        return ClusteredData.of(d);
    }
}
