package io.nngeom.report;

import java.time.Instant;

/**
 * The header of a validation report.
 *
 * @param version nngeom version
 * @param jvm the JVM that ran the experiments
 * @param date when the run started
 * @param seed the root seed of every experiment
 * @param quick whether the quick (CI) versions ran
 * @param filter the {@code --only} pattern, or null for all experiments
 * @param seconds wall time of the whole run
 */
public record ReportInfo(String version, String jvm, Instant date, long seed, boolean quick, String filter,
                         double seconds) {
}
