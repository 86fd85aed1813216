package io.nngeom.convex.experiments;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;

/** Small data sets and gradient-trained baselines shared by the convex experiments (and the CLI's GD overlays). */
public final class Toy {
    private Toy() {
    }

    /** n points x ~ U[−2, 2], y = sin 2x + 0.1·noise (digest e1). */
    static Dataset sine1d(int n, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        Matrix x = Matrix.zeros(n, 1);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, -2 + 4 * rng.nextDouble());
            y.set(i, 0, Math.sin(2 * x.get(i, 0)) + 0.1 * Seeds.gaussian(rng));
        }
        return Dataset.regression(x, y);
    }

    /** n Gaussian points in 2-D, y = sin(x₁)·x₂ + 0.1·noise. */
    public static Dataset smooth2d(int n, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, Seeds.gaussian(rng));
            x.set(i, 1, Seeds.gaussian(rng));
            y.set(i, 0, Math.sin(x.get(i, 0)) * x.get(i, 1) + 0.1 * Seeds.gaussian(rng));
        }
        return Dataset.regression(x, y);
    }

    static double rel(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    }
}
