package io.nngeom.regions;

/**
 * A cell of {@link PatternSearchEnumerator}'s search: its rows (g·u ≤ h, ‖g‖ = 1, in box units), a ball known to lie
 * inside it (centre, radius), its activation bits so far, and the optimal Chebyshev dictionary of a cell containing
 * it, brought up to date only when an LP needs it. Mutable; one thread at a time.
 */
final class SearchCell {
    Rows rows; // g (n), rhs: g·u ≤ rhs, ‖g‖ = 1
    double[] center;
    double radius;
    boolean[] bits;
    /**
     * The optimal dictionary of the cell of the first {@link #dictRows} rows (null: none, the LPs are solved from
     * scratch); the rows beyond are added when an LP needs it ({@link #refresh}).
     */
    ChebyshevDictionary dict;
    int dictRows;

    SearchCell(Rows rows, double[] center, double radius, boolean[] bits) {
        this.rows = rows;
        this.center = center;
        this.radius = radius;
        this.bits = bits;
    }

    SearchCell withDictionary(ChebyshevDictionary d, int rowsInIt) {
        dict = d;
        dictRows = rowsInIt;
        return this;
    }

    /** Marks "the LP found no region" (as opposed to null: the dictionary could not decide). */
    static final SearchCell NO_REGION = new SearchCell(null, null, 0, null);

    /** Signed distance of the centre from the hyperplane gi·u + gc = 0 (‖gi‖ = 1). */
    double distance(double[] gi, double gc) {
        double d = gc;
        for (int q = 0; q < center.length; q++) {
            d += gi[q] * center[q];
        }
        return d;
    }

    /**
     * When the hyperplane cuts the known ball B(centre, R) at a distance |d| with R − |d| &gt; 2·RADIUS_TOL, the far
     * side's cell with the ball of radius (R − |d|)/2 inside it (no rows or bits yet); else null (an LP decides).
     */
    SearchCell deepCut(double[] gi, double gc) {
        int n = center.length;
        double d = distance(gi, gc);
        int sigma = d > 0 ? 1 : -1;
        double ds = sigma * d;
        if (!(radius - ds > 2 * PatternSearchEnumerator.RADIUS_TOL)) {
            return null;
        }
        double tOpp = (radius + ds) / 2; // move against sigma·g
        double rOpp = (radius - ds) / 2;
        double[] co = center.clone();
        for (int q = 0; q < n; q++) {
            co[q] -= sigma * tOpp * gi[q];
        }
        return new SearchCell(null, co, rOpp, null);
    }

    /**
     * Adds the rows beyond the dictionary to it (a copy); takes its Chebyshev ball when larger than the known one.
     * Nothing unless the cell keeps its dictionary ({@code keep}).
     */
    void refresh(boolean keep) {
        if (!keep) {
            return;
        }
        if (dictRows < rows.size()) {
            ChebyshevDictionary d = dict.copy();
            for (double[] row : rows.from(dictRows)) {
                if (d.add(row, Double.NEGATIVE_INFINITY) != ChebyshevDictionary.Status.OPTIMAL) {
                    dict = null;
                    return;
                }
            }
            dict = d;
            dictRows = rows.size();
        }
        if (dict.radius() > radius) {
            center = dict.center();
            radius = dict.radius();
        }
    }

    /**
     * The LP of {@link PatternSearchEnumerator}'s split, from this cell's refreshed dictionary (not null; when the
     * cell does not keep it, the dictionary with the cell's rows added) with the row added, solved in {@code scratch}: the far side's cell with its Chebyshev ball and dictionary,
     * {@link #NO_REGION} when its radius is at most RADIUS_TOL (the dual simplex stops as soon as its bound shows
     * that), or null when the dictionary cannot decide.
     */
    SearchCell opposite(double[] row, ChebyshevDictionary scratch, boolean keep) {
        dict.copyInto(scratch);
        if (!keep) {
            // the rows beyond the (box's) dictionary, added in the workspace only
            for (double[] r : rows.from(dictRows)) {
                if (scratch.add(r, Double.NEGATIVE_INFINITY) != ChebyshevDictionary.Status.OPTIMAL) {
                    return null;
                }
            }
        }
        ChebyshevDictionary.Status st = scratch.add(row, PatternSearchEnumerator.RADIUS_TOL);
        if (st == ChebyshevDictionary.Status.FAILED) {
            return null;
        }
        if (st == ChebyshevDictionary.Status.BELOW || scratch.radius() <= PatternSearchEnumerator.RADIUS_TOL) {
            return NO_REGION;
        }
        SearchCell far = new SearchCell(null, scratch.center(), scratch.radius(), null);
        return keep ? far.withDictionary(scratch.copy(), rows.size() + 1) : far.withDictionary(dict, dictRows);
    }
}
