package io.nngeom.io;

import io.nngeom.linalg.Matrix;
import io.nngeom.run.InputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0, as specified in {@code numpy.lib.format}).
 *
 * <p>Reading accepts 1-D and 2-D arrays in C or Fortran order with dtype float64, float32, float16, int64,
 * int32, int16, int8, uint64, uint32, uint16, uint8 or bool, in either byte order; every value becomes a double
 * (integers beyond ±2^53, which a double cannot hold exactly, are an error). Other dtypes and ranks are errors, and so is a NaN or an infinity anywhere: a data file with one is almost always broken. Writing produces
 * format 1.0, C order, with the array's dtype ({@code <f8}, {@code <f4} or {@code <i8}).
 *
 * <p>Every problem ends in one {@link InputException} line "SOURCE: what is wrong".
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Largest integer magnitude a double holds exactly: 2^53. */
    private static final double EXACT_INT_LIMIT = 9007199254740992.0;

    private Npy() {
    }

    /** Reads a {@code .npy} file. */
    public static NpyArray read(Path file) {
        return decode(Files2.readAllBytes(file), file.toString());
    }

    /** Writes {@code a} to {@code file} (format 1.0, atomically). */
    public static void write(Path file, NpyArray a) {
        AtomicFiles.write(file, encode(a));
    }

    /** Writes a float64 matrix to {@code file} as a 2-D array. */
    public static void write(Path file, Matrix m) {
        write(file, NpyArray.of(m));
    }

    /** The bytes of a {@code .npy} file holding {@code a}. */
    public static byte[] encode(NpyArray a) {
        String descr = a.dtype();
        int item;
        switch (descr) {
            case "<f8", "<i8" -> item = 8;
            case "<f4" -> item = 4;
            default -> throw new IllegalArgumentException("cannot write dtype " + descr + " (use <f8, <f4 or <i8)");
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + a.shapeString() + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        double[] d = a.data();
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + h.length + d.length * item).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        for (double v : d) {
            switch (descr) {
                case "<f8" -> buf.putDouble(v);
                case "<f4" -> buf.putFloat((float) v);
                default -> {
                    if (v != Math.rint(v) || Math.abs(v) > EXACT_INT_LIMIT) {
                        throw new IllegalArgumentException("value " + v + " is not an integer that int64 can hold exactly");
                    }
                    buf.putLong((long) v);
                }
            }
        }
        return buf.array();
    }

    /** Parses the bytes of a {@code .npy} file; {@code source} names it in error messages. */
    public static NpyArray decode(byte[] bytes, String source) {
        if (bytes.length == 0) {
            throw InputException.of(source, "empty file, expected a NumPy .npy array");
        }
        if (bytes.length < MAGIC.length + 2) {
            throw InputException.of(source, "not a NumPy .npy file (too short)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw InputException.of(source, "not a NumPy .npy file (bad magic bytes)");
            }
        }
        int major = bytes[6] & 0xff;
        int minor = bytes[7] & 0xff;
        if (!(minor == 0 && (major == 1 || major == 2 || major == 3))) {
            throw InputException.of(source, "unsupported .npy format version " + major + "." + minor + " (expected 1.0, 2.0 or 3.0)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int start;
        if (major == 1) {
            if (bytes.length < 10) {
                throw InputException.of(source, "truncated .npy header");
            }
            headerLen = buf.getShort(8) & 0xffff;
            start = 10;
        } else {
            if (bytes.length < 12) {
                throw InputException.of(source, "truncated .npy header");
            }
            headerLen = buf.getInt(8) & 0xffffffffL;
            start = 12;
        }
        if (start + headerLen > bytes.length) {
            throw InputException.of(source, "truncated .npy header: it announces " + headerLen + " bytes, the file has "
                    + (bytes.length - start) + " after the preamble");
        }
        String header = new String(bytes, start, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = NpyHeader.parse(header, source);
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shapeObj = dict.get("shape");
        if (descr == null || fortran == null || shapeObj == null) {
            throw InputException.of(source, "malformed .npy header: it needs the keys 'descr', 'fortran_order' and 'shape'");
        }
        if (!(descr instanceof String dtypeStr)) {
            throw InputException.of(source, "structured dtype " + NpyHeader.show(descr) + " is not supported (expected a plain numeric array)");
        }
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw InputException.of(source, "malformed .npy header: 'fortran_order' must be True or False");
        }
        if (!(shapeObj instanceof List<?> shapeList)) {
            throw InputException.of(source, "malformed .npy header: 'shape' must be a tuple of integers");
        }
        Dtype dtype = Dtype.parse(dtypeStr, source);
        if (shapeList.size() != 1 && shapeList.size() != 2) {
            throw InputException.of(source, shapeList.size() + "-D array of shape " + NpyHeader.show(shapeList)
                    + "; expected a 1-D or 2-D array");
        }
        int[] shape = new int[shapeList.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Long dim)) {
                throw InputException.of(source, "malformed .npy header: 'shape' must be a tuple of integers");
            }
            long s = dim;
            if (s < 0 || s > Integer.MAX_VALUE) {
                throw InputException.of(source, "malformed .npy header: bad dimension " + s + " in shape " + NpyHeader.show(shapeList));
            }
            shape[i] = (int) s;
            count *= s;
            if (count > Integer.MAX_VALUE - 8) {
                throw InputException.of(source, "array of shape " + NpyHeader.show(shapeList) + " is too large");
            }
        }
        long dataStart = start + headerLen;
        long need = count * dtype.size;
        long have = bytes.length - dataStart;
        String shapeText = NpyHeader.show(shapeList);
        if (have < need) {
            throw InputException.of(source, "truncated data: shape " + shapeText + " of " + dtypeStr + " needs " + need
                    + " bytes, the file has " + have);
        }
        if (have > need) {
            throw InputException.of(source, (have - need) + " unexpected bytes after the data of shape " + shapeText);
        }
        Memory.require(source, Memory.bytes(count, 8, fortranOrder ? 2 : 1), "an array of shape " + shapeText);
        buf.order(dtype.order).position((int) dataStart);
        double[] data = new double[(int) count];
        for (int k = 0; k < data.length; k++) {
            double v = dtype.next(buf);
            if (!Double.isFinite(v)) {
                throw InputException.of(source, "element " + index(k, shape) + " is " + name(v) + "; data must be finite");
            }
            if (dtype.integer && Math.abs(v) > EXACT_INT_LIMIT) {
                throw InputException.of(source, "element " + index(k, shape) + " = " + dtype.lastRaw
                        + " is too large to be represented exactly as a float64");
            }
            data[k] = v;
        }
        return new NpyArray(dtype.canonical, shape, fortranOrder && shape.length == 2 ? transposed(data, shape) : data);
    }

    /** Row-major copy of a column-major (Fortran-order) rows × cols array. */
    private static double[] transposed(double[] colMajor, int[] shape) {
        int rows = shape[0];
        int cols = shape[1];
        double[] out = new double[colMajor.length];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                out[i * cols + j] = colMajor[j * rows + i];
            }
        }
        return out;
    }

    static String name(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
    }

    private static String index(int k, int[] shape) {
        if (shape.length == 1) {
            return "[" + k + "]";
        }
        return "[" + (k / shape[1]) + ", " + (k % shape[1]) + "]";
    }

    /** A supported element type. */
    private static final class Dtype {
        final ByteOrder order;
        final char kind;
        final int size;
        final boolean integer;
        final String canonical;
        String lastRaw = "";

        private Dtype(ByteOrder order, char kind, int size, String canonical) {
            this.order = order;
            this.kind = kind;
            this.size = size;
            this.integer = kind != 'f';
            this.canonical = canonical;
        }

        static Dtype parse(String s, String source) {
            String supported = " (supported: float64, float32, float16, int64, int32, int16, int8, uint64, uint32, uint16, uint8, bool)";
            if (s.length() < 3) {
                throw InputException.of(source, "unsupported dtype '" + s + "'" + supported);
            }
            char o = s.charAt(0);
            char kind = s.charAt(1);
            int size;
            try {
                size = Integer.parseInt(s.substring(2));
            } catch (NumberFormatException e) {
                throw InputException.of(source, "unsupported dtype '" + s + "'" + supported);
            }
            ByteOrder order = switch (o) {
                case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
                case '>' -> ByteOrder.BIG_ENDIAN;
                case '=' -> ByteOrder.nativeOrder();
                default -> null;
            };
            boolean ok = order != null && switch (kind) {
                case 'f' -> size == 2 || size == 4 || size == 8;
                case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
                case 'b' -> size == 1;
                default -> false;
            };
            if (!ok || (o == '|' && size != 1)) {
                throw InputException.of(source, "unsupported dtype '" + s + "'" + supported);
            }
            return new Dtype(order, kind, size, (size == 1 ? "|" : "<") + kind + size);
        }

        double next(ByteBuffer b) {
            switch (kind) {
                case 'f':
                    return size == 8 ? b.getDouble() : size == 4 ? b.getFloat() : TensorDtype.halfToFloat(b.getShort());
                case 'b':
                    return b.get() != 0 ? 1.0 : 0.0;
                case 'i':
                    switch (size) {
                        case 1: return b.get();
                        case 2: return b.getShort();
                        case 4: return b.getInt();
                        default: {
                            long v = b.getLong();
                            lastRaw = Long.toString(v);
                            return (double) v;
                        }
                    }
                default:
                    switch (size) {
                        case 1: return b.get() & 0xff;
                        case 2: return b.getShort() & 0xffff;
                        case 4: return b.getInt() & 0xffffffffL;
                        default: {
                            long v = b.getLong();
                            lastRaw = Long.toUnsignedString(v);
                            return v >= 0 ? (double) v : Double.MAX_VALUE;
                        }
                    }
            }
        }
    }
}
