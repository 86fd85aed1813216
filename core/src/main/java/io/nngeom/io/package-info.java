/**
 * Files: data sets ({@link io.nngeom.io.DataIo}: CSV, NPY, NPZ), models ({@link io.nngeom.io.ModelIo}: nngeom's
 * JSON format and PyTorch-compatible safetensors), JSON results ({@link io.nngeom.io.Json}) and atomic writes
 * ({@link io.nngeom.io.AtomicFiles}). Every malformed input ends in one {@link io.nngeom.run.InputException} line
 * "FILE: what is wrong". The formats are specified in {@code docs/formats.md}.
 */
package io.nngeom.io;
