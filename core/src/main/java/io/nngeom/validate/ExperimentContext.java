package io.nngeom.validate;

/**
 * How an experiment is to run.
 *
 * @param seed the root seed; experiments derive every random choice from it
 * @param quick the small version meant for CI (seconds, not minutes)
 */
public record ExperimentContext(long seed, boolean quick) {
}
