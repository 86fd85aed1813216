package io.nngeom.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded corruptions of a file's bytes, one to three per case. */
final class Mutations {
    private static final byte[] TEXT = "0123456789.,-+eE\"\n\r {}[]:NaInf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Mutations() {
    }

    static byte[] mutate(byte[] in, SplittableRandom r, boolean text) {
        byte[] b = in;
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n && b.length > 0; k++) {
            b = once(b, r, text);
        }
        return b;
    }

    private static byte[] once(byte[] b, SplittableRandom r, boolean text) {
        int at = r.nextInt(b.length);
        switch (r.nextInt(8)) {
            case 0: { // flip one bit
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1: { // a random byte (a plausible character for text formats)
                byte[] c = b.clone();
                c[at] = text && r.nextBoolean() ? TEXT[r.nextInt(TEXT.length)] : (byte) r.nextInt(256);
                return c;
            }
            case 2: // truncate
                return Arrays.copyOf(b, at);
            case 3: { // insert 1..16 random bytes
                byte[] ins = new byte[1 + r.nextInt(16)];
                for (int i = 0; i < ins.length; i++) {
                    ins[i] = text ? TEXT[r.nextInt(TEXT.length)] : (byte) r.nextInt(256);
                }
                return splice(b, at, 0, ins);
            }
            case 4: // delete 1..16 bytes
                return splice(b, at, Math.min(b.length - at, 1 + r.nextInt(16)), new byte[0]);
            case 5: { // duplicate a chunk
                int len = Math.min(b.length - at, 1 + r.nextInt(64));
                return splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
            }
            case 6: { // an extreme 4- or 8-byte little-endian value (a length or offset field gone wrong)
                byte[] c = b.clone();
                int w = r.nextBoolean() ? 4 : 8;
                if (at + w > c.length) {
                    return c;
                }
                long[] extremes = {0, -1, Integer.MAX_VALUE, Long.MAX_VALUE, 1L << 31, 1L << 40};
                ByteBuffer bb = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
                long v = extremes[r.nextInt(extremes.length)];
                if (w == 4) {
                    bb.putInt(at, (int) v);
                } else {
                    bb.putLong(at, v);
                }
                return c;
            }
            default: { // swap two bytes
                byte[] c = b.clone();
                int other = r.nextInt(b.length);
                byte t = c[at];
                c[at] = c[other];
                c[other] = t;
                return c;
            }
        }
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] c = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(insert, 0, c, at, insert.length);
        System.arraycopy(b, at + remove, c, at + insert.length, b.length - at - remove);
        return c;
    }
}
