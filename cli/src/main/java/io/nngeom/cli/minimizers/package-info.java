/**
 * The minimizers commands (explicit global L² minimizers): build, compare, local-minima, shallow. Each parses its
 * options, calls {@code io.nngeom.minimizers.Minimizers} and prints.
 */
package io.nngeom.cli.minimizers;
