/**
 * The convex commands (convex training of two-layer ReLU networks): fit, path, certify. Each parses its options,
 * calls the front door {@code io.nngeom.convex.Convex} and prints.
 */
package io.nngeom.cli.convex;
