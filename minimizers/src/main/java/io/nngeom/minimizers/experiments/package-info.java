/**
 * The validation experiments of theory 4, registered through
 * {@link io.nngeom.minimizers.experiments.MinimizerExperiments}: construction, degeneracy, local minimality,
 * refusal, shallow rate, local-minima table (reported) and the comparison with training.
 */
package io.nngeom.minimizers.experiments;
