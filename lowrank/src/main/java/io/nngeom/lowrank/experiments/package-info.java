/**
 * The low-rank area's validation experiments (E0–E9 of the local-geometry digest and the hair × eye real-data
 * analysis), one class per experiment, registered by {@link io.nngeom.lowrank.experiments.LowRankExperiments}.
 * They reach the theory through the public API of {@code io.nngeom.lowrank}.
 */
package io.nngeom.lowrank.experiments;
