package io.nngeom.data;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Seeded synthetic data: class clusters with controlled spread, 1-D and 2-D regression functions, two spirals.
 * The same arguments and seed give bit-identical data. Examples are listed class by class where there are classes.
 */
public final class Synthetic {
    private Synthetic() {
    }

    // ------------------------------------------------------------------ clusters

    /** How cluster points scatter around their class mean. */
    public enum Noise {
        /** Isotropic Gaussian with per-coordinate variance δ²/d, so the root-mean-square distance to the mean is δ. */
        GAUSSIAN,
        /** Uniform in the ball of radius δ around the mean, so no point is farther than δ from it. */
        BALL
    }

    /**
     * Clustered classification data.
     *
     * @param data the points (class by class) with their labels and one-hot targets
     * @param means Q × d: row j is class j's mean x̄_j (the empirical mean of its points when {@code exactMeans})
     * @param spread the requested δ
     * @param maxRadius the largest distance of a point from its class's mean in {@code means}
     */
    public record Clusters(Dataset data, Matrix means, double spread, Noise noise, double maxRadius) {
    }

    /**
     * Q class means x̄_j = s·R e_j + t in ℝ^d (j = 0..Q−1): R a Haar-random orthogonal d×d matrix, t a random
     * offset with N(0, 1) entries. Distinct means are s√2 apart. Needs Q ≤ d.
     */
    public static Matrix orthogonalMeans(int classes, int dim, double scale, long seed) {
        if (classes <= 0 || dim <= 0 || classes > dim) {
            throw new IllegalArgumentException("orthogonal means need 0 < classes <= dim, got " + classes + " classes in dimension " + dim);
        }
        SplittableRandom rng = Seeds.rng(seed);
        Matrix r = randomOrthogonal(dim, rng);
        double[] t = new double[dim];
        for (int i = 0; i < dim; i++) {
            t[i] = Seeds.gaussian(rng);
        }
        Matrix m = Matrix.zeros(classes, dim);
        for (int j = 0; j < classes; j++) {
            for (int i = 0; i < dim; i++) {
                m.set(j, i, scale * r.get(i, j) + t[i]);
            }
        }
        return m;
    }

