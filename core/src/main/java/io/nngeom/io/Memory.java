package io.nngeom.io;

import io.nngeom.run.InputException;

/**
 * Memory estimates before allocating: a size that would not fit in the Java heap is refused in one
 * {@link InputException} line that names the limit and how to raise it, instead of an OutOfMemoryError later.
 */
public final class Memory {
    /** How to give nngeom more memory (the launcher passes {@code NNGEOM_JAVA_OPTS} to java). */
    public static final String HOW_TO_RAISE = "give Java more memory, e.g. NNGEOM_JAVA_OPTS=-Xmx8g ./nngeom ...";

    private Memory() {
    }

    /** Bytes the heap can still grow by (its limit minus what is in use). */
    public static long available() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Refuses {@code what} (for example "reading 2,000,000 rows") if it needs more than the heap has free.
     *
     * @param source what the message names first (a file or an option)
     * @param bytes  the estimated number of bytes to be allocated
     */
    public static void require(Object source, long bytes, String what) {
        if (bytes <= available()) {
            return;
        }
        System.gc(); // what is "in use" may be garbage: measure again once before refusing
        long free = available();
        if (bytes > free) {
            throw InputException.of(source, what + " needs about " + mb(bytes) + " MB of memory, but the Java heap (-Xmx"
                    + mb(Runtime.getRuntime().maxMemory()) + "m) has " + mb(free) + " MB free; " + HOW_TO_RAISE);
        }
    }

    /** A product of sizes in bytes, saturating at Long.MAX_VALUE instead of overflowing. */
    public static long bytes(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                return Long.MAX_VALUE;
            }
            if (f != 0 && p > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            p *= f;
        }
        return p;
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
