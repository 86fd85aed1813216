package io.nngeom.minimizers;

import io.nngeom.data.Dataset;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.Progress;
import io.nngeom.run.RunInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Front door of theory 4: explicit global L² minimizers of deep ReLU networks built from truncation maps,
 * after T. Chen and P. Muñoz Ewald, "Geometric structure of Deep Learning networks and construction of global
 * L² minimizers" (arXiv:2309.10639), with the truncation-map formalism of arXiv:2405.07098. The construction
 * follows the reconstruction in the project digest (§2), which was written without the papers' body text.
 *
 * <p>Inputs in R^d with d ≠ Q first pass a documented affine first layer into R^Q ({@link FirstLayerProjection}),
 * folded into the first hidden layer. For Q classes of inputs in R^Q satisfying the clustering condition (SC) and L ≥ Q, hidden layer ℓ ≤ Q
 * collapses class π(ℓ) to an apex point and keeps every other point; layers ℓ &gt; Q are identity layers on the
 * data; the affine output layer interpolates the Q apex points to their targets. The network maps every
 * training input of class j exactly to y_j, so the cost is zero: a global minimum.
 */
public final class Minimizers {
    private Minimizers() {
    }

    /**
     * Builds the explicit zero-cost minimizer.
     *
     * @throws InputException when the data have no labels, L &lt; Q, the order
     *         is not a permutation of the classes, or the clustering condition fails at some step
     */
    public static BuildResult build(Dataset data, BuildOptions options) {
        long start = System.nanoTime();
        ClusteredData original = ClusteredData.of(data);
        int q = original.classes();
        if (options.layers() < q) {
            throw new InputException("--layers: L = " + options.layers() + " is smaller than Q = " + q
                    + "; the zero-cost construction needs at least one hidden layer per class");
        }
        int[] order = checkOrder(options.order(), q);
        FirstLayerProjection projection = FirstLayerProjection.of(original, data.x(), q);
        ClusteredData cd = projection == null ? original : ClusteredData.of(projection.apply(data));
        List<int[]> steps = new ArrayList<>();
        for (int l = 0; l < options.layers(); l++) {
            steps.add(l < q ? new int[] {order[l]} : new int[0]);
        }
        Construction.Outcome o;
        try {
            o = Construction.run(cd, steps, options, Construction.OutputFit.INTERPOLATE);
        } catch (InputException e) {
            throw projection == null ? e : new InputException("after the affine first layer (" + projection.rule()
                    + "), the projected classes fail: " + e.getMessage());
        }
        Mlp model = projection == null ? o.model() : projection.fold(o.model());
        double c2 = Costs.c2(model, original);
        double grad = CostGradient.norm(model, original);
        return new BuildResult(model, c2, Math.sqrt(c2), order, o.layers(), CumulativeParameters.of(o.model()),
                o.curated(), grad, o.sigmaMinApex(), cd, projection, RunInfo.of(options.seed(), start));
    }

    /**
     * The constructed minimizer against the same architecture trained on C2 by Adam and by L-BFGS from
     * {@code options.seeds()} random initialisations (He normal weights, zero biases).
     */
    public static CompareResult compare(Dataset data, CompareOptions options) {
        return Comparison.run(data, options, Progress.NONE);
    }

    /** {@link #compare(Dataset, CompareOptions)}, reporting each training run (initialisation i/N, optimizer) to {@code progress}. */
    public static CompareResult compare(Dataset data, CompareOptions options, Progress progress) {
        return Comparison.run(data, options, progress);
    }

    /** The local-minima study (see {@link LocalMinima}). */
    public static LocalMinimaResult localMinima(Dataset data, LocalMinimaOptions options) {
        return LocalMinima.analyze(data, options);
    }

    /** The shallow companion construction (see {@link Shallow}). */
    public static ShallowResult shallow(Dataset data, ShallowOptions options) {
        return Shallow.build(data, options);
    }

    /** The order as given (validated) or the default 0..Q−1. */
    static int[] checkOrder(int[] order, int q) {
        if (order == null) {
            int[] o = new int[q];
            for (int i = 0; i < q; i++) {
                o[i] = i;
            }
            return o;
        }
        if (order.length != q) {
            throw new InputException("--order: lists " + order.length + " classes, the data have " + q);
        }
        boolean[] seen = new boolean[q];
        for (int k : order) {
            if (k < 0 || k >= q) {
                throw new InputException("--order: class " + k + " outside 0.." + (q - 1));
            }
            if (seen[k]) {
                throw new InputException("--order: class " + k + " appears twice");
            }
            seen[k] = true;
        }
        return order.clone();
    }
}
