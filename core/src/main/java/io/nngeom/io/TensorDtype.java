package io.nngeom.io;

import java.nio.ByteBuffer;

/**
 * The safetensors dtypes nngeom reads, each widened exactly to float64: F64, F32, F16 (IEEE half), BF16
 * (bfloat16: the top 16 bits of a float32), and the integer types I64, I32, I16, I8, U8 (e.g. BatchNorm's
 * {@code num_batches_tracked}; an I64 beyond ±2^53 is not exact and is rejected by the caller as non-finite).
 */
final class TensorDtype {
    /** The accepted names, for messages. */
    static final String NAMES = "F64, F32, F16, BF16, I64, I32, I16, I8, U8";

    private TensorDtype() {
    }

    /** Bytes per element, or 0 for an unsupported dtype. */
    static int size(String dtype) {
        return switch (dtype) {
            case "F64", "I64" -> 8;
            case "F32", "I32" -> 4;
            case "F16", "BF16", "I16" -> 2;
            case "I8", "U8" -> 1;
            default -> 0;
        };
    }

    /** The next element of a little-endian buffer, as a double (NaN for an I64 that float64 cannot hold exactly). */
    static double get(ByteBuffer b, String dtype) {
        return switch (dtype) {
            case "F64" -> b.getDouble();
            case "F32" -> b.getFloat();
            case "F16" -> halfToFloat(b.getShort());
            case "BF16" -> Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
            case "I64" -> exact(b.getLong());
            case "I32" -> b.getInt();
            case "I16" -> b.getShort();
            case "I8" -> b.get();
            case "U8" -> b.get() & 0xff;
            default -> throw new IllegalArgumentException("unsupported dtype " + dtype);
        };
    }

    private static double exact(long v) {
        return Math.abs(v) <= (1L << 53) ? v : Double.NaN;
    }

    /** IEEE 754 binary16 → float32 (exact: every half is a float). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float sub = mant * 0x1p-24f; // subnormal (or zero): mant · 2^-24, exact in float32
            return sign == 0 ? sub : -sub;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