    /** A Haar-distributed random orthogonal matrix (QR of a Gaussian matrix with the signs of R's diagonal fixed). */
    public static Matrix randomOrthogonal(int n, SplittableRandom rng) {
        Matrix g = Matrix.zeros(n, n);
        for (int k = 0; k < n * n; k++) {
            g.data()[k] = Seeds.gaussian(rng);
        }
        Linalg.Qr qr = Linalg.qr(g);
        Matrix q = qr.q().copy();
        for (int j = 0; j < n; j++) {
            if (qr.r().get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q;
    }

    /**
     * Points around given class means.
     *
     * @param means Q × d class means
     * @param counts number of points of each class (length Q, each ≥ 1)
     * @param spread δ ≥ 0 (see {@link Noise})
     * @param exactMeans recentre each class so that its empirical mean equals its mean exactly (up to round-off);
     *                   with {@link Noise#BALL} the class is then shrunk, if needed, so that no point lies farther
     *                   than δ from the mean
     */
    public static Clusters clusters(Matrix means, int[] counts, double spread, Noise noise, boolean exactMeans, long seed) {
        int q = means.rows();
        int d = means.cols();
        if (counts.length != q) {
            throw new IllegalArgumentException(counts.length + " class counts for " + q + " means");
        }
        if (!(spread >= 0) || !Double.isFinite(spread)) {
            throw new IllegalArgumentException("spread must be finite and >= 0, got " + spread);
        }
        int n = 0;
        for (int c : counts) {
            if (c <= 0) {
                throw new IllegalArgumentException("class counts must be positive, got " + Arrays.toString(counts));
            }
            n += c;
        }
        SplittableRandom rng = Seeds.rng(seed);
        Matrix x = Matrix.zeros(n, d);
        int[] labels = new int[n];
        double maxRadius = 0;
        int row = 0;
        for (int j = 0; j < q; j++) {
            double[][] dev = new double[counts[j]][];
            for (int i = 0; i < counts[j]; i++) {
                dev[i] = deviation(d, spread, noise, rng);
            }
            if (exactMeans) {
                double[] mean = new double[d];
                for (double[] v : dev) {
                    for (int k = 0; k < d; k++) {
                        mean[k] += v[k] / counts[j];
                    }
                }
                double worst = 0;
                for (double[] v : dev) {
                    for (int k = 0; k < d; k++) {
                        v[k] -= mean[k];
                    }
                    worst = Math.max(worst, Linalg.norm2(v));
                }
                if (noise == Noise.BALL && worst > spread) {
                    double s = spread / worst;
                    for (double[] v : dev) {
                        for (int k = 0; k < d; k++) {
                            v[k] *= s;
                        }
                    }
                }
            }
            for (double[] v : dev) {
                double r2 = 0;
                for (int k = 0; k < d; k++) {
                    x.set(row, k, means.get(j, k) + v[k]);
                    double diff = x.get(row, k) - means.get(j, k);
                    r2 += diff * diff;
                }
                maxRadius = Math.max(maxRadius, Math.sqrt(r2));
                labels[row++] = j;
            }
        }
        return new Clusters(Dataset.classification(x, labels, q), means.copy(), spread, noise, maxRadius);
    }

    /**
     * Q Gaussian clusters in ℝ^Q (the setting of the global-minimizer theory): means {@link #orthogonalMeans}
     * with scale 5, {@code perClass} points per class, Gaussian noise of root-mean-square radius δ.
     */
    public static Clusters gaussianClusters(int classes, int perClass, double spread, long seed) {
        Matrix means = orthogonalMeans(classes, classes, 5.0, Seeds.child(seed, "means"));
        int[] counts = new int[classes];
        Arrays.fill(counts, perClass);
        return clusters(means, counts, spread, Noise.GAUSSIAN, false, Seeds.child(seed, "noise"));
    }

    private static double[] deviation(int d, double spread, Noise noise, SplittableRandom rng) {
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = Seeds.gaussian(rng);
        }
        if (noise == Noise.GAUSSIAN) {
            double s = spread / Math.sqrt(d);
            for (int k = 0; k < d; k++) {
                v[k] *= s;
            }
            return v;
        }
        double norm = Linalg.norm2(v);
        double r = spread * Math.pow(rng.nextDouble(), 1.0 / d);
        for (int k = 0; k < d; k++) {
            v[k] = norm == 0 ? 0 : v[k] / norm * r;
        }
        return v;
    }

    // ------------------------------------------------------------------ regression

    /**
     * A named regression target on [−1, 1]^dim.
     *
     * @param name the name used to select it
     * @param dim 1 or 2
     * @param formula the formula, for display
     */
    public record Function(String name, int dim, String formula, ToDoubleFunction<double[]> f) {
        public double value(double... x) {
            if (x.length != dim) {
                throw new IllegalArgumentException(name + " takes " + dim + " inputs, got " + x.length);
            }
            return f.applyAsDouble(x);
        }

        /** True for the piecewise-linear functions (exactly representable by a ReLU network). */
        public boolean piecewiseLinear() {
            return formula.startsWith("piecewise linear");
        }
    }

    /** The 1-D regression functions on [−1, 1]. */
    public static final List<Function> FUNCTIONS_1D = List.of(
            new Function("sin", 1, "sin(pi x)", x -> Math.sin(Math.PI * x[0])),
            new Function("abs", 1, "piecewise linear: |x|", x -> Math.abs(x[0])),
            new Function("sawtooth", 1, "piecewise linear: 1 - 4 |x/2 - floor(x/2 + 1/4) - 1/4| (triangle wave, kinks at -1/2, 1/2)",
                    x -> 1 - 4 * Math.abs(x[0] / 2 - Math.floor(x[0] / 2 + 0.25) - 0.25)),
            new Function("cubic", 1, "x^3 - x/2", x -> x[0] * x[0] * x[0] - x[0] / 2),
            new Function("bump", 1, "exp(-8 x^2)", x -> Math.exp(-8 * x[0] * x[0])),
            new Function("step", 1, "tanh(10 x) (smoothed step)", x -> Math.tanh(10 * x[0])));

    /** The 2-D regression functions on [−1, 1]². */
    public static final List<Function> FUNCTIONS_2D = List.of(
            new Function("saddle", 2, "x1 x2", x -> x[0] * x[1]),
            new Function("ripple", 2, "sin(pi x1) cos(pi x2)", x -> Math.sin(Math.PI * x[0]) * Math.cos(Math.PI * x[1])),
            new Function("bump", 2, "exp(-2 (x1^2 + x2^2))", x -> Math.exp(-2 * (x[0] * x[0] + x[1] * x[1]))),
            new Function("pyramid", 2, "piecewise linear: 1 - max(|x1|, |x2|)", x -> 1 - Math.max(Math.abs(x[0]), Math.abs(x[1]))),
            new Function("abs-sum", 2, "piecewise linear: |x1| + |x2|", x -> Math.abs(x[0]) + Math.abs(x[1])));

    /**
     * The regression function of dimension {@code dim} with this name.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static Function function(String name, int dim) {
        List<Function> list = dim == 1 ? FUNCTIONS_1D : dim == 2 ? FUNCTIONS_2D : List.of();
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Function f : list) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown " + dim + "-D function '" + name + "' (expected "
                + String.join(", ", list.stream().map(Function::name).toList()) + ")");
    }

    /**
     * n points x uniform on [−1, 1] with targets f(x) + ε, ε ~ N(0, noise²). Inputs n×1, targets n×1.
     */
    public static Dataset regression1d(String name, int n, double noise, long seed) {
        return regression(function(name, 1), n, noise, seed);
    }

    /** n points uniform on [−1, 1]² with targets f(x) + ε, ε ~ N(0, noise²). Inputs n×2, targets n×1. */
    public static Dataset regression2d(String name, int n, double noise, long seed) {
        return regression(function(name, 2), n, noise, seed);
    }

    /** n points uniform on [−1, 1]^dim with targets f(x) + N(0, noise²). */
    public static Dataset regression(Function f, int n, double noise, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of points must be positive, got " + n);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        SplittableRandom xr = Seeds.rng(Seeds.child(seed, "inputs"));
        SplittableRandom nr = Seeds.rng(Seeds.child(seed, "noise"));
        Matrix x = Matrix.zeros(n, f.dim());
        Matrix y = Matrix.zeros(n, 1);
        double[] p = new double[f.dim()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p.length; k++) {
                p[k] = 2 * xr.nextDouble() - 1;
                x.set(i, k, p[k]);
            }
            y.set(i, 0, f.value(p) + (noise > 0 ? noise * Seeds.gaussian(nr) : 0));
        }
        return Dataset.regression(x, y);
    }

