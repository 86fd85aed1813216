package io.nngeom.train;

import io.nngeom.data.Dataset;
import io.nngeom.net.Mlp;
import io.nngeom.run.Num;
import io.nngeom.run.Progress;
import io.nngeom.run.RunInfo;
import io.nngeom.run.StderrProgress;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Trains an {@link Mlp} on a {@link Dataset} by minimising an {@link Objective}: the front door of
 * {@code io.nngeom.train}.
 *
 * <p>Updates (g = ∇J(θ) with frozen layers' entries zeroed; frozen parameters are never touched):
 * <ul>
 *   <li>GD: θ ← θ − η g (full batch).</li>
 *   <li>SGD: each epoch draws a permutation (Fisher–Yates from the seeded {@link SplittableRandom}) and cuts it
 *       into consecutive mini-batches of B examples (the last one may be smaller); g is the mini-batch gradient
 *       of {@link Objective.NetworkFunction#batchValueAndGradient}; momentum as PyTorch: buf ← g at the first
 *       step, then buf ← μ·buf + g; θ ← θ − η·buf.</li>
 *   <li>ADAM: PyTorch's {@code torch.optim.Adam} (no weight decay, no amsgrad), step t = 1, 2, …:
 *       m ← m + (1−β₁)(g − m); v ← β₂v + (1−β₂)g²; θ ← θ − (η/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε), with PyTorch's
 *       operation order: m = fma(1−β₁, g − m, m) (its vectorised {@code lerp}; for 1−β₁ ≥ 0.5 the form
 *       g − (g − m)β₁), v = fma((1−β₂)g, g, β₂v) (its vectorised {@code addcmul}), θ ← θ + ((−η/(1−β₁ᵗ))·m)/d,
 *       d = √v/√(1−β₂ᵗ) + ε ({@code addcdiv}). With a batch size 0 &lt; B &lt; N, g is the mini-batch gradient
 *       of the same shuffled batches as SGD (the gradient-norm test then runs on the full batch at the end of
 *       every epoch); otherwise the full batch.</li>
 *   <li>LBFGS: {@link Lbfgs} with memory 10 on the full batch, iterations and gradTol from the options.</li>
 * </ul>
 * Stops after {@code iterations} updates, when ‖g‖₂ ≤ gradTol, or when the objective or its gradient is no
 * longer finite (divergence: the result then carries the non-finite values and {@code converged} is false, so
 * callers can report it). Deterministic: the same inputs and seed give
 * bit-identical results (see {@link io.nngeom.net.Backprop} for the threaded batch).
 */
public final class Trainer {
    private Trainer() {
    }

    /**
     * Trains with progress on stderr when {@code opts.progress()} ({@link StderrProgress#onStderr}, a line every
     * 10 s off a terminal), else silently.
     */
    public static TrainingResult train(Mlp init, Dataset data, Objective obj, TrainingOptions opts) {
        if (!opts.progress()) {
            return train(init, data, obj, opts, Progress.NONE);
        }
        try (StderrProgress p = StderrProgress.onStderr(10)) {
            return train(init, data, obj, opts, p);
        }
    }

    /**
     * Trains, reporting to {@code progress}: step {@code "train OPTIMIZER"}, iterations done of {@code iterations},
     * status {@code "objective J"}; the last report ({@link Progress#finish}) carries the final objective, shown
     * as {@link Num#show} shows it.
     */
    public static TrainingResult train(Mlp init, Dataset data, Objective obj, TrainingOptions opts, Progress sink) {
        return train(init, data, obj, opts, sink, StepObserver.NONE);
    }

    /**
     * As {@link #train(Mlp, Dataset, Objective, TrainingOptions, Progress)}, showing the parameters after every
     * update to {@code observer} (GD, SGD and Adam; L-BFGS calls it never).
     */
    public static TrainingResult train(Mlp init, Dataset data, Objective obj, TrainingOptions opts, Progress sink,
                                       StepObserver observer) {
        long start = System.nanoTime();
        if (data.inputDim() != init.inputDim()) {
            throw new IllegalArgumentException("data has " + data.inputDim() + " input columns, network expects " + init.inputDim());
        }
        if (data.targetDim() != init.outputDim()) {
            throw new IllegalArgumentException("data has " + data.targetDim() + " target columns, network outputs " + init.outputDim());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("data set is empty");
        }
        for (int l : opts.frozenLayers()) {
            if (l >= init.layerCount()) {
                throw new IllegalArgumentException("frozen layer " + l + " does not exist (network has " + init.layerCount() + " layers)");
            }
        }
        Objective.NetworkFunction fn = obj.function(init, data);
        ParameterLayout layout = fn.layout();
        int[] free = freeRanges(layout, opts);
        double[] theta = init.parameters();
        TrainingHistory.Recorder rec = new TrainingHistory.Recorder(opts.iterations());
        Reporter progress = new Reporter(sink, "train " + opts.optimizer().id(), opts.iterations(),
                opts.optimizer() == Optimizer.LBFGS ? StepObserver.NONE : observer, theta);
        int done;
        boolean converged;
        switch (opts.optimizer()) {
            case GD, ADAM -> {
                int[] out = firstOrder(fn, data.size(), theta, free, opts, rec, progress);
                done = out[0];
                converged = out[1] == 1;
            }
            case SGD -> {
                int[] out = sgd(fn, data.size(), theta, free, opts, rec, progress);
                done = out[0];
                converged = out[1] == 1;
            }
            case LBFGS -> {
                OptimResult r = lbfgs(fn, theta, free, opts, rec, progress);
                System.arraycopy(r.x(), 0, theta, 0, theta.length);
                done = r.iterations();
                converged = r.converged();
            }
            default -> throw new IllegalStateException();
        }
        double[] g = new double[theta.length];
        double j = fn.valueAndGradient(theta, g);
        double loss = fn.lastLoss();
        double gn = maskedNorm(g, free);
        converged = converged || gn <= opts.gradTol();
        rec.record(done, loss, j, gn, true);
        progress.finish(done, j);
        return new TrainingResult(init.withParameters(theta), rec.build(), loss, j, gn, done,
                RunInfo.of(opts.seed(), start), converged);
    }

    /**
     * GD and Adam; returns {updates, converged?1:0}. Adam with a batch size 0 &lt; B &lt; N takes mini-batches
     * ({@link MiniBatches}, as SGD); otherwise every step uses the full batch.
     */
    private static int[] firstOrder(Objective.NetworkFunction fn, int nData, double[] theta, int[] free,
                                    TrainingOptions o, TrainingHistory.Recorder rec, Reporter progress) {
        double[] g = new double[theta.length];
        Adam adam = o.optimizer() == Optimizer.ADAM ? new Adam(o, theta.length) : null;
        MiniBatches batches = adam != null && o.batchSize() > 0 && o.batchSize() < nData
                ? new MiniBatches(nData, o.batchSize(), o.seed()) : null;
        for (int k = 0; k < o.iterations(); k++) {
            double j;
            double gn;
            if (batches == null) {
                j = fn.valueAndGradient(theta, g);
                gn = maskedNorm(g, free);
                rec.record(k, fn.lastLoss(), j, gn, false);
                if (gn <= o.gradTol()) {
                    return new int[] {k, 1};
                }
            } else {
                if (k > 0 && batches.atEpochBoundary() && fullGradientConverged(fn, theta, g, free, o)) {
                    return new int[] {k, 1};
                }
                int count = batches.next();
                j = fn.batchValueAndGradient(theta, batches.rows(), count, g);
                gn = maskedNorm(g, free);
                rec.record(k, fn.lastLoss(), j, gn, false);
            }
            if (!(Double.isFinite(j) && Double.isFinite(gn))) {
                return new int[] {k, 0};
            }
            if (adam != null) {
                adam.step(k + 1, theta, g, free);
            } else {
                double lr = o.learningRate();
                for (int r = 0; r < free.length; r += 2) {
                    for (int i = free[r]; i < free[r + 1]; i++) {
                        theta[i] -= lr * g[i];
                    }
                }
            }
            progress.update(k + 1, j);
        }
        return new int[] {o.iterations(), 0};
    }

    /** The gradient-norm test of the mini-batch methods: on the full batch, only if gradTol &gt; 0. */
    private static boolean fullGradientConverged(Objective.NetworkFunction fn, double[] theta, double[] g, int[] free,
                                                 TrainingOptions o) {
        if (o.gradTol() <= 0) {
            return false;
        }
        fn.valueAndGradient(theta, g);
        return maskedNorm(g, free) <= o.gradTol();
    }

    /** PyTorch's Adam update with its operation order (see the class comment). */
    private static final class Adam {
        private final double[] m;
        private final double[] v;
        private final double lr;
        private final double b1;
        private final double b2;
        private final double oneMinusB1;
        private final double oneMinusB2;
        private final double eps;
        private final boolean lerpLow;

        Adam(TrainingOptions o, int n) {
            m = new double[n];
            v = new double[n];
            lr = o.learningRate();
            b1 = o.beta1();
            b2 = o.beta2();
            oneMinusB1 = 1 - b1;
            oneMinusB2 = 1 - b2;
            eps = o.epsilon();
            lerpLow = oneMinusB1 < 0.5;
        }

        void step(int t, double[] theta, double[] g, int[] free) {
            double bc1 = 1 - Math.pow(b1, t);
            double bc2 = 1 - Math.pow(b2, t);
            double stepSize = lr / bc1;
            double bc2Sqrt = Math.sqrt(bc2);
            for (int r = 0; r < free.length; r += 2) {
                for (int i = free[r]; i < free[r + 1]; i++) {
                    double gi = g[i];
                    double mi = lerpLow ? Math.fma(oneMinusB1, gi - m[i], m[i])
                            : Math.fma(-(gi - m[i]), 1 - oneMinusB1, gi);
                    double vi = Math.fma(oneMinusB2 * gi, gi, v[i] * b2);
                    m[i] = mi;
                    v[i] = vi;
                    double denom = Math.sqrt(vi) / bc2Sqrt + eps;
                    theta[i] += (-stepSize * mi) / denom;
                }
            }
        }
    }

    private static int[] sgd(Objective.NetworkFunction fn, int nData, double[] theta, int[] free, TrainingOptions o,
                             TrainingHistory.Recorder rec, Reporter progress) {
        int n = theta.length;
        double[] g = new double[n];
        double[] buf = new double[n];
        MiniBatches batches = new MiniBatches(nData, o.batchSize(), o.seed());
        double lr = o.learningRate();
        double mu = o.momentum();
        boolean first = true;
        for (int k = 0; k < o.iterations(); k++) {
            if (k > 0 && batches.atEpochBoundary() && fullGradientConverged(fn, theta, g, free, o)) {
                return new int[] {k, 1};
            }
            int count = batches.next();
            double j = fn.batchValueAndGradient(theta, batches.rows(), count, g);
            double gn = maskedNorm(g, free);
            rec.record(k, fn.lastLoss(), j, gn, false);
            if (!(Double.isFinite(j) && Double.isFinite(gn))) {
                return new int[] {k, 0};
            }
            for (int r = 0; r < free.length; r += 2) {
                for (int i = free[r]; i < free[r + 1]; i++) {
                    double d = g[i];
                    if (mu != 0) {
                        buf[i] = first ? d : mu * buf[i] + d;
                        d = buf[i];
                    }
                    theta[i] -= lr * d;
                }
            }
            first = false;
            progress.update(k + 1, j);
        }
        return new int[] {o.iterations(), 0};
    }

    private static OptimResult lbfgs(Objective.NetworkFunction fn, double[] theta, int[] free, TrainingOptions o,
                                     TrainingHistory.Recorder rec, Reporter progress) {
        DiffFunction masked = new DiffFunction() {
            @Override
            public int dimension() {
                return fn.dimension();
            }

            @Override
            public double valueAndGradient(double[] x, double[] grad) {
                double v = fn.valueAndGradient(x, grad);
                zeroFrozen(grad, free);
                return v;
            }
        };
        LbfgsOptions lo = LbfgsOptions.defaults().withMaxIterations(o.iterations()).withGradTol(o.gradTol());
        return Lbfgs.minimize(masked, theta, lo, (k, x, value, gn) -> {
            rec.record(k, fn.lastLoss(), value, gn, false);
            progress.update(k, value);
            return true;
        });
    }

    /** Trainable parameter ranges as [from0, to0, from1, to1, ...]. */
    static int[] freeRanges(ParameterLayout layout, TrainingOptions o) {
        int[] r = new int[2 * layout.layerCount()];
        int c = 0;
        for (int l = 0; l < layout.layerCount(); l++) {
            if (!o.frozenLayers().contains(l)) {
                r[c++] = layout.weightOffset(l);
                r[c++] = layout.end(l);
            }
        }
        return Arrays.copyOf(r, c);
    }

    static void zeroFrozen(double[] g, int[] free) {
        int prev = 0;
        for (int r = 0; r < free.length; r += 2) {
            Arrays.fill(g, prev, free[r], 0.0);
            prev = free[r + 1];
        }
        Arrays.fill(g, prev, g.length, 0.0);
    }

    static double maskedNorm(double[] g, int[] free) {
        double s = 0;
        for (int r = 0; r < free.length; r += 2) {
            for (int i = free[r]; i < free[r + 1]; i++) {
                s += g[i] * g[i];
            }
        }
        return Math.sqrt(s);
    }

    /** Passes iterations to a {@link Progress} at most 20 times a second (formatting costs more than a step). */
    private static final class Reporter {
        private static final long GAP_NANOS = 50_000_000L;
        private final Progress sink;
        private final String step;
        private final int total;
        private final StepObserver observer;
        private final double[] theta;
        private long last = System.nanoTime();

        Reporter(Progress sink, String step, int total, StepObserver observer, double[] theta) {
            this.sink = sink;
            this.step = step;
            this.total = total;
            this.observer = observer;
            this.theta = theta;
        }

        void update(int done, double objective) {
            if (observer != StepObserver.NONE) {
                observer.afterStep(done, objective, theta);
            }
            long now = System.nanoTime();
            if (sink != Progress.NONE && now - last >= GAP_NANOS) {
                last = now;
                sink.update(step, done, total, "objective " + Num.show(objective));
            }
        }

        void finish(int done, double objective) {
            sink.finish(step, done, total, "objective " + Num.show(objective));
        }
    }
}
