package io.nngeom.serve;

import io.nngeom.data.Dataset;
import io.nngeom.data.Synthetic;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

/**
 * The explorer's built-in 2-D data sets: TensorFlow Playground's six kinds (circle, xor, gauss, spiral as
 * classification; plane, ripple as regression), drawn on [-1, 1]² from a seed, plus nngeom's own spirals.
 * Classification sets have labels 0/1; regression sets one real target.
 */
public final class Datasets {
    /** The names, in the order the page lists them. */
    public static final List<String> NAMES = List.of("spiral", "circle", "xor", "gauss", "plane", "ripple");

    private Datasets() {
    }

    /**
     * The data set {@code name} with {@code n} examples, Gaussian noise of standard deviation {@code noise}, from
     * {@code seed}.
     */
    public static Dataset builtin(String name, int n, double noise, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        return switch (name) {
            case "spiral" -> Synthetic.twoSpirals(Math.max(1, n / 2), 1.5, noise, seed);
            case "circle" -> classes(n, rng, noise, (r, i) -> {
                boolean inner = i % 2 == 0;
                double radius = inner ? 0.5 * Math.sqrt(r.nextDouble()) : 0.7 + 0.3 * r.nextDouble();
                double a = 2 * Math.PI * r.nextDouble();
                return new double[] {radius * Math.cos(a), radius * Math.sin(a), inner ? 1 : 0};
            });
            case "xor" -> classes(n, rng, noise, (r, i) -> {
                double x = pad(r.nextDouble() * 2 - 1);
                double y = pad(r.nextDouble() * 2 - 1);
                return new double[] {x, y, x * y > 0 ? 1 : 0};
            });
            case "gauss" -> classes(n, rng, noise, (r, i) -> {
                int c = i % 2;
                double m = c == 1 ? 0.4 : -0.4;
                return new double[] {m + 0.2 * Seeds.gaussian(r), m + 0.2 * Seeds.gaussian(r), c};
            });
            case "plane" -> regression(n, rng, noise, (x, y) -> 0.5 * (x + y));
            case "ripple" -> Synthetic.regression2d("ripple", n, noise, seed);
            default -> throw RunConfig.bad("data", "unknown data set '" + name + "' (expected one of "
                    + String.join(", ", NAMES) + ", upload:ID or file)");
        };
    }

    /** Keeps a coordinate at least 0.05 from the axis, as the Playground's xor does. */
    private static double pad(double v) {
        return v + (v > 0 ? 0.05 : -0.05);
    }

    private interface Point {
        double[] draw(SplittableRandom rng, int index);
    }

    private static Dataset classes(int n, SplittableRandom rng, double noise, Point p) {
        Matrix x = Matrix.zeros(n, 2);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] v = p.draw(rng, i);
            x.set(i, 0, v[0] + noise * Seeds.gaussian(rng));
            x.set(i, 1, v[1] + noise * Seeds.gaussian(rng));
            labels[i] = (int) v[2];
        }
        return Dataset.classification(x, labels, 2);
    }

    private static Dataset regression(int n, SplittableRandom rng, double noise,
                                      DoubleBinaryOperator f) {
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            double a = rng.nextDouble() * 2 - 1;
            double b = rng.nextDouble() * 2 - 1;
            x.set(i, 0, a);
            x.set(i, 1, b);
            y.set(i, 0, f.applyAsDouble(a, b) + noise * Seeds.gaussian(rng));
        }
        return Dataset.regression(x, y);
    }
}
