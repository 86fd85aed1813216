/**
 * The experiment API ({@code Experiment}, {@code ExperimentProvider} found as services, {@code ExperimentResult}
 * with its measurements and verdict, {@code NamedExperiment}) and the foundation's own experiments (gradient
 * check, L-BFGS, PyTorch parity).
 */
package io.nngeom.validate;
