package io.nngeom.io;

import io.nngeom.run.InputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Atomic file output: the content goes to a temporary file in the target's own directory, which is then moved
 * over the target in one step. Readers never see a half-written file, and a write that fails (an exception while
 * producing the content, a full disk, a directory in the way) leaves neither the target nor a temporary file
 * behind; an existing target stays as it was. Missing parent directories are created.
 *
 * <p>The temporary file is {@code .NAME.PID-CLOCK-N.tmp} next to the target, created with the default permissions.
 * Failures are user-facing: they end in an {@link InputException} "PATH: cannot write: reason".
 */
public final class AtomicFiles {

    /** Produces a file's content on a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Makes temporary names unique within this process (pid and clock make them unique across processes). */
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the content produced by {@code content} to {@code target} atomically. If {@code content} throws, the
     * temporary file is deleted and the exception is passed on (an {@link IOException} as an
     * {@link InputException}, a {@link RuntimeException} unchanged).
     */
    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Path name = abs.getFileName();
        if (dir == null || name == null) {
            throw InputException.of(target, "cannot write: not a file path");
        }
        if (Files.isDirectory(abs)) {
            throw InputException.of(target, "cannot write: is a directory");
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // a fresh name created with the ordinary (umask) permissions; Files.createTempFile would make it 0600
            tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                    + Long.toString(System.nanoTime() & Long.MAX_VALUE, 36) + "-" + COUNTER.incrementAndGet() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            move(tmp, abs);
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw InputException.of(target, "cannot write: " + e.getFile() + " exists and is not a directory");
        } catch (IOException e) {
            throw InputException.of(target, "cannot write: " + reason(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: nothing more can be done about a temp file that cannot be deleted
                }
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String reason(IOException e) {
        return Files2.reason(e);
    }
}
