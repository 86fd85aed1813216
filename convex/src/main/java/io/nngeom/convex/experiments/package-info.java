/**
 * The convex area's validation experiments, one class per experiment, listed by
 * {@link io.nngeom.convex.experiments.ConvexExperiments} (a {@link io.nngeom.validate.ExperimentProvider} service),
 * with their small data sets ({@code Toy}).
 */
package io.nngeom.convex.experiments;
