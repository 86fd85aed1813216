/**
 * Theory 2, exact piecewise-linear constructions (Chen, Ge et al.): the API of the area. {@code Piecewise} is the
 * front door (build a network from a spec, interpolation, depth separation, distinguishability); the constructions
 * C1–C6, lattices, triangulations and the affine lift are here. The validation experiments are in {@code
 * io.nngeom.piecewise.experiments}.
 */
package io.nngeom.piecewise;
