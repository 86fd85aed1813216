package io.nngeom.io;

import io.nngeom.run.InputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Atomic file output: the content goes to a temporary file in the target's own directory, which is then moved
 * over the target in one step. Readers never see a half-written file, and a write that fails (an exception while
 * producing the content, a full disk, a directory in the way) leaves neither the target nor a temporary file
 * behind; an existing target stays as it was. Missing parent directories are created.
 *
 * <p>The temporary file is {@code .NAME.PID-CLOCK-N.tmp} next to the target, created with the default permissions.
 * Failures are user-facing: they end in an {@link InputException} "PATH: cannot write: reason".
 *
 * <p>Interruptions leave nothing behind: temporary files in flight (and any path given to {@link #removeOnExit})
 * are deleted by a shutdown hook, which the JVM runs on SIGINT (Ctrl-C) and SIGTERM. A file left by a process
 * killed outright (SIGKILL) is removed by the next write to the same target: its name carries the PID of a
 * process that no longer runs.
 */
public final class AtomicFiles {

    /** Produces a file's content on a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Makes temporary names unique within this process (pid and clock make them unique across processes). */
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Temporary paths to delete if the JVM shuts down (Ctrl-C, SIGTERM) before they are moved or removed. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

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
            removeStale(dir, "." + name + ".", ".tmp");
            // a fresh name created with the ordinary (umask) permissions; Files.createTempFile would make it 0600
            tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                    + Long.toString(System.nanoTime() & Long.MAX_VALUE, 36) + "-" + COUNTER.incrementAndGet() + ".tmp");
            removeOnExit(tmp);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            move(tmp, abs);
            done(tmp);
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
                done(tmp);
            }
        }
    }

    /**
     * Deletes {@code path} (a file, or a directory with everything in it) if the JVM shuts down before
     * {@link #done} is called for it: for temporary files and directories of any writer.
     */
    public static void removeOnExit(Path path) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> IN_FLIGHT.forEach(AtomicFiles::deleteTree), "nngeom-cleanup"));
        }
        IN_FLIGHT.add(path.toAbsolutePath().normalize());
    }

    /** {@code path} no longer needs removing at exit (it was moved into place or deleted). */
    public static void done(Path path) {
        IN_FLIGHT.remove(path.toAbsolutePath().normalize());
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort during shutdown
        }
    }

    /**
     * Deletes the files or directories {@code PREFIX<pid>-…SUFFIX} in {@code dir} whose writing process no longer
     * runs (left by a process killed outright); those of running processes are left alone.
     */
    public static void removeStale(Path dir, String prefix, String suffix) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix))) {
            for (Path f : files) {
                String rest = f.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash > 0 && rest.substring(0, dash).chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isEmpty()) {
                    deleteTree(f);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // stale files are only tidied up; a failure here must not stop the write
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
