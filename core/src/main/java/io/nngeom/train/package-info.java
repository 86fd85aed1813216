/**
 * Training: {@code Objective} (loss plus explicit penalties), {@code Trainer} (GD, SGD with momentum, Adam,
 * L-BFGS; full batch or mini-batches), {@code Lbfgs} for any {@code DiffFunction}, options and histories.
 */
package io.nngeom.train;
