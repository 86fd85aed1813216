/**
 * The pwl commands (piecewise theory): build and interpolate exact piecewise-linear networks. Each parses its
 * options, calls the area's front door {@code io.nngeom.piecewise.Piecewise} and prints.
 */
package io.nngeom.cli.pwl;
