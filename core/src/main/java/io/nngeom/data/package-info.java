/**
 * Data sets ({@code Dataset}: inputs, targets or class labels, optional weights) and the seeded synthetic
 * generators.
 */
package io.nngeom.data;
