package io.nngeom.net;

import io.nngeom.linalg.Matrix;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hand-written batched forward and backward pass (reverse-mode differentiation) of an {@link Mlp} with a
 * {@link Loss}, working directly on the flat parameter vector of {@link Mlp#parameters()} with preallocated
 * workspaces. One instance serves one architecture and loss; it is not thread-safe (use one per thread), but
 * it splits large batches over two threads itself.
 *
 * <p>For a batch X (rows are examples) and weights w_r it computes E = Σ_r w_r ℓ(f(x_r), y_r) and ∂E/∂θ:
 * the output error D_L = w ⊙ ∂ℓ/∂f ⊙ σ_L'(Z_L), then for l = L..1: ∂E/∂W_l = D_lᵀ A_{l−1},
 * ∂E/∂b_l = D_lᵀ 1, D_{l−1} = (D_l W_l) ⊙ σ_{l−1}'(Z_{l−1}), with Z_l = A_{l−1}W_lᵀ + 1b_lᵀ, A_l = σ_l(Z_l).
 * At a ReLU kink (z = 0) σ' = 0 (PyTorch's convention, see {@link Activation#derivative}).
 *
 * <p>Determinism: a batch of n ≥ {@link #PARALLEL_MIN_ROWS} rows is cut into two fixed halves (rows [0, n/2)
 * and [n/2, n)); each half is summed in a fixed row order into its own gradient buffer, and the two partial
 * sums are added in a fixed order (first + second). The result depends only on the inputs, never on thread
 * timing or on the number of processors (with one processor the halves run one after the other).
 *
 * <p>Loops: activations and errors are held feature-major (one array per unit over the examples of the part) so
 * that the forward product and the backpropagated error are long loops over examples that HotSpot vectorises
 * (four inputs or units per pass). The weight gradient of a wide layer ({@link #weightGradientWide}) copies each
 * tile of its inputs example-major so that it too is a vectorised loop (over the inputs, four examples per pass);
 * narrow layers use 4×4 register tiles of dot products over the examples ({@link #weightGradient}). Java fixes
 * the floating-point evaluation order, so results are the same in every JIT tier and on every machine.
 */
public final class Backprop {
    /** Batches with at least this many rows are split over two threads. */
    public static final int PARALLEL_MIN_ROWS = 256;
    /** Examples per cache tile of the batched loops (a tile of 64 units' values is 128 KiB). */
    static final int TILE = 256;
    /**
     * Most examples one thread holds in its workspace at a time; longer parts are processed block after block
     * (in order, so still deterministic), which bounds the memory to about 2·BLOCK_ROWS·(Σ widths)·16 bytes.
     */
    static final int BLOCK_ROWS = 2048;
    /**
     * Layers with at least this many inputs and {@link #WIDE_MIN_OUTPUTS} units take their weight gradient from
     * {@link #weightGradientWide}; below, its copy of the inputs costs more than its faster loop saves (measured
     * for 64 inputs: the copy costs about as much as six output rows of the tiled kernel).
     */
    static final int WIDE_MIN_INPUTS = 16;
    /** See {@link #WIDE_MIN_INPUTS}. */
    static final int WIDE_MIN_OUTPUTS = 8;
    /** Examples per tile of {@link #weightGradientWide} (the example-major copy of a tile of 64 inputs is 32 KiB). */
    static final int WIDE_TILE = 64;

    /**
     * Threads used for the two halves: 2, or 1 with the system property {@code -Dnngeom.threads=1} (the halves
     * then run one after the other; the results are bit-identical either way).
     */
    static final int THREADS = Math.max(1, Math.min(2, Integer.getInteger("nngeom.threads", 2)));

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nngeom-backprop");
        t.setDaemon(true);
        return t;
    });

    private final int layers;
    private final int[] sizes;
    private final Activation[] acts;
    private final int[] wOff;
    private final int[] bOff;
    private final int paramCount;
    private final int maxWidth;
    private final Loss loss;
    private final Work[] work = new Work[2];

    /** A pass for networks shaped like {@code shape} (sizes and activations; its parameters are not used). */
    public Backprop(Mlp shape, Loss loss) {
        if (loss == null) {
            throw new IllegalArgumentException("loss is null");
        }
        this.loss = loss;
        this.layers = shape.layerCount();
        this.sizes = shape.sizes();
        this.acts = new Activation[layers];
        this.wOff = new int[layers];
        this.bOff = new int[layers];
        int o = 0;
        int mw = 0;
        for (int l = 0; l < layers; l++) {
            Layer ly = shape.layer(l);
            acts[l] = ly.activation();
            wOff[l] = o;
            o += ly.inputs() * ly.outputs();
            bOff[l] = o;
            o += ly.outputs();
            mw = Math.max(mw, Math.max(ly.inputs(), ly.outputs()));
        }
        this.paramCount = o;
        this.maxWidth = mw;
    }

    public int parameterCount() {
        return paramCount;
    }

    public Loss loss() {
        return loss;
    }

    /** Offset of layer l's weight block (out×in, row-major) in the flat parameter vector. */
    public int weightOffset(int l) {
        return wOff[l];
    }

    /** Offset of layer l's bias in the flat parameter vector. */
    public int biasOffset(int l) {
        return bOff[l];
    }

    /**
     * E = Σ_r w_r ℓ(f(x_r), y_r) over the examples r = rows[0..count) (or 0..count) and, if {@code grad} is not
     * null, ∂E/∂θ written into {@code grad} (overwritten, flat order of {@link Mlp#parameters()}).
     *
     * @param params flat parameters θ
     * @param x inputs (all data rows)
     * @param y targets (all data rows)
     * @param rows the data rows of this batch, or null for rows 0..count−1
     * @param count number of examples in the batch
     * @param weights per-data-row weight factors (indexed by data row) or null for all 1
     * @param scale common factor: w_r = scale · weights[row] (or scale)
     * @param grad gradient output or null
     * @return E
     */
    public double evaluate(double[] params, Matrix x, Matrix y, int[] rows, int count, double[] weights, double scale,
                           double[] grad) {
        if (params.length != paramCount) {
            throw new IllegalArgumentException("parameter vector has " + params.length + " entries, network has " + paramCount);
        }
        if (x.cols() != sizes[0]) {
            throw new IllegalArgumentException("inputs have " + x.cols() + " columns, network expects " + sizes[0]);
        }
        if (y.cols() != sizes[layers]) {
            throw new IllegalArgumentException("targets have " + y.cols() + " columns, network outputs " + sizes[layers]);
        }
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("inputs have " + x.rows() + " rows but targets " + y.rows());
        }
        if (grad != null && grad.length != paramCount) {
            throw new IllegalArgumentException("gradient buffer has " + grad.length + " entries, network has " + paramCount);
        }
        if (count <= 0) {
            if (grad != null) {
                java.util.Arrays.fill(grad, 0.0);
            }
            return 0.0;
        }
        int chunks = count >= PARALLEL_MIN_ROWS ? 2 : 1;
        int half = chunks == 2 ? count / 2 : count;
        Work w0 = work(0, half);
        if (chunks == 1) {
            double e = w0.run(params, x, y, rows, 0, count, weights, scale, grad != null);
            if (grad != null) {
                System.arraycopy(w0.grad, 0, grad, 0, paramCount);
            }
            return e;
        }
        Work w1 = work(1, count - half);
        boolean g = grad != null;
        double e0;
        double e1;
        if (THREADS < 2) {
            e0 = w0.run(params, x, y, rows, 0, half, weights, scale, g);
            e1 = w1.run(params, x, y, rows, half, count, weights, scale, g);
            return combine(e0, e1, w0, w1, grad);
        }
        Future<Double> f1 = POOL.submit(() -> w1.run(params, x, y, rows, half, count, weights, scale, g));
        e0 = w0.run(params, x, y, rows, 0, half, weights, scale, g);
        try {
            e1 = f1.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during backprop", ex);
        } catch (ExecutionException ex) {
            Throwable c = ex.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
        return combine(e0, e1, w0, w1, grad);
    }

    /** First half + second half, in this order. */
    private double combine(double e0, double e1, Work w0, Work w1, double[] grad) {
        if (grad != null) {
            double[] a = w0.grad;
            double[] b = w1.grad;
            for (int k = 0; k < paramCount; k++) {
                grad[k] = a[k] + b[k];
            }
        }
        return e0 + e1;
    }

    /** Full-batch E with default weights and gradient: the loss of {@code net} on (x, y). */
    public double lossAndGradient(Mlp net, Matrix x, Matrix y, double[] grad) {
        return evaluate(net.parameters(), x, y, null, x.rows(), null, loss.defaultWeight(x.rows()), grad);
    }

    private Work work(int k, int rows) {
        int want = Math.min(rows, BLOCK_ROWS);
        Work w = work[k];
        if (w == null || w.cap < want) {
            w = new Work(want);
            work[k] = w;
        }
        return w;
    }

    /**
     * Workspace for one part of a batch. Activations are stored feature-major: one array per unit holding that
     * unit's value for every example of the part, so the long inner loops run over examples.
     */
    private final class Work {
        final int cap;
        final double[][][] z = new double[layers + 1][][];
        final double[][][] a = new double[layers + 1][][];
        final double[][] d1;
        final double[][] d2;
        final double[] grad = new double[paramCount];
        final double[] fRow;
        final double[] gRow;
        /** Example-major copy of one tile of a layer's input activations, for {@link #weightGradientWide}. */
        final double[][] at;
        /** Per-block weight-gradient accumulator (rows: units of the layer), for {@link #weightGradientWide}. */
        final double[][] gw;

        Work(int cap) {
            this.cap = cap;
            a[0] = new double[sizes[0]][cap];
            for (int l = 1; l <= layers; l++) {
                z[l] = new double[sizes[l]][cap];
                a[l] = acts[l - 1].kind() == Activation.Kind.IDENTITY ? z[l] : new double[sizes[l]][cap];
            }
            d1 = new double[maxWidth][cap];
            d2 = new double[maxWidth][cap];
            fRow = new double[sizes[layers]];
            gRow = new double[sizes[layers]];
            at = new double[WIDE_TILE][maxWidth + 1];
            gw = new double[maxWidth][maxWidth + 1];
        }

        /** E and (into {@link #grad}) ∂E/∂θ over the examples from..to−1, in blocks of at most {@link #cap}. */
        double run(double[] p, Matrix x, Matrix y, int[] rows, int from, int to, double[] weights, double scale,
                   boolean wantGrad) {
            if (wantGrad) {
                java.util.Arrays.fill(grad, 0.0);
            }
            double e = 0;
            for (int s = from; s < to; s += cap) {
                e += block(p, x, y, rows, s, Math.min(to, s + cap), weights, scale, wantGrad);
            }
            return e;
        }

        private double block(double[] p, Matrix x, Matrix y, int[] rows, int from, int to, double[] weights,
                             double scale, boolean wantGrad) {
            int n = to - from;
            int d0 = sizes[0];
            double[] xd = x.data();
            double[][] a0 = a[0];
            for (int r = 0; r < n; r++) {
                int src = (rows == null ? from + r : rows[from + r]) * d0;
                for (int j = 0; j < d0; j++) {
                    a0[j][r] = xd[src + j];
                }
            }
            for (int l = 1; l <= layers; l++) {
                forward(a[l - 1], n, sizes[l - 1], sizes[l], p, wOff[l - 1], bOff[l - 1], z[l], a[l], acts[l - 1]);
            }
            int c = sizes[layers];
            double[][] out = a[layers];
            double[] yd = y.data();
            double[][] dz = d1;
            double e = 0;
            for (int r = 0; r < n; r++) {
                int src = rows == null ? from + r : rows[from + r];
                double w = weights == null ? scale : scale * weights[src];
                if (w == 0 && !wantGrad) {
                    continue;
                }
                for (int k = 0; k < c; k++) {
                    fRow[k] = out[k][r];
                }
                double ell = loss.example(fRow, 0, yd, src * c, c, w, wantGrad ? gRow : null, 0);
                if (w != 0) {
                    e += w * ell;
                }
                if (wantGrad) {
                    for (int k = 0; k < c; k++) {
                        dz[k][r] = gRow[k];
                    }
                }
            }
            if (!wantGrad) {
                return e;
            }
            double[][] spare = d2;
            for (int k = 0; k < c; k++) {
                scaleByDerivative(acts[layers - 1], z[layers][k], dz[k], 0, n);
            }
            for (int l = layers; l >= 1; l--) {
                int in = sizes[l - 1];
                int outW = sizes[l];
                if (in >= WIDE_MIN_INPUTS && outW >= WIDE_MIN_OUTPUTS) {
                    weightGradientWide(dz, a[l - 1], n, in, outW, grad, wOff[l - 1], bOff[l - 1], at, gw);
                } else {
                    weightGradient(dz, a[l - 1], n, in, outW, grad, wOff[l - 1], bOff[l - 1]);
                }
                if (l > 1) {
                    backError(dz, p, wOff[l - 1], n, in, outW, spare, z[l - 1], acts[l - 2]);
                    double[][] t = dz;
                    dz = spare;
                    spare = t;
                }
            }
            return e;
        }
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
                java.util.Arrays.fill(zi, r0, r1, p[bo + i]);
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
            java.util.Arrays.fill(gw[i], 0, cols, 0.0);
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
                java.util.Arrays.fill(dj, r0, r1, 0.0);
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

    /** Layer sizes (n_0, ..., n_L). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Activations of the layers. */
    public List<Activation> activations() {
        return List.of(acts);
    }
}
