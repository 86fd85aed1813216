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
 * <p>Loops: row-major arrays, inner loops over contiguous rows with 4-way blocking (four inputs per pass in the
 * forward product, four examples per pass in the weight gradient, four units per pass in the backpropagated
 * error) so that HotSpot vectorises them; Java semantics fix the floating-point order, so results are the same
 * in every JIT tier.
 */
public final class Backprop {
    /** Batches with at least this many rows are split over two threads. */
    public static final int PARALLEL_MIN_ROWS = 256;

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
    private final double[] wt;
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
        this.wt = new double[o];
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
        // transposed weights (in×out) for the forward product
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int wo = wOff[l];
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) {
                    wt[wo + j * out + i] = params[wo + i * in + j];
                }
            }
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
        Future<Double> f1 = POOL.submit(() -> w1.run(params, x, y, rows, half, count, weights, scale, g));
        double e0 = w0.run(params, x, y, rows, 0, half, weights, scale, g);
        double e1;
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
        if (g) {
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
        Work w = work[k];
        if (w == null || w.cap < rows) {
            w = new Work(rows);
            work[k] = w;
        }
        return w;
    }

    /** Workspace for one part of a batch. */
    private final class Work {
        final int cap;
        final double[][] z = new double[layers + 1][];
        final double[][] a = new double[layers + 1][];
        final double[] d1;
        final double[] d2;
        final double[] grad = new double[paramCount];

        Work(int cap) {
            this.cap = cap;
            a[0] = new double[cap * sizes[0]];
            for (int l = 1; l <= layers; l++) {
                z[l] = new double[cap * sizes[l]];
                a[l] = acts[l - 1].kind() == Activation.Kind.IDENTITY ? z[l] : new double[cap * sizes[l]];
            }
            d1 = new double[cap * maxWidth];
            d2 = new double[cap * maxWidth];
        }

        double run(double[] p, Matrix x, Matrix y, int[] rows, int from, int to, double[] weights, double scale,
                   boolean wantGrad) {
            int n = to - from;
            int d0 = sizes[0];
            double[] xd = x.data();
            double[] a0 = a[0];
            for (int r = 0; r < n; r++) {
                int src = rows == null ? from + r : rows[from + r];
                System.arraycopy(xd, src * d0, a0, r * d0, d0);
            }
            for (int l = 1; l <= layers; l++) {
                forward(a[l - 1], n, sizes[l - 1], sizes[l], wt, wOff[l - 1], p, bOff[l - 1], z[l]);
                activate(acts[l - 1], z[l], a[l], n * sizes[l]);
            }
            int c = sizes[layers];
            double[] out = a[layers];
            double[] yd = y.data();
            double[] dOut = d1;
            double e = 0;
            for (int r = 0; r < n; r++) {
                int src = rows == null ? from + r : rows[from + r];
                double w = weights == null ? scale : scale * weights[src];
                if (w == 0 && !wantGrad) {
                    continue;
                }
                double ell = loss.example(out, r * c, yd, src * c, c, w, wantGrad ? dOut : null, r * c);
                if (w != 0) {
                    e += w * ell;
                }
            }
            if (!wantGrad) {
                return e;
            }
            java.util.Arrays.fill(grad, 0.0);
            double[] dz = dOut;
            double[] spare = d2;
            scaleByDerivative(acts[layers - 1], z[layers], dz, n * c);
            for (int l = layers; l >= 1; l--) {
                int in = sizes[l - 1];
                int outW = sizes[l];
                weightGradient(dz, a[l - 1], n, in, outW, grad, wOff[l - 1], bOff[l - 1]);
                if (l > 1) {
                    backError(dz, p, wOff[l - 1], n, in, outW, spare);
                    scaleByDerivative(acts[l - 2], z[l - 1], spare, n * in);
                    double[] t = dz;
                    dz = spare;
                    spare = t;
                }
            }
            return e;
        }
    }

    /** Z = A Wᵀ + 1bᵀ with Wᵀ stored in×out at {@code wo} of {@code wt}. */
    static void forward(double[] a, int n, int in, int out, double[] wt, int wo, double[] p, int bo, double[] z) {
        for (int r = 0; r < n; r++) {
            int zo = r * out;
            int ao = r * in;
            System.arraycopy(p, bo, z, zo, out);
            int j = 0;
            for (; j + 3 < in; j += 4) {
                double x0 = a[ao + j];
                double x1 = a[ao + j + 1];
                double x2 = a[ao + j + 2];
                double x3 = a[ao + j + 3];
                int w0 = wo + j * out;
                int w1 = w0 + out;
                int w2 = w1 + out;
                int w3 = w2 + out;
                for (int i = 0; i < out; i++) {
                    z[zo + i] += x0 * wt[w0 + i] + x1 * wt[w1 + i] + x2 * wt[w2 + i] + x3 * wt[w3 + i];
                }
            }
            for (; j < in; j++) {
                double x0 = a[ao + j];
                int w0 = wo + j * out;
                for (int i = 0; i < out; i++) {
                    z[zo + i] += x0 * wt[w0 + i];
                }
            }
        }
    }

    /** ∂E/∂W += Dᵀ A (W block out×in at {@code go}), ∂E/∂b += Dᵀ1 (at {@code bo}). */
    static void weightGradient(double[] d, double[] a, int n, int in, int out, double[] g, int go, int bo) {
        int r = 0;
        for (; r + 3 < n; r += 4) {
            int e0o = r * out;
            int e1o = e0o + out;
            int e2o = e1o + out;
            int e3o = e2o + out;
            int a0 = r * in;
            int a1 = a0 + in;
            int a2 = a1 + in;
            int a3 = a2 + in;
            for (int i = 0; i < out; i++) {
                double e0 = d[e0o + i];
                double e1 = d[e1o + i];
                double e2 = d[e2o + i];
                double e3 = d[e3o + i];
                int gi = go + i * in;
                for (int j = 0; j < in; j++) {
                    g[gi + j] += e0 * a[a0 + j] + e1 * a[a1 + j] + e2 * a[a2 + j] + e3 * a[a3 + j];
                }
                g[bo + i] += e0 + e1 + e2 + e3;
            }
        }
        for (; r < n; r++) {
            int eo = r * out;
            int ao = r * in;
            for (int i = 0; i < out; i++) {
                double e0 = d[eo + i];
                int gi = go + i * in;
                for (int j = 0; j < in; j++) {
                    g[gi + j] += e0 * a[ao + j];
                }
                g[bo + i] += e0;
            }
        }
    }

    /** dA = D W (W out×in row-major at {@code wo} of {@code p}). */
    static void backError(double[] d, double[] p, int wo, int n, int in, int out, double[] da) {
        for (int r = 0; r < n; r++) {
            int dao = r * in;
            int eo = r * out;
            java.util.Arrays.fill(da, dao, dao + in, 0.0);
            int i = 0;
            for (; i + 3 < out; i += 4) {
                double e0 = d[eo + i];
                double e1 = d[eo + i + 1];
                double e2 = d[eo + i + 2];
                double e3 = d[eo + i + 3];
                int w0 = wo + i * in;
                int w1 = w0 + in;
                int w2 = w1 + in;
                int w3 = w2 + in;
                for (int j = 0; j < in; j++) {
                    da[dao + j] += e0 * p[w0 + j] + e1 * p[w1 + j] + e2 * p[w2 + j] + e3 * p[w3 + j];
                }
            }
            for (; i < out; i++) {
                double e0 = d[eo + i];
                int w0 = wo + i * in;
                for (int j = 0; j < in; j++) {
                    da[dao + j] += e0 * p[w0 + j];
                }
            }
        }
    }

    static void activate(Activation act, double[] z, double[] a, int len) {
        switch (act.kind()) {
            case IDENTITY -> {
                if (a != z) {
                    System.arraycopy(z, 0, a, 0, len);
                }
            }
            case RELU -> {
                for (int k = 0; k < len; k++) {
                    double v = z[k];
                    a[k] = v > 0 ? v : 0.0;
                }
            }
            default -> {
                for (int k = 0; k < len; k++) {
                    a[k] = act.apply(z[k]);
                }
            }
        }
    }

    /** D ← D ⊙ σ'(Z). */
    static void scaleByDerivative(Activation act, double[] z, double[] d, int len) {
        switch (act.kind()) {
            case IDENTITY -> {
            }
            case RELU -> {
                for (int k = 0; k < len; k++) {
                    d[k] = z[k] > 0 ? d[k] : 0.0;
                }
            }
            default -> {
                for (int k = 0; k < len; k++) {
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
