/**
 * The linear-programming facade ({@code LinearProgram}, Hipparchus' simplex) used by regions, piecewise and
 * minimizers. The sparse and convex solvers are in the solvers module.
 */
package io.nngeom.optim;
