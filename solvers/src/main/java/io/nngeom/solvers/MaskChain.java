package io.nngeom.solvers;

import java.util.Arrays;

/**
 * An order of sets (the rows' group sets S_k, or the groups' row sets R_g) in which consecutive sets differ
 * little, with the differences: position p holds set order[p]; plus[p] and minus[p] are the elements entering
 * and leaving after position p − 1, or the whole set at a block start (p a multiple of {@link #BLOCK}). The
 * order is a greedy nearest-neighbour chain in Hamming distance (from set 0, the nearest unvisited set next,
 * ties to the lowest index), so it depends on the sets only.
 */
final class MaskChain {
    /** Running sums restart every BLOCK positions, which bounds the accumulated rounding and fixes the thread split. */
    static final int BLOCK = 64;
    /** Chains are used only when they need at most this fraction of the direct kernel's additions. */
    static final double MAX_WORK_FRACTION = 0.75;
    /** Above this many word operations (sets² · words / 2) the greedy ordering is not attempted. */
    static final long MAX_ORDER_WORK = 400_000_000L;

    final int[] order;
    final int[][] plus;
    final int[][] minus;

    private MaskChain(int[] order, int[][] plus, int[][] minus) {
        this.order = order;
        this.plus = plus;
        this.minus = minus;
    }

    /** Block-aligned split position for two threads. */
    int split() {
        int blocks = (order.length + BLOCK - 1) / BLOCK;
        return Math.min(order.length, blocks / 2 * BLOCK);
    }

    /**
     * The chain of the given sorted sets over {@code 0..universe-1}, or null when ordering would cost too much
     * or the chain would not need at most {@link #MAX_WORK_FRACTION} of {@code direct} element visits.
     */
    static MaskChain of(int[][] sets, int universe, long direct) {
        int m = sets.length;
        int words = (universe + 63) / 64;
        if (m < 2 || (double) m * m * words / 2 > MAX_ORDER_WORK) {
            return null;
        }
        long[][] bits = new long[m][words];
        for (int i = 0; i < m; i++) {
            for (int e : sets[i]) {
                bits[i][e >>> 6] |= 1L << (e & 63);
            }
        }
        int[] order = new int[m];
        boolean[] used = new boolean[m];
        int cur = 0;
        used[0] = true;
        for (int p = 1; p < m; p++) {
            int best = -1;
            int bestDist = Integer.MAX_VALUE;
            long[] a = bits[cur];
            for (int j = 0; j < m; j++) {
                if (used[j]) {
                    continue;
                }
                long[] b = bits[j];
                int dist = 0;
                for (int w = 0; w < words && dist < bestDist; w++) {
                    dist += Long.bitCount(a[w] ^ b[w]);
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = j;
                }
            }
            order[p] = best;
            used[best] = true;
            cur = best;
        }
        int[][] plus = new int[m][];
        int[][] minus = new int[m][];
        long chained = 0;
        for (int p = 0; p < m; p++) {
            int[] now = sets[order[p]];
            if (p % BLOCK == 0) {
                plus[p] = now.clone();
                minus[p] = new int[0];
            } else {
                int[] prev = sets[order[p - 1]];
                plus[p] = difference(now, prev);
                minus[p] = difference(prev, now);
            }
            chained += plus[p].length + minus[p].length;
        }
        return chained <= MAX_WORK_FRACTION * direct ? new MaskChain(order, plus, minus) : null;
    }

    /** Elements of sorted a not in sorted b, in increasing order. */
    private static int[] difference(int[] a, int[] b) {
        int[] o = new int[a.length];
        int k = 0;
        int j = 0;
        for (int e : a) {
            while (j < b.length && b[j] < e) {
                j++;
            }
            if (j >= b.length || b[j] != e) {
                o[k++] = e;
            }
        }
        return Arrays.copyOf(o, k);
    }
}
