package io.nngeom.run;

/**
 * Provenance carried by every front-door result: nngeom version, JVM, seed and elapsed seconds.
 */
public record RunInfo(String version, String jvm, long seed, double seconds) {

    /** nngeom's version, from the jar manifest when packaged. */
    public static String currentVersion() {
        String v = RunInfo.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    public static RunInfo of(long seed, long startNanos) {
        return new RunInfo(currentVersion(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                seed, (System.nanoTime() - startNanos) / 1e9);
    }
}
