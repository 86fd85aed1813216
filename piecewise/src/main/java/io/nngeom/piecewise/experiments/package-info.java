/**
 * The piecewise area's validation experiments (E1–E14 of the digest and the linear-region checks), one class per
 * experiment, registered by {@link io.nngeom.piecewise.experiments.PiecewiseExperiments}; helpers they share in
 * {@code ExperimentHelpers}.
 */
package io.nngeom.piecewise.experiments;
