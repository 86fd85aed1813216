/**
 * Theory 3, convex training via wedge products: the API of the area. The front door is {@link io.nngeom.convex.Convex}
 * ({@code fit}, {@code path}, {@code certify}, and {@code plan}/{@code certifyPlan}, which state the sizes of the work
 * before it starts) with its options and result records ({@link io.nngeom.convex.FitOptions},
 * {@link io.nngeom.convex.FitResult}, {@link io.nngeom.convex.PathOptions}, {@link io.nngeom.convex.PathResult},
 * {@link io.nngeom.convex.CertifyOptions}, {@link io.nngeom.convex.Certificate}) and the value types callers need
 * ({@link io.nngeom.convex.Exactness}, {@link io.nngeom.convex.PenaltyNorm}, {@link io.nngeom.convex.TwoLayer},
 * dictionaries, arrangement patterns). The programs behind {@code fit} are in the package-private {@code Fits},
 * the certificate's search in {@code Certify}; the solvers they call are in {@code io.nngeom.solvers}. Every
 * result's label ({@code exact}, {@code upper-bound}, {@code lower-bound}, {@code other-model}) and every
 * certificate verdict ({@code optimal}, {@code not-optimal}, {@code undecided}) is a proof of what it says.
 */
package io.nngeom.convex;
