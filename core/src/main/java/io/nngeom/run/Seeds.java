package io.nngeom.run;

import java.util.SplittableRandom;

/**
 * Explicit randomness. Every random choice in nngeom takes a seed or a {@link SplittableRandom} made here;
 * there is no unseeded randomness. Child streams are derived deterministically from a parent seed and a
 * label, so adding a new consumer does not shift the numbers of the existing ones.
 */
public final class Seeds {
    /** The default seed of every command and experiment. */
    public static final long DEFAULT = 20261122L;

    private Seeds() {
    }

    public static SplittableRandom rng(long seed) {
        return new SplittableRandom(seed);
    }

    /** A child seed for a named purpose: a stable mix (SplitMix64 finaliser) of the parent and the label's hash. */
    public static long child(long seed, String label) {
        return mix(seed ^ mix(label.hashCode() * 0x9E3779B97F4A7C15L));
    }

    /** A child seed for the i-th run of something. */
    public static long child(long seed, int index) {
        return mix(seed + 0x9E3779B97F4A7C15L * (index + 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Standard normal deviate (Box–Muller, one value per call; deterministic for a given stream). */
    public static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }
}
