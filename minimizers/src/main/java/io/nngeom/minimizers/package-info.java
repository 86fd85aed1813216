/**
 * Theory 4: explicit global L² minimizers of deep ReLU networks built from truncation maps (T. Chen and
 * P. Muñoz Ewald, arXiv:2309.10639; shallow companion arXiv:2309.10370; truncation maps and cumulative
 * parameters of arXiv:2405.07098).
 *
 * <p>Front door: {@link io.nngeom.minimizers.Minimizers} ({@code build}, {@code localMinima}, {@code compare},
 * {@code shallow}), each taking an options record and returning a result record with its
 * {@link io.nngeom.run.RunInfo}. Building blocks: {@link io.nngeom.minimizers.ClusteredData} (the data model
 * and its noise sizes), {@link io.nngeom.minimizers.Truncation} (τ_{A,c} with apex and cone),
 * {@link io.nngeom.minimizers.CumulativeParameters} ((W, b) ↔ (A, c)), {@link io.nngeom.minimizers.Degeneracy}
 * (symmetry moves, Jacobian rank). Costs are C2 = (1/N) Σ |f(x) − y|² and C = √C2 ({@link
 * io.nngeom.minimizers.Costs}); gradients come from {@code io.nngeom.train.Objective} with {@code Loss.MSE}.
 * The validation experiments live in {@code io.nngeom.minimizers.experiments}. The status of the
 * reconstruction (what matched the papers' claims, what did not) is in {@code docs/theory/minimizers.md}.
 */
package io.nngeom.minimizers;
