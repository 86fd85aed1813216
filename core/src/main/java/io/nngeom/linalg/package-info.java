/**
 * The one matrix type ({@code Matrix}, dense row-major float64, examples as rows) and {@code Linalg}, the facade
 * over EJML (the only code that imports it).
 */
package io.nngeom.linalg;
