/**
 * Sparse and convex solvers with duality-gap certificates, used by the convex theory area: the Lasso
 * ({@link io.nngeom.solvers.ActiveSetLasso}, the production solver; {@link io.nngeom.solvers.CoordinateDescentLasso} and
 * {@link io.nngeom.solvers.FistaLasso}, independent second solvers for tests and comparisons), the group lasso
 * ({@link io.nngeom.solvers.FistaGroupLasso} with {@link io.nngeom.solvers.DualCorrection};
 * {@link io.nngeom.solvers.BlockCoordinateGroupLasso} as the independent reference), non-negative least squares with
 * one equality ({@link io.nngeom.solvers.NonNegativeLeastSquares}), and the column and block providers they read
 * ({@link io.nngeom.solvers.ColumnProvider}, {@link io.nngeom.solvers.BlockProvider}). Shared numerical helpers live
 * in the package-private {@code SolverHelpers}. Depends on core only; the linear-programming facade stays in core
 * ({@code io.nngeom.optim.LinearProgram}), where the regions and other areas use it.
 */
package io.nngeom.solvers;
