/**
 * The explain area's validation experiment ({@code explain.local-hscore}): a network nngeom trains on a local law,
 * explained, its last hidden layer's H-score against the bound the theory predicts.
 */
package io.nngeom.explain.experiments;
