package io.nngeom.io;

import io.nngeom.run.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} archives: a zip file of {@code .npy} members, as written by {@code numpy.savez} (stored) and
 * {@code numpy.savez_compressed} (deflated). The array names are the member names without {@code .npy}, as
 * {@code numpy.load} gives them. Each member is read with {@link Npy}; its errors name "FILE[member]".
 */
public final class Npz {
    private Npz() {
    }

    /** All arrays of a {@code .npz} file, in archive order. */
    public static Map<String, NpyArray> read(Path file) {
        Files2.checkReadable(file);
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String member = e.getName();
                String name = member.endsWith(".npy") ? member.substring(0, member.length() - 4) : member;
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (out.containsKey(name)) {
                    throw InputException.of(file, "the archive holds two arrays named '" + name + "'");
                }
                out.put(name, Npy.decode(bytes, file + "[" + name + "]"));
            }
        } catch (ZipException e) {
            throw InputException.of(file, "not a valid .npz (zip) archive: " + oneLine(e.getMessage()));
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + Files2.reason(e));
        }
        if (out.isEmpty()) {
            throw InputException.of(file, "the .npz archive holds no arrays");
        }
        return out;
    }

    /** Writes the arrays to a {@code .npz} file (deflated members {@code NAME.npy}), atomically. */
    public static void write(Path file, Map<String, NpyArray> arrays) {
        AtomicFiles.write(file, encode(arrays));
    }

    /** The bytes of a {@code .npz} archive holding the arrays. */
    public static byte[] encode(Map<String, NpyArray> arrays) {
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("an .npz archive needs at least one array");
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(bos)) {
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey() + ".npy");
                ze.setTimeLocal(java.time.LocalDateTime.of(1980, 1, 1, 0, 0)); // fixed: same arrays, same bytes
                zos.putNextEntry(ze);
                zos.write(Npy.encode(e.getValue()));
                zos.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bos.toByteArray();
    }

    private static String oneLine(String m) {
        return m == null ? "unreadable" : m.replace('\n', ' ');
    }
}
