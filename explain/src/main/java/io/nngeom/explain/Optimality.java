package io.nngeom.explain;

/**
 * The convex theory's certificate (theory 3) for the last two layers, the features of the layer below them taken as
 * the inputs: {@code verdict} is {@code optimal}, {@code not-optimal}, {@code undecided} (as {@code convex certify}
 * says), or {@code not-applicable} with the reason.
 *
 * @param beta the penalty β
 * @param verdict the certificate's verdict
 * @param objective the network objective of the last two layers on the lower features (NaN when not applicable)
 * @param lowerBound the certified lower bound (NaN when none)
 * @param reason why, in words
 */
public record Optimality(double beta, String verdict, double objective, double lowerBound, String reason) {
}
