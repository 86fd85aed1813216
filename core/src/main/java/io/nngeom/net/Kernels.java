package io.nngeom.net;

import java.util.Arrays;

/**
 * The loops of {@link Backprop}'s batched pass, on feature-major arrays (one array per unit over the examples of a
 * part): the forward product, the weight gradient (a tiled kernel for narrow layers, an example-major one for wide
 * layers) and the backpropagated error. Every sum has a fixed evaluation order, stated per method.
 *
 * <p>Tried and measured slower (2026-12-07, 64-256-256-10, 10,000 examples, one thread, CPU time 460 against
 * 300 ms per full-batch step): taking four units per pass so that each loaded value feeds four sums. HotSpot 17
 * does not vectorise loops that store into four arrays, so the scalar code lost more than the saved loads.
 */
final class Kernels {
    /** Examples per cache tile of the batched loops (a tile of 64 units' values is 128 KiB). */
    static final int TILE = 256;
    /** Examples per tile of {@link #weightGradientWide} (the example-major copy of a tile of 64 inputs is 32 KiB). */
    static final int WIDE_TILE = 64;

    private Kernels() {
    }

    /**
     * Z = W A + b1ᵀ and A' = σ(Z), feature-major (a[j][r] is input j of example r; z[i][r] the pre-activation of
     * unit i), W out×in row-major at {@code wo} of {@code p}, b at {@code bo}. Sum order per entry: b, then the
     * inputs in blocks of four, ((w₀a₀ + w₁a₁) + w₂a₂) + w₃a₃ added per block.
     */
    static void forward(double[][] a, int n, int in, int out, double[] p, int wo, int bo, double[][] z,
                        double[][] act, Activation sigma) {
        for (int r0 = 0; r0 < n; r0 += TILE) {
            int r1 = Math.min(n, r0 + TILE);
            for (int i = 0; i < out; i++) {
                double[] zi = z[i];
                Arrays.fill(zi, r0, r1, p[bo + i]);
                int wi = wo + i * in;
                int j = 0;
                for (; j + 3 < in; j += 4) {
                    double w0 = p[wi + j];
                    double w1 = p[wi + j + 1];
                    double w2 = p[wi + j + 2];
                    double w3 = p[wi + j + 3];
                    double[] a0 = a[j];
                    double[] a1 = a[j + 1];
                    double[] a2 = a[j + 2];
                    double[] a3 = a[j + 3];
                    for (int r = r0; r < r1; r++) {
                        zi[r] += w0 * a0[r] + w1 * a1[r] + w2 * a2[r] + w3 * a3[r];
                    }
                }
                for (; j < in; j++) {
                    double w0 = p[wi + j];
                    double[] a0 = a[j];
                    for (int r = r0; r < r1; r++) {
                        zi[r] += w0 * a0[r];
                    }
                }
                activate(sigma, zi, act[i], r0, r1);
            }
        }
    }

