package io.nngeom.train;

import java.util.SplittableRandom;

/**
 * The mini-batch schedule of {@link Trainer}: each epoch a Fisher–Yates permutation of the examples 0..N−1 drawn
 * from a {@link SplittableRandom} seeded once, cut into consecutive batches of B examples (the last one of an
 * epoch may be smaller). The same seed gives the same sequence of batches.
 */
final class MiniBatches {
    private final int n;
    private final int batch;
    private final SplittableRandom rng;
    private final int[] perm;
    private final int[] rows;
    private int pos;

    /** Batches of {@code batch} (0 or more than n: n) of the examples 0..n−1, shuffled with {@code seed}. */
    MiniBatches(int n, int batch, long seed) {
        this.n = n;
        this.batch = batch == 0 || batch > n ? n : batch;
        this.rng = new SplittableRandom(seed);
        this.perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        this.rows = new int[this.batch];
        this.pos = n;
    }

    /** True before the first batch and after the last batch of an epoch. */
    boolean atEpochBoundary() {
        return pos >= n;
    }

    /**
     * Moves to the next batch (drawing a new permutation at an epoch boundary) and returns its size; its data rows
     * are {@link #rows()}[0..size).
     */
    int next() {
        if (pos >= n) {
            for (int i = n - 1; i > 0; i--) {
                int r = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[r];
                perm[r] = t;
            }
            pos = 0;
        }
        int count = Math.min(batch, n - pos);
        System.arraycopy(perm, pos, rows, 0, count);
        pos += count;
        return count;
    }

    /** The data rows of the current batch (valid up to the size {@link #next()} returned; reused). */
    int[] rows() {
        return rows;
    }
}
