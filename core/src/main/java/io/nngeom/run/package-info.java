/**
 * Run-time ground shared by every module: seeds, run information, {@code InputException} (bad input as a one-line
 * message), progress reports, budgets (deadline and progress of a long solve), number display.
 */
package io.nngeom.run;