    /**
     * ∂E/∂W(i, j) += Σ_r D[i][r]·A[j][r] and ∂E/∂b(i) += Σ_r D[i][r]. The examples are taken in tiles of
     * {@link #TILE}; within a tile the sums run over r in increasing order, in 4×4 register tiles of (i, j), and
     * each tile's sums are added to g in tile order.
     */
    static void weightGradient(double[][] d, double[][] a, int n, int in, int out, double[] g, int go, int bo) {
        for (int r0 = 0; r0 < n; r0 += TILE) {
            int r1 = Math.min(n, r0 + TILE);
            int i = 0;
            for (; i + 3 < out; i += 4) {
                int j = 0;
                for (; j + 3 < in; j += 4) {
                    tile4x4(d[i], d[i + 1], d[i + 2], d[i + 3], a[j], a[j + 1], a[j + 2], a[j + 3], r0, r1, g,
                            go + i * in + j, in);
                }
                for (; j < in; j++) {
                    tile4x1(d[i], d[i + 1], d[i + 2], d[i + 3], a[j], r0, r1, g, go + i * in + j, in);
                }
            }
            for (; i < out; i++) {
                int j = 0;
                for (; j + 3 < in; j += 4) {
                    tile4x1(a[j], a[j + 1], a[j + 2], a[j + 3], d[i], r0, r1, g, go + i * in + j, 1);
                }
                for (; j < in; j++) {
                    g[go + i * in + j] += dot(d[i], a[j], r0, r1);
                }
            }
            i = 0;
            for (; i + 3 < out; i += 4) {
                double[] d0 = d[i];
                double[] d1 = d[i + 1];
                double[] d2 = d[i + 2];
                double[] d3 = d[i + 3];
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int r = r0; r < r1; r++) {
                    s0 += d0[r];
                    s1 += d1[r];
                    s2 += d2[r];
                    s3 += d3[r];
                }
                g[bo + i] += s0;
                g[bo + i + 1] += s1;
                g[bo + i + 2] += s2;
                g[bo + i + 3] += s3;
            }
            for (; i < out; i++) {
                double[] d0 = d[i];
                double s = 0;
                for (int r = r0; r < r1; r++) {
                    s += d0[r];
                }
                g[bo + i] += s;
            }
        }
    }

    /**
     * ∂E/∂W(i, j) += Σ_r D[i][r]·A[j][r] and ∂E/∂b(i) += Σ_r D[i][r], for layers with many inputs: each tile of
     * {@link #WIDE_TILE} examples of A is first copied example-major, with a constant 1 appended for the bias
     * ({@code at[r][j] = A[j][r]}, {@code at[r][in] = 1}), so that row i of the gradient, bias included, is
     * updated by one vectorisable loop over j = 0..in, four examples per pass:
     * gw[i][j] += ((D[i][r]·at[r][j] + D[i][r+1]·at[r+1][j]) + D[i][r+2]·at[r+2][j]) + D[i][r+3]·at[r+3][j], the
     * examples in increasing order. The sums over the whole block (in {@code gw}, out×(in+1)) are added to g at the
     * end. A fixed evaluation order, as everywhere in this class.
     *
     * @param at workspace of at least {@link #WIDE_TILE} rows of in+1 entries
     * @param gw workspace of at least out rows of in+1 entries
     */
    static void weightGradientWide(double[][] d, double[][] a, int n, int in, int out, double[] g, int go, int bo,
                                   double[][] at, double[][] gw) {
        int cols = in + 1;
        for (int i = 0; i < out; i++) {
            Arrays.fill(gw[i], 0, cols, 0.0);
        }
        for (int r0 = 0; r0 < n; r0 += WIDE_TILE) {
            int r1 = Math.min(n, r0 + WIDE_TILE);
            int m = r1 - r0;
            for (int r = 0; r < m; r++) {
                double[] row = at[r];
                for (int j = 0; j < in; j++) {
                    row[j] = a[j][r0 + r];
                }
                row[in] = 1.0;
            }
            for (int i = 0; i < out; i++) {
                double[] di = d[i];
                double[] gi = gw[i];
                int r = 0;
                for (; r + 3 < m; r += 4) {
                    double e0 = di[r0 + r];
                    double e1 = di[r0 + r + 1];
                    double e2 = di[r0 + r + 2];
                    double e3 = di[r0 + r + 3];
                    double[] b0 = at[r];
                    double[] b1 = at[r + 1];
                    double[] b2 = at[r + 2];
                    double[] b3 = at[r + 3];
                    for (int j = 0; j < cols; j++) {
                        gi[j] += e0 * b0[j] + e1 * b1[j] + e2 * b2[j] + e3 * b3[j];
                    }
                }
                for (; r < m; r++) {
                    double e0 = di[r0 + r];
                    double[] b0 = at[r];
                    for (int j = 0; j < cols; j++) {
                        gi[j] += e0 * b0[j];
                    }
                }
            }
        }
        for (int i = 0; i < out; i++) {
            double[] gi = gw[i];
            int o = go + i * in;
            for (int j = 0; j < in; j++) {
                g[o + j] += gi[j];
            }
            g[bo + i] += gi[in];
        }
    }

    /** g[off + u·stride] += Σ_r x_u[r]·y[r] for u ∈ 0..3 (four sums over r = r0..r1−1 in order). */
    private static void tile4x1(double[] x0, double[] x1, double[] x2, double[] x3, double[] y, int r0, int r1,
                                double[] g, int off, int stride) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int r = r0; r < r1; r++) {
            double v = y[r];
            s0 += x0[r] * v;
            s1 += x1[r] * v;
            s2 += x2[r] * v;
            s3 += x3[r] * v;
        }
        g[off] += s0;
        g[off + stride] += s1;
        g[off + 2 * stride] += s2;
        g[off + 3 * stride] += s3;
    }

    private static double dot(double[] x, double[] y, int r0, int r1) {
        double s = 0;
        for (int r = r0; r < r1; r++) {
            s += x[r] * y[r];
        }
        return s;
    }

    /** g[off + u·stride + v] += Σ_r d_u[r]·a_v[r] for u, v ∈ 0..3 (sixteen sums over r = r0..r1−1 in order). */
    private static void tile4x4(double[] d0, double[] d1, double[] d2, double[] d3, double[] a0, double[] a1,
                                double[] a2, double[] a3, int r0, int r1, double[] g, int off, int stride) {
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
        double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
        double s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int r = r0; r < r1; r++) {
            double x0 = a0[r];
            double x1 = a1[r];
            double x2 = a2[r];
            double x3 = a3[r];
            double y0 = d0[r];
            double y1 = d1[r];
            double y2 = d2[r];
            double y3 = d3[r];
            s00 += y0 * x0;
            s01 += y0 * x1;
            s02 += y0 * x2;
            s03 += y0 * x3;
            s10 += y1 * x0;
            s11 += y1 * x1;
            s12 += y1 * x2;
            s13 += y1 * x3;
            s20 += y2 * x0;
            s21 += y2 * x1;
            s22 += y2 * x2;
            s23 += y2 * x3;
            s30 += y3 * x0;
            s31 += y3 * x1;
            s32 += y3 * x2;
            s33 += y3 * x3;
        }
        int o1 = off + stride;
        int o2 = o1 + stride;
        int o3 = o2 + stride;
        g[off] += s00;
        g[off + 1] += s01;
        g[off + 2] += s02;
        g[off + 3] += s03;
        g[o1] += s10;
        g[o1 + 1] += s11;
        g[o1 + 2] += s12;
        g[o1 + 3] += s13;
        g[o2] += s20;
        g[o2 + 1] += s21;
        g[o2 + 2] += s22;
        g[o2 + 3] += s23;
        g[o3] += s30;
        g[o3 + 1] += s31;
        g[o3 + 2] += s32;
        g[o3 + 3] += s33;
    }

    /**
     * dA[j][r] = Σ_i W(i, j)·D[i][r] (units i in blocks of four), then dA ⊙ σ'(Z) for the layer below; in tiles
     * of {@link #TILE} examples.
     */
    static void backError(double[][] d, double[] p, int wo, int n, int in, int out, double[][] da, double[][] zBelow,
                          Activation sigmaBelow) {
        for (int r0 = 0; r0 < n; r0 += TILE) {
            int r1 = Math.min(n, r0 + TILE);
            for (int j = 0; j < in; j++) {
                double[] dj = da[j];
                Arrays.fill(dj, r0, r1, 0.0);
                int i = 0;
                for (; i + 3 < out; i += 4) {
                    double w0 = p[wo + i * in + j];
                    double w1 = p[wo + (i + 1) * in + j];
                    double w2 = p[wo + (i + 2) * in + j];
                    double w3 = p[wo + (i + 3) * in + j];
                    double[] e0 = d[i];
                    double[] e1 = d[i + 1];
                    double[] e2 = d[i + 2];
                    double[] e3 = d[i + 3];
                    for (int r = r0; r < r1; r++) {
                        dj[r] += w0 * e0[r] + w1 * e1[r] + w2 * e2[r] + w3 * e3[r];
                    }
                }
                for (; i < out; i++) {
                    double w0 = p[wo + i * in + j];
                    double[] e0 = d[i];
                    for (int r = r0; r < r1; r++) {
                        dj[r] += w0 * e0[r];
                    }
                }
                scaleByDerivative(sigmaBelow, zBelow[j], dj, r0, r1);
            }
        }
    }

    static void activate(Activation act, double[] z, double[] a, int r0, int r1) {
        switch (act.kind()) {
            case IDENTITY -> {
                if (a != z) {
                    System.arraycopy(z, r0, a, r0, r1 - r0);
                }
            }
            case RELU -> {
                // max(z, 0): 0 for z ≤ 0 (also −0), NaN stays NaN as in PyTorch
                for (int k = r0; k < r1; k++) {
                    a[k] = Math.max(z[k], 0.0);
                }
            }
            default -> {
                for (int k = r0; k < r1; k++) {
                    a[k] = act.apply(z[k]);
                }
            }
        }
    }

    /** D ← D ⊙ σ'(Z) on entries r0..r1−1. */
    static void scaleByDerivative(Activation act, double[] z, double[] d, int r0, int r1) {
        switch (act.kind()) {
            case IDENTITY -> {
            }
            case RELU -> {
                // d·1[z > 0] without a branch (signs are unpredictable): the mask is all ones iff the bits of z,
                // read as a signed integer, are positive, i.e. z > 0 (or a NaN with clear sign bit)
                for (int k = r0; k < r1; k++) {
                    long bits = Double.doubleToRawLongBits(z[k]);
                    long mask = (-bits & ~bits) >> 63;
                    d[k] = Double.longBitsToDouble(Double.doubleToRawLongBits(d[k]) & mask);
                }
            }
            default -> {
                for (int k = r0; k < r1; k++) {
                    d[k] *= act.derivative(z[k]);
                }
            }
        }
    }
}
