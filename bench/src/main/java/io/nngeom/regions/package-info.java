/**
 * Region benchmarks that need the n-D search's package-private slow path, to time the current search against it in
 * one run.
 */
package io.nngeom.regions;
