/**
 * Benchmarks (not run by the tests): each class times one workload of docs/benchmarks.md, side by side with the
 * Python peers under bench/peers, which the scripts in bench/ run.
 */
package io.nngeom.bench;
