package io.nngeom.regions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows (g, h: g·u ≤ h) of a cell of {@link PatternSearchEnumerator} as a persistent list: a cell and the two
 * cells it is split into share their common rows, so a split costs one link instead of a copy of every row.
 */
final class Rows {
    static final Rows EMPTY = new Rows(null, null, 0);

    private final double[] last;
    private final Rows rest;
    private final int size;

    private Rows(double[] last, Rows rest, int size) {
        this.last = last;
        this.rest = rest;
        this.size = size;
    }

    /** These rows and one more, last. */
    Rows plus(double[] row) {
        return new Rows(row, this, size + 1);
    }

    int size() {
        return size;
    }

    /** The rows from index {@code from} on, in order. */
    List<double[]> from(int from) {
        List<double[]> out = new ArrayList<>(Math.max(0, size - from));
        for (Rows r = this; r.size > from; r = r.rest) {
            out.add(r.last);
        }
        Collections.reverse(out);
        return out;
    }

    /** All rows, in order. */
    List<double[]> toList() {
        return from(0);
    }
}
