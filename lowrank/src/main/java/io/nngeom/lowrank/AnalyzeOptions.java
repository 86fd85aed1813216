package io.nngeom.lowrank;

import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;

/**
 * Options of {@link LowRank#analyze}.
 *
 * @param k number of features (bottleneck width); 1 ≤ k
 * @param loss softmax (log-loss; matrix B̃) or mse (squared loss; matrix M)
 * @param embedding d × n_y embedding e(y) for the squared loss (null: one-hot)
 * @param train also train a bottleneck network on the population loss and report its agreement (M1–M7)
 * @param restarts random starts of that training
 * @param seed root seed
 */
public record AnalyzeOptions(int k, LossKind loss, Matrix embedding, boolean train, int restarts, long seed) {
    public AnalyzeOptions {
        if (k < 1) {
            throw new InputException("--k: must be at least 1, got " + k);
        }
        if (restarts < 1) {
            throw new InputException("--restarts: must be at least 1, got " + restarts);
        }
        if (loss == null) {
            throw new InputException("--loss: missing");
        }
    }

    /** k features, softmax, no training, default seed. */
    public static AnalyzeOptions defaults(int k) {
        return new AnalyzeOptions(k, LossKind.SOFTMAX, null, false, 4, Seeds.DEFAULT);
    }

    public AnalyzeOptions withLoss(LossKind l) {
        return new AnalyzeOptions(k, l, embedding, train, restarts, seed);
    }

    public AnalyzeOptions withTraining(boolean t) {
        return new AnalyzeOptions(k, loss, embedding, t, restarts, seed);
    }

    public AnalyzeOptions withSeed(long s) {
        return new AnalyzeOptions(k, loss, embedding, train, restarts, s);
    }
}
