package io.nngeom.convex;

/**
 * The residual of a fit with a free output bias, as the certificates use it: r = y − f − m·1 with m = mean(y − f), so
 * that Σ r_i = 0 (the dual variable of a program with an unpenalised intercept is centred; digest §6). Adding m to
 * the output bias gives the best intercept for f.
 *
 * @param r the centred residual
 * @param mean m, the mean of y − f that was removed
 */
record CentredResidual(double[] r, double mean) {
    /** The centred residual of the fitted values {@code fit} (length n) against the targets {@code y}. */
    static CentredResidual of(double[] y, double[] fit) {
        int n = y.length;
        if (fit.length != n) {
            throw new IllegalArgumentException("fit has " + fit.length + " values, the targets " + n);
        }
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - fit[i];
            mean += r[i] / n;
        }
        for (int i = 0; i < n; i++) {
            r[i] -= mean;
        }
        return new CentredResidual(r, mean);
    }
}
