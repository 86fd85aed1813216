package io.nngeom.net;

import io.nngeom.linalg.Matrix;
import java.util.Arrays;
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
 * (four inputs or units per pass). The weight gradient of a wide layer ({@link Kernels#weightGradientWide}) copies each
 * tile of its inputs example-major so that it too is a vectorised loop (over the inputs, four examples per pass);
 * narrow layers use 4×4 register tiles of dot products over the examples ({@link Kernels#weightGradient}). Java fixes
 * the floating-point evaluation order, so results are the same in every JIT tier and on every machine.
 */
public final class Backprop {
    /** Batches with at least this many rows are split over two threads. */
    public static final int PARALLEL_MIN_ROWS = 256;
    /**
     * Most examples one thread holds in its workspace at a time; longer parts are processed block after block
     * (in order, so still deterministic), which bounds the memory to about 2·BLOCK_ROWS·(Σ widths)·16 bytes.
     */
    static final int BLOCK_ROWS = 2048;
    /**
     * Layers with at least this many inputs and {@link #WIDE_MIN_OUTPUTS} units take their weight gradient from
     * {@link Kernels#weightGradientWide}; below, its copy of the inputs costs more than its faster loop saves (measured
     * for 64 inputs: the copy costs about as much as six output rows of the tiled kernel).
     */
    static final int WIDE_MIN_INPUTS = 16;
    /** See {@link #WIDE_MIN_INPUTS}. */
    static final int WIDE_MIN_OUTPUTS = 8;

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
                Arrays.fill(grad, 0.0);
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
        /** Example-major copy of one tile of a layer's input activations, for {@link Kernels#weightGradientWide}. */
        final double[][] at;
        /** Per-block weight-gradient accumulator (rows: units of the layer), for {@link Kernels#weightGradientWide}. */
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
            at = new double[Kernels.WIDE_TILE][maxWidth + 1];
            gw = new double[maxWidth][maxWidth + 1];
        }

        /** E and (into {@link #grad}) ∂E/∂θ over the examples from..to−1, in blocks of at most {@link #cap}. */
        double run(double[] p, Matrix x, Matrix y, int[] rows, int from, int to, double[] weights, double scale,
                   boolean wantGrad) {
            if (wantGrad) {
                Arrays.fill(grad, 0.0);
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
                Kernels.forward(a[l - 1], n, sizes[l - 1], sizes[l], p, wOff[l - 1], bOff[l - 1], z[l], a[l], acts[l - 1]);
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
                Kernels.scaleByDerivative(acts[layers - 1], z[layers][k], dz[k], 0, n);
            }
            for (int l = layers; l >= 1; l--) {
                int in = sizes[l - 1];
                int outW = sizes[l];
                if (in >= WIDE_MIN_INPUTS && outW >= WIDE_MIN_OUTPUTS) {
                    Kernels.weightGradientWide(dz, a[l - 1], n, in, outW, grad, wOff[l - 1], bOff[l - 1], at, gw);
                } else {
                    Kernels.weightGradient(dz, a[l - 1], n, in, outW, grad, wOff[l - 1], bOff[l - 1]);
                }
                if (l > 1) {
                    Kernels.backError(dz, p, wOff[l - 1], n, in, outW, spare, z[l - 1], acts[l - 2]);
                    double[][] t = dz;
                    dz = spare;
                    spare = t;
                }
            }
            return e;
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
