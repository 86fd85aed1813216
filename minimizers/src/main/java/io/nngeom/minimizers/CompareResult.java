package io.nngeom.minimizers;

import io.nngeom.run.RunInfo;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * The constructed minimizer against trained networks of the same architecture.
 *
 * @param constructedCost C2 of the explicit minimizer
 * @param runs every training run
 * @param plateaus the merged-class costs (1/N) Σ_{k∈S} N_k |y_k − ȳ_S|² of every S with |S| ≥ 2, where trained
 *                 runs are expected to stall (digest §3)
 */
public record CompareResult(double constructedCost, List<Run> runs, double[] plateaus, RunInfo run) {

    public CompareResult {
        runs = List.copyOf(runs);
        plateaus = plateaus.clone();
    }

    /**
     * One training run.
     *
     * @param optimizer "adam" or "lbfgs"
     * @param seed the initialisation seed
     * @param cost final C2
     * @param iterations the iteration numbers of the recorded history
     * @param history C2 along the run
     */
    public record Run(String optimizer, long seed, double cost, int[] iterations, double[] history) {
        public Run {
            iterations = iterations.clone();
            history = history.clone();
        }
    }

    /** Smallest trained C2 over all runs (of one optimizer when {@code optimizer} is non-null). */
    public double best(String optimizer) {
        return costs(optimizer).min().orElse(Double.NaN);
    }

    /** Median trained C2. */
    public double median(String optimizer) {
        double[] c = costs(optimizer).sorted().toArray();
        if (c.length == 0) {
            return Double.NaN;
        }
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }

    /** Runs whose final cost lies within {@code tol} of a merged-class plateau. */
    public long atPlateau(double tol) {
        return runs.stream().filter(r -> Arrays.stream(plateaus).anyMatch(p -> Math.abs(r.cost() - p) <= tol)).count();
    }

    private DoubleStream costs(String optimizer) {
        return runs.stream().filter(r -> optimizer == null || r.optimizer().equals(optimizer)).mapToDouble(Run::cost);
    }
}
