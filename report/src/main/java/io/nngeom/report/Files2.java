package io.nngeom.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/** Atomic file writes: a temp file next to the target, then a rename over it. */
public final class Files2 {
    /** Makes temp names unique within this process (the pid and clock make them unique across processes). */
    private static final AtomicLong COUNTER = new AtomicLong();

    private Files2() {
    }

    /** Writes bytes to {@code file} atomically, creating missing parent directories. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = tempSibling(abs, ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            move(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A fresh name next to {@code target} (hidden, unique): {@code .NAME.<random><suffix>}. Unlike
     * {@link Files#createTempFile} the file is created later with the ordinary permissions (umask), not 0600.
     */
    static Path tempSibling(Path target, String suffix) {
        String unique = ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime() & Long.MAX_VALUE, 36)
                + "-" + COUNTER.incrementAndGet();
        return target.resolveSibling("." + target.getFileName() + "." + unique + suffix);
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
