package io.nngeom.report;

import java.time.Instant;
import java.util.Map;

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
 * @param knownFailures experiments known to fail (name → reason, as in {@code validate --known-failures}); the
 *                      report marks their failures as known, with the reason
 */
public record ReportInfo(String version, String jvm, Instant date, long seed, boolean quick, String filter,
                         double seconds, Map<String, String> knownFailures) {

    public ReportInfo {
        knownFailures = Map.copyOf(knownFailures);
    }

    /** A header without known failures. */
    public ReportInfo(String version, String jvm, Instant date, long seed, boolean quick, String filter, double seconds) {
        this(version, jvm, date, seed, quick, filter, seconds, Map.of());
    }

    /** The same header with these known failures. */
    public ReportInfo withKnownFailures(Map<String, String> known) {
        return new ReportInfo(version, jvm, date, seed, quick, filter, seconds, known);
    }
}
