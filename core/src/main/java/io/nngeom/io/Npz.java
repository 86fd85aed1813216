package io.nngeom.io;

import io.nngeom.run.InputException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} archives: a zip file of {@code .npy} members, as written by {@code numpy.savez} (stored) and
 * {@code numpy.savez_compressed} (deflated). The array names are the member names without {@code .npy}, as
 * {@code numpy.load} gives them. Each member is read with {@link Npy}; its errors name "FILE[member]".
 *
 * <p>As NumPy does, every member's CRC-32 is checked. A member's size is checked before it is inflated: it must
 * fit in memory ({@link Memory}) and in an array, and inflating stops with an error as soon as a member produces
 * more bytes than the archive declares (so a zip bomb is refused, not inflated).
 */
public final class Npz {
    private Npz() {
    }

    /** All arrays of a {@code .npz} file, in archive order. */
    public static Map<String, NpyArray> read(Path file) {
        Files2.checkReadable(file);
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile());
                ZipInputStream local = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String member = e.getName();
                String name = member.endsWith(".npy") ? member.substring(0, member.length() - 4) : member;
                String source = file + "[" + name + "]";
                byte[] bytes = member(zip, e, source);
                sameAsLocal(local, e, bytes, source);
                if (e.isDirectory()) {
                    continue;
                }
                if (out.containsKey(name)) {
                    throw InputException.of(file, "the archive holds two arrays named '" + name + "'");
                }
                out.put(name, Npy.decode(bytes, source));
            }
            if (local.getNextEntry() != null) {
                throw InputException.of(file, "corrupt zip archive: more members than its central directory lists");
            }
        } catch (ZipException e) {
            throw InputException.of(file, "not a valid .npz (zip) archive: " + oneLine(e.getMessage()));
        } catch (IllegalArgumentException e) { // java.util.zip's answer to a member name that is not valid UTF-8
            throw InputException.of(file, "corrupt zip archive: a member name is not valid UTF-8");
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + Files2.reason(e));
        }
        if (out.isEmpty()) {
            throw InputException.of(file, "the .npz archive holds no arrays");
        }
        return out;
    }

    /** The bytes of one member: declared size checked first, inflation bounded by it, CRC-32 verified. */
    private static byte[] member(ZipFile zip, ZipEntry e, String source) throws IOException {
        long size = e.getSize();
        if (size < 0) {
            throw InputException.of(source, "the archive does not declare the member's size");
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw InputException.of(source, "the member is " + size + " bytes uncompressed; members above 2 GB are not supported");
        }
        Memory.require(source, Memory.bytes(size, 2), "inflating this " + size + "-byte member");
        byte[] bytes = new byte[(int) size];
        int n = 0;
        try (InputStream in = zip.getInputStream(e)) {
            while (n < bytes.length) {
                int r = in.read(bytes, n, bytes.length - n);
                if (r < 0) {
                    throw InputException.of(source, "the member holds " + n + " bytes, the archive declares " + size);
                }
                n += r;
            }
            if (in.read() >= 0) {
                throw InputException.of(source, "the member holds more bytes than the " + size + " the archive declares");
            }
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, n);
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
            throw InputException.of(source, String.format("CRC-32 mismatch (stored %08x, data %08x): the archive is corrupt",
                    e.getCrc(), crc.getValue()));
        }
        return bytes;
    }

    /**
     * The member as the local headers describe it (read by a streaming reader, which checks sizes and CRC-32
     * itself) must be the one the central directory describes: same name, same bytes. A zip whose two descriptions
     * disagree is corrupt, and readers differ on which to believe (Python's zipfile refuses it).
     */
    private static void sameAsLocal(ZipInputStream local, ZipEntry e, byte[] bytes, String source) throws IOException {
        ZipEntry l;
        byte[] other;
        try {
            l = local.getNextEntry();
            other = l == null ? null : local.readNBytes(bytes.length + 1);
        } catch (ZipException ex) {
            throw InputException.of(source, "corrupt zip archive: the member's local header is inconsistent (" + oneLine(ex.getMessage()) + ")");
        }
        if (l == null || !l.getName().equals(e.getName())) {
            throw InputException.of(source, "corrupt zip archive: the central directory and the local header name different members");
        }
        if (!Arrays.equals(bytes, other)) {
            throw InputException.of(source, "corrupt zip archive: the member's data differ between its local header and the central directory");
        }
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
                ze.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0)); // fixed: same arrays, same bytes
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
        return m == null ? "unreadable" : m.replace('\n', ' ').replace('\r', ' ');
    }
}
