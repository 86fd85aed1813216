/**
 * The regions command: linear regions of any ReLU network (exact 2-D partition or n-D LP search from core's {@code
 * io.nngeom.regions}), with bounds, pictures and slices.
 */
package io.nngeom.cli.regions;
