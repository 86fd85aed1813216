package io.nngeom.train;

import io.nngeom.plot.Chart;
import java.util.Arrays;

/**
 * The loss curve of a training run: at recorded iterations k (number of updates done so far) the loss,
 * the objective (loss + penalty) and ‖∇J‖₂ over the trainable parameters. Full-batch optimizers record the
 * full-batch values at θ_k; SGD records the mini-batch estimates of its step k, and the last entry is always
 * the full-batch state of the returned model. Long runs are thinned to at most {@link #MAX_POINTS} evenly
 * spaced entries (the first and the last are always kept).
 */
public record TrainingHistory(int[] iteration, double[] loss, double[] objective, double[] gradNorm) {
    /** At most this many entries are kept. */
    public static final int MAX_POINTS = 10_000;

    public int size() {
        return iteration.length;
    }

    /** The loss curve (objective against iteration, log y-axis when all values are positive). */
    public Chart chart(String name, String title) {
        double[] x = new double[size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = iteration[i];
        }
        Chart c = Chart.of(name, title, "iteration", "objective").line("objective", x, objective);
        boolean positive = Arrays.stream(objective).allMatch(v -> v > 0);
        return positive ? c.withLogY() : c;
    }

    /** Collects entries, thinning by a stride fixed from the expected number of iterations. */
    static final class Recorder {
        private final int stride;
        private int[] it = new int[16];
        private double[] lo = new double[16];
        private double[] ob = new double[16];
        private double[] gn = new double[16];
        private int size;

        Recorder(int expectedIterations) {
            this.stride = Math.max(1, (int) Math.ceil((expectedIterations + 1.0) / (MAX_POINTS - 1)));
        }

        void record(int k, double loss, double objective, double gradNorm, boolean force) {
            if (!force && k % stride != 0) {
                return;
            }
            if (size > 0 && it[size - 1] == k) {
                size--;
            }
            if (size == it.length) {
                int n = size * 2;
                it = Arrays.copyOf(it, n);
                lo = Arrays.copyOf(lo, n);
                ob = Arrays.copyOf(ob, n);
                gn = Arrays.copyOf(gn, n);
            }
            it[size] = k;
            lo[size] = loss;
            ob[size] = objective;
            gn[size] = gradNorm;
            size++;
        }

        TrainingHistory build() {
            return new TrainingHistory(Arrays.copyOf(it, size), Arrays.copyOf(lo, size), Arrays.copyOf(ob, size),
                    Arrays.copyOf(gn, size));
        }
    }
}
