package io.nngeom.train;

import io.nngeom.net.Mlp;
import io.nngeom.run.RunInfo;

/**
 * Outcome of {@link Trainer#train}.
 *
 * @param model the trained network
 * @param history the loss curve
 * @param loss full-batch loss of the model (weighted as in the objective, no penalty)
 * @param objective full-batch objective J = loss + penalty of the model
 * @param gradNorm ‖∇J‖₂ of the model over its trainable (not frozen) parameters
 * @param iterations number of parameter updates done
 * @param run provenance (seed, seconds)
 * @param converged whether ‖∇J‖₂ ≤ gradTol was reached
 */
public record TrainingResult(Mlp model, TrainingHistory history, double loss, double objective, double gradNorm,
                             int iterations, RunInfo run, boolean converged) {
}
