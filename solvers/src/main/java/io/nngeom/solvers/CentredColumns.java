package io.nngeom.solvers;

/**
 * The centring both coordinate-wise Lasso solvers start from: with an intercept, column j is used as
 * a_j − mean_j·1 and y as y − ȳ1 (digest §6), so the intercept drops out and ξ* = mean(y − Az) afterwards.
 *
 * @param mean column means mean_j (zeros without an intercept)
 * @param norms2 squared norms of the centred columns ‖a_j − mean_j1‖²
 * @param zero columns that are zero after centring (‖·‖² ≤ {@link #ZERO_COLUMN}·max_j‖·‖²): they never enter
 * @param yc the centred targets
 * @param yMean ȳ (0 without an intercept)
 */
record CentredColumns(double[] mean, double[] norms2, boolean[] zero, double[] yc, double yMean) {
    /** Relative squared norm below which a centred column counts as zero (a constant column, with an intercept). */
    static final double ZERO_COLUMN = 1e-24;

    static CentredColumns of(LassoProblem pr) {
        ColumnProvider a = pr.a();
        int n = a.rows();
        int p = a.cols();
        boolean icpt = pr.intercept();
        double[] sums = icpt ? a.columnSums() : new double[p];
        double[] raw = a.columnNorms2();
        double[] mean = new double[p];
        double[] nrm2 = new double[p];
        double maxN = 0;
        for (int j = 0; j < p; j++) {
            mean[j] = sums[j] / n;
            nrm2[j] = Math.max(raw[j] - n * mean[j] * mean[j], 0);
            maxN = Math.max(maxN, nrm2[j]);
        }
        boolean[] zero = new boolean[p];
        for (int j = 0; j < p; j++) {
            zero[j] = nrm2[j] <= ZERO_COLUMN * maxN || nrm2[j] == 0;
        }
        double[] y = pr.y();
        double ym = icpt ? LassoCertificate.mean(y) : 0;
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            yc[i] = y[i] - ym;
        }
        return new CentredColumns(mean, nrm2, zero, yc, ym);
    }
}
