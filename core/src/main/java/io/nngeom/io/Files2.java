package io.nngeom.io;

import io.nngeom.run.InputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/** Reading user files with one-line {@link InputException}s, and one-line reasons for I/O failures. */
final class Files2 {
    private Files2() {
    }

    /** All bytes of a user's file, or an {@link InputException} saying why not. */
    static byte[] readAllBytes(Path file) {
        if (Files.isDirectory(file)) {
            throw InputException.of(file, "is a directory, expected a file");
        }
        if (!Files.exists(file)) {
            throw InputException.of(file, "no such file");
        }
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw InputException.of(file, "is " + size + " bytes; files above 2 GB are not supported");
            }
            Memory.require(file, size, "reading this " + size + "-byte file");
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + reason(e));
        }
    }

    /** Checks that a user's file exists and is a readable regular file. */
    static void checkReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw InputException.of(file, "is a directory, expected a file");
        }
        if (!Files.exists(file)) {
            throw InputException.of(file, "no such file");
        }
        if (!Files.isReadable(file)) {
            throw InputException.of(file, "cannot read: permission denied");
        }
    }

    /** A one-line reason for an I/O failure. */
    static String reason(IOException e) {
        String text;
        if (e instanceof NoSuchFileException f) {
            text = "no such file or directory" + other(f, f.getFile());
        } else if (e instanceof AccessDeniedException f) {
            text = "permission denied" + other(f, f.getFile());
        } else if (e instanceof NotDirectoryException f) {
            text = "not a directory" + other(f, f.getFile());
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            text = f.getReason().toLowerCase(Locale.ROOT) + other(f, f.getFile());
        } else {
            String m = e.getMessage();
            text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        }
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static String other(FileSystemException e, String file) {
        return file == null ? "" : " (" + file + ")";
    }

    /** Lower-case extension of a file name without the dot, or "" if none. */
    static String extension(Path file) {
        Path n = file.getFileName();
        String s = n == null ? "" : n.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
