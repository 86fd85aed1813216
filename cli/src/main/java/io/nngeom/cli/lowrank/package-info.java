/**
 * The lowrank commands (low-rank theory): analyze, train, sweep. Each parses its options, calls {@code
 * io.nngeom.lowrank} and prints.
 */
package io.nngeom.cli.lowrank;
