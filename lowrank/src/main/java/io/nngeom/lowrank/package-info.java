/**
 * Theory 1, the low-rank geometry of learning in the local regime (Xu, Huang, Zheng et al.): the API of the area.
 * {@link io.nngeom.lowrank.LowRank} is the front door ({@code analyze} takes an {@link io.nngeom.lowrank.AnalyzeOptions}
 * and returns an {@link io.nngeom.lowrank.AnalyzeResult}); the value types callers need are here
 * ({@link io.nngeom.lowrank.JointDistribution}, {@link io.nngeom.lowrank.Tables}, the bottleneck and its metrics,
 * the hidden-layer formula, ACE). The validation experiments are in {@code io.nngeom.lowrank.experiments}.
 */
package io.nngeom.lowrank;