    /** n evenly spaced points from −1 to 1 (both included) with noiseless targets f(x). */
    public static Dataset grid1d(String name, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points, got " + n);
        }
        Function f = function(name, 1);
        Matrix x = Matrix.zeros(n, 1);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            double t = -1 + 2.0 * i / (n - 1);
            x.set(i, 0, t);
            y.set(i, 0, f.value(t));
        }
        return Dataset.regression(x, y);
    }

    // ------------------------------------------------------------------ spirals

    /**
     * Two interleaved spirals in the plane, {@code perClass} points each: class 0 at
     * r(t) (cos 2πτt, sin 2πτt) with r(t) = t, t stratified-uniform on (0, 1] and τ = {@code turns}; class 1 is
     * class 0 rotated by π. Gaussian noise N(0, noise²) is added to each coordinate.
     */
    public static Dataset twoSpirals(int perClass, double turns, double noise, long seed) {
        if (perClass <= 0) {
            throw new IllegalArgumentException("points per class must be positive, got " + perClass);
        }
        if (!(turns > 0) || !Double.isFinite(turns) || !(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("turns must be > 0 and noise >= 0, got " + turns + " and " + noise);
        }
        SplittableRandom rng = Seeds.rng(seed);
        Matrix x = Matrix.zeros(2 * perClass, 2);
        int[] labels = new int[2 * perClass];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < perClass; i++) {
                double t = (i + 1 - rng.nextDouble()) / perClass;
                double a = 2 * Math.PI * turns * t + c * Math.PI;
                int row = c * perClass + i;
                x.set(row, 0, t * Math.cos(a) + noise * Seeds.gaussian(rng));
                x.set(row, 1, t * Math.sin(a) + noise * Seeds.gaussian(rng));
                labels[row] = c;
            }
        }
        return Dataset.classification(x, labels, 2);
    }
}
