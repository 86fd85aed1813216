package io.nngeom.regions;

import java.util.Arrays;
import java.util.List;

/**
 * The order in which {@link PlanarPartitioner} visits the first layer's pieces: by the position of their vertex mean
 * along a Hilbert curve over [−1, 1]² (2¹⁶ × 2¹⁶ cells), ties by the cut's order. Consecutive pieces are then
 * neighbours or near ones, differ in few units, and their next layer's lines are updated cheaply from each other;
 * in the cut's order neighbours are far apart. Deterministic: depends only on the polygons.
 */
final class PieceOrder {
    private static final int SIDE = 1 << 16;

    private PieceOrder() {
    }

    /** The indices of the polygons (flat x, y arrays in box units) in Hilbert order of their vertex means. */
    static int[] hilbert(List<double[]> polys) {
        int count = polys.size();
        long[] keys = new long[count];
        for (int k = 0; k < count; k++) {
            double[] p = polys.get(k);
            int nv = p.length / 2;
            double x = 0;
            double y = 0;
            for (int v = 0; v < nv; v++) {
                x += p[2 * v];
                y += p[2 * v + 1];
            }
            long d = index(cell(x / nv), cell(y / nv));
            keys[k] = (d << 31) | k; // the key (32 bits) above the index (below 2³¹)
        }
        Arrays.sort(keys);
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = (int) (keys[k] & 0x7fff_ffffL);
        }
        return order;
    }

    private static int cell(double u) {
        int c = (int) Math.floor((u + 1) * 0.5 * SIDE);
        return Math.max(0, Math.min(SIDE - 1, c));
    }

    /** The distance along the Hilbert curve of cell (x, y) of the SIDE × SIDE grid (the classical bit-by-bit rule). */
    static long index(int x, int y) {
        long d = 0;
        for (int s = SIDE / 2; s > 0; s /= 2) {
            int rx = (x & s) > 0 ? 1 : 0;
            int ry = (y & s) > 0 ? 1 : 0;
            d += (long) s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    x = SIDE - 1 - x;
                    y = SIDE - 1 - y;
                }
                int t = x;
                x = y;
                y = t;
            }
        }
        return d;
    }
}
