package io.nngeom.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.linalg.Matrix;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy reading against files written by NumPy (scripts/make_numpy_fixture.py), writing, and every error. */
class NpyTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/fixtures/numpy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** a[i, j] = (4 i + j) / 7, the fixture's closed form. */
    static double[] sevenths(int n) {
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = k / 7.0;
        }
        return d;
    }

    @Test
    void readsNumpyFloat64InAllHeaderVersionsAndByteOrders() {
        for (String f : new String[] {"f8_2d.npy", "v2_f8_2d.npy", "v3_f8_2d.npy", "be_f8_2d.npy"}) {
            NpyArray a = Npy.read(fixture(f));
            assertThat(a.shape()).as(f).containsExactly(3, 4);
            assertThat(a.data()).as(f).containsExactly(sevenths(12));
            assertThat(a.dtype()).isEqualTo("<f8");
        }
    }

    @Test
    void readsFloat32AndIntegerTypes() {
        NpyArray f4 = Npy.read(fixture("f4_2d.npy"));
        double[] expected = sevenths(12);
        for (int k = 0; k < expected.length; k++) {
            expected[k] = (float) expected[k];
        }
        assertThat(f4.data()).containsExactly(expected);
        assertThat(f4.dtype()).isEqualTo("<f4");
        assertThat(Npy.read(fixture("i8_1d.npy")).data()).containsExactly(-3, -2, -1, 0, 1);
        assertThat(Npy.read(fixture("i8_1d.npy")).shape()).containsExactly(5);
        assertThat(Npy.read(fixture("i4_1d.npy")).data()).containsExactly(-3, -2, -1, 0, 1);
        assertThat(Npy.read(fixture("u1_1d.npy")).data()).containsExactly(0, 1, 2, 255);
        assertThat(Npy.read(fixture("b1_1d.npy")).data()).containsExactly(1, 0, 1);
        assertThat(Npy.read(fixture("empty_2d.npy")).shape()).containsExactly(0, 3);
    }

    @Test
    void writesTheBytesNumpyWrites() throws Exception {
        NpyArray a = new NpyArray("<f8", new int[] {3, 4}, sevenths(12));
        assertThat(Npy.encode(a)).isEqualTo(Files.readAllBytes(fixture("f8_2d.npy")));
        NpyArray i = new NpyArray("<i8", new int[] {5}, new double[] {-3, -2, -1, 0, 1});
        assertThat(Npy.encode(i)).isEqualTo(Files.readAllBytes(fixture("i8_1d.npy")));
        double[] f = sevenths(12);
        assertThat(Npy.encode(new NpyArray("<f4", new int[] {3, 4}, f))).isEqualTo(Files.readAllBytes(fixture("f4_2d.npy")));
    }

    @Test
    void roundTripsExactly() {
        Matrix m = Matrix.of(new double[] {Math.PI, -0.0, 1e-310}, new double[] {Double.MAX_VALUE, -1.5, Math.E});
        Path f = dir.resolve("m.npy");
        Npy.write(f, m);
        NpyArray back = Npy.read(f);
        assertThat(back.toMatrix()).isEqualTo(m);
        assertThat(Double.doubleToRawLongBits(back.data()[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        NpyArray labels = NpyArray.ofInts(new int[] {3, 0, 7});
        Npy.write(f, labels);
        assertThat(Npy.read(f)).isEqualTo(labels);
        assertThat(Npy.read(f).toMatrix().cols()).isEqualTo(1);
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThat(InputErrors.problem(fixture("f8_3d.npy"), () -> Npy.read(fixture("f8_3d.npy"))))
                .isEqualTo("3-D array of shape (2, 3, 4); expected a 1-D or 2-D array");
        assertThat(InputErrors.problem(fixture("c16_1d.npy"), () -> Npy.read(fixture("c16_1d.npy"))))
                .startsWith("unsupported dtype '<c16' (supported: float64, float32, float16, int64");
        assertThat(InputErrors.problem(fixture("nan_2d.npy"), () -> Npy.read(fixture("nan_2d.npy"))))
                .isEqualTo("element [1, 0] is NaN; data must be finite");
    }

    private Path bytes(String name, byte[] b) throws Exception {
        return Files.write(dir.resolve(name), b);
    }

    private static byte[] npy(int major, String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        int pre = major == 1 ? 10 : 12;
        ByteBuffer b = ByteBuffer.allocate(pre + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        return b.put(h).put(data).array();
    }

    private static byte[] doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    @Test
    void malformedFilesGiveOneLine() throws Exception {
        Path empty = bytes("empty.npy", new byte[0]);
        assertThat(InputErrors.problem(empty, () -> Npy.read(empty))).isEqualTo("empty file, expected a NumPy .npy array");
        Path csv = bytes("text.npy", "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(InputErrors.problem(csv, () -> Npy.read(csv))).isEqualTo("not a NumPy .npy file (bad magic bytes)");
        byte[] good = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }\n", doubles(1, 2));
        assertThat(Npy.decode(good, "g").data()).containsExactly(1, 2);
        byte[] v4 = good.clone();
        v4[6] = 4;
        Path p4 = bytes("v4.npy", v4);
        assertThat(InputErrors.problem(p4, () -> Npy.read(p4))).isEqualTo("unsupported .npy format version 4.0 (expected 1.0, 2.0 or 3.0)");
        Path cut = bytes("cut.npy", Arrays.copyOf(good, 30));
        assertThat(InputErrors.problem(cut, () -> Npy.read(cut))).startsWith("truncated .npy header: it announces ");
        Path shortData = bytes("short.npy", Arrays.copyOf(good, good.length - 3));
        assertThat(InputErrors.problem(shortData, () -> Npy.read(shortData)))
                .isEqualTo("truncated data: shape (2,) of <f8 needs 16 bytes, the file has 13");
        Path extra = bytes("extra.npy", Arrays.copyOf(good, good.length + 8));
        assertThat(InputErrors.problem(extra, () -> Npy.read(extra))).isEqualTo("8 unexpected bytes after the data of shape (2,)");
        Path noShape = bytes("noshape.npy", npy(1, "{'descr': '<f8', 'fortran_order': False}\n", doubles(1)));
        assertThat(InputErrors.problem(noShape, () -> Npy.read(noShape)))
                .isEqualTo("malformed .npy header: it needs the keys 'descr', 'fortran_order' and 'shape'");
        Path garbled = bytes("garbled.npy", npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,) \n", doubles(1, 2)));
        assertThat(InputErrors.problem(garbled, () -> Npy.read(garbled))).startsWith("malformed .npy header: ");
        Path inf = bytes("inf.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }\n",
                doubles(1, Double.NEGATIVE_INFINITY)));
        assertThat(InputErrors.problem(inf, () -> Npy.read(inf))).isEqualTo("element [1] is -Inf; data must be finite");
        Path obj = bytes("obj.npy", npy(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }\n", new byte[8]));
        assertThat(InputErrors.problem(obj, () -> Npy.read(obj))).startsWith("unsupported dtype '|O'");
        Path rec = bytes("rec.npy", npy(1, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }\n", new byte[8]));
        assertThat(InputErrors.problem(rec, () -> Npy.read(rec))).isEqualTo("structured dtype (('a', '<f8'),) is not supported (expected a plain numeric array)");
        Path missing = dir.resolve("missing.npy");
        assertThat(InputErrors.problem(missing, () -> Npy.read(missing))).isEqualTo("no such file");
    }

    @Test
    void everyDtypeByteOrderAndLayoutNumpyWritesReadsAsNumpyConvertsIt() throws IOException {
        Path dir = fixture("dtypes");
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(f -> !f.toString().endsWith(".ref.npy")).sorted().toList();
        }
        assertThat(files).hasSize(42);
        for (Path f : files) {
            Path ref = dir.resolve(f.getFileName().toString().replace(".npy", ".ref.npy"));
            assertThat(Npy.read(f).toMatrix()).as(f.getFileName().toString()).isEqualTo(Npy.read(ref).toMatrix());
        }
        assertThat(Npy.read(fixture("fortran_f8_2d.npy")).toMatrix()).isEqualTo(Npy.read(fixture("f8_2d.npy")).toMatrix());
    }

    @Test
    void aLineBreakQuotedFromTheFileIsShownEscapedSoTheMessageStaysOneLine() {
        String dict = "{'descr': '<\nf8', 'fortran_order': False, 'shape': (1,), }";
        byte[] h = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(12 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(h.length).put(h).putDouble(1);
        assertThat(InputErrors.problem("nl.npy", () -> Npy.decode(b.array(), "nl.npy"))).startsWith("unsupported dtype '<\\nf8'");
    }

    @Test
    void aDeeplyNestedHeaderIsRefusedWithoutRecursingIntoIt() {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        byte[] h = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(12 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(h.length).put(h).putDouble(1);
        assertThat(InputErrors.problem("deep.npy", () -> Npy.decode(b.array(), "deep.npy")))
                .isEqualTo("malformed .npy header: nested more than 16 levels deep");
    }
}
