package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    @Test
    void readsNumpySavezAndSavezCompressed() {
        Map<String, NpyArray> m = Npz.read(NpyTest.fixture("regression.npz"));
        assertThat(m.keySet()).containsExactly("x", "y");
        assertThat(m.get("x").shape()).containsExactly(5, 2);
        assertThat(m.get("x").data()).containsExactly(NpyTest.sevenths(10));
        assertThat(m.get("y").data()).containsExactly(0 / 3.0, 1 / 3.0, 2 / 3.0, 3 / 3.0, 4 / 3.0);
        Map<String, NpyArray> c = Npz.read(NpyTest.fixture("classes_compressed.npz"));
        assertThat(c.keySet()).containsExactly("X", "labels");
        assertThat(c.get("labels").data()).containsExactly(0, 2, 1, 2, 0);
        assertThat(c.get("labels").dtype()).isEqualTo("<i8");
    }

    @Test
    void roundTripsAndIsReproducible() {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("x", new NpyArray("<f8", new int[] {2, 2}, new double[] {1, 2, 3, Math.PI}));
        m.put("labels", NpyArray.ofInts(new int[] {1, 0}));
        Path f = dir.resolve("d.npz");
        Npz.write(f, m);
        assertThat(Npz.read(f)).isEqualTo(m);
        assertThat(Npz.encode(m)).isEqualTo(Npz.encode(m));
    }

    @Test
    void errorsNameTheFileAndMember() throws Exception {
        Path notZip = Files.writeString(dir.resolve("bad.npz"), "hello");
        assertThat(InputErrors.problem(notZip, () -> Npz.read(notZip))).startsWith("not a valid .npz (zip) archive: ");
        Path bad = dir.resolve("member.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bad))) {
            z.putNextEntry(new ZipEntry("x.npy"));
            z.write(Npy.encode(NpyArray.ofVector(new double[] {1, 2})));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("y.npy"));
            z.write("not numpy".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        assertThat(InputErrors.problem(bad + "[y]", () -> Npz.read(bad))).isEqualTo("not a NumPy .npy file (bad magic bytes)");
        Path missing = dir.resolve("none.npz");
        assertThat(InputErrors.problem(missing, () -> Npz.read(missing))).isEqualTo("no such file");
    }

    @Test
    void aBadCrcIsRefusedAsNumpyRefusesIt() {
        Path f = NpyTest.fixture("bad_crc.npz");
        assertThat(InputErrors.problem(f + "[x]", () -> Npz.read(f))).startsWith("CRC-32 mismatch (stored ")
                .endsWith("the archive is corrupt");
    }

    @Test
    void memberSizesAreCheckedBeforeAndWhileInflating() throws Exception {
        byte[] zip = deflated(Npy.encode(NpyArray.ofVector(new double[131_072])));
        Path huge = Files.write(dir.resolve("huge.npz"), withDeclaredSize(zip, 0x90000000L));
        assertThat(InputErrors.problem(huge + "[x]", () -> Npz.read(huge)))
                .isEqualTo("the member is 2415919104 bytes uncompressed; members above 2 GB are not supported");
        Path bomb = Files.write(dir.resolve("bomb.npz"), withDeclaredSize(zip, 1000));
        assertThat(InputErrors.problem(bomb + "[x]", () -> Npz.read(bomb)))
                .isEqualTo("the member holds more bytes than the 1000 the archive declares");
    }

    private static byte[] deflated(byte[] member) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            z.putNextEntry(new ZipEntry("x.npy"));
            z.write(member);
            z.closeEntry();
        }
        return bos.toByteArray();
    }

    /** The archive with the uncompressed size in its central directory (what readers trust) replaced. */
    private static byte[] withDeclaredSize(byte[] zip, long size) {
        byte[] out = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= out.length; i++) {
            if (b.getInt(i) == 0x02014b50) {
                b.putInt(i + 24, (int) size);
            }
        }
        return out;
    }
}
