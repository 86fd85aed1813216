package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.GatedNetwork;
import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import io.nngeom.solvers.BlockProvider;
import io.nngeom.solvers.FistaGroupLasso;
import io.nngeom.solvers.GroupLassoProblem;
import io.nngeom.solvers.LassoOptions;
import io.nngeom.solvers.LassoSolution;
import io.nngeom.solvers.StopRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The gated-ReLU fit ({@link GatedRelu}) with its model: the group lasso over the patterns of the given or sampled
 * gates, one problem per output, and the {@link GatedNetwork} that evaluates the solution anywhere (each distinct
 * non-empty pattern keeps the first gate that produced it).
 *
 * <p>Several outputs (one-hot classes, several target columns) are solved one-vs-all with shared gates, as scnn
 * does: output k has its own groups u_{k,i}, so the objective Σ_k [½‖Σ_i D_i X̃ u_{k,i} − y_k‖² + β Σ_i ‖u_{k,i}‖₂]
 * decouples into c group lassos with the same β (scnn's λ = β/n for each). The certified gap is that of the sum:
 * (Σ_k P_k − Σ_k D_k)/Σ_k P_k.
 */
final class GatedFit {
    /** Iteration cap of the gated-ReLU solver (either stopping rule). */
    static final int MAX_ITERATIONS = 100_000;

    private GatedFit() {
    }

    /** The gates, their distinct non-empty patterns and, parallel to them, the index of each pattern's first gate. */
    record Gates(Matrix gates, List<BitSet> patterns, int[] representative, String how) {
    }

    static Gates gates(Matrix xa, FitOptions o) {
        Matrix g = o.gates();
        String how;
        if (g != null) {
            if (g.rows() != xa.cols()) {
                throw new InputException("--gates: expected " + xa.cols() + " rows (d" + (o.bias() ? "+1 with bias" : "")
                        + "), got " + g.rows() + " (a d x m matrix, one gate per column)");
            }
            how = g.cols() + " given gates";
        } else {
            g = Matrix.zeros(xa.cols(), o.maxPatterns());
            SplittableRandom rng = Seeds.rng(Seeds.child(o.seed(), "gates"));
            for (int i = 0; i < g.rows(); i++) {
                for (int j = 0; j < g.cols(); j++) {
                    g.set(i, j, Seeds.gaussian(rng));
                }
            }
            how = o.maxPatterns() + " Gaussian gates";
        }
        List<BitSet> pats = ArrangementPatterns.ofGates(xa, g);
        Map<BitSet, Integer> first = new LinkedHashMap<>();
        for (int j = 0; j < g.cols(); j++) {
            BitSet p = ArrangementPatterns.ofGates(xa, g.selectCols(new int[] {j})).stream().findFirst().orElse(null);
            if (p != null) {
                first.putIfAbsent(p, j);
            }
        }
        int[] rep = new int[pats.size()];
        for (int k = 0; k < rep.length; k++) {
            rep[k] = first.get(pats.get(k));
        }
        if (pats.isEmpty()) {
            throw new InputException("--gates: every gate gives the empty activation pattern on these data; no neuron can be active");
        }
        return new Gates(g, pats, rep, how + ", " + pats.size() + " distinct patterns");
    }

    /** Fits the gated model to the columns of y (n×c). */
    static FitResult fit(Matrix x, Matrix y, FitOptions o, double[] mean, double[] scale, long start) {
        return path(x, y, o, new double[] {o.beta()}, mean, scale, start).get(0);
    }

    /**
     * The gated fits for every β of {@code betas} in the given order, with the same gates, each solve warm-started
     * from the previous solution (so give the largest β first).
     */
    static List<FitResult> path(Matrix x, Matrix y, FitOptions o, double[] betas, double[] mean, double[] scale, long start) {
        Matrix xa = ArrangementPatterns.augmented(x, o.bias());
        Gates gs = gates(xa, o);
        BlockProvider blocks = GatedRelu.blocks(xa, gs.patterns());
        int q = xa.cols();
        int m = gs.patterns().size();
        Matrix gates = Matrix.zeros(m, q);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < q; j++) {
                gates.set(i, j, gs.gates().get(j, gs.representative()[i]));
            }
        }
        List<FitResult> out = new ArrayList<>();
        double[] warm = null;
        for (int b = 0; b < betas.length; b++) {
            if (betas.length > 1) {
                o.budget().report("convex path: gated", b, betas.length, "beta " + betas[b]);
            }
            FitResult r = solve(blocks, y, o.withBeta(betas[b]), gs, gates, warm, mean, scale, start);
            warm = r.gated().weights();
            out.add(r);
        }
        return out;
    }

    private static FitResult solve(BlockProvider blocks, Matrix y, FitOptions o, Gates gs, Matrix gates, double[] warm,
                                   double[] mean, double[] scale, long start) {
        int q = gates.cols();
        int m = gates.rows();
        int c = y.cols();
        double[] w = new double[c * m * q];
        double primal = 0;
        double dual = 0;
        double stationarity = 0;
        int iterations = 0;
        boolean converged = true;
        List<LassoSolution> sols = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            if (c > 1) {
                o.budget().report("convex fit: gated outputs", k, c, "output " + k);
            }
            GroupLassoProblem problem = new GroupLassoProblem(blocks, y.colArray(k), o.beta(), false);
            LassoSolution s = new FistaGroupLasso(o.stop()).solve(problem,
                    LassoOptions.defaults().withTolerance(o.tolerance()).withMaxIterations(MAX_ITERATIONS).withBudget(o.budget()),
                    warm == null ? null : Arrays.copyOfRange(warm, k * m * q, (k + 1) * m * q));
            System.arraycopy(s.z(), 0, w, k * m * q, m * q);
            primal += s.primal();
            dual += s.dual();
            iterations += s.iterations();
            converged &= s.converged();
            if (o.stop() == StopRule.GRADIENT) {
                stationarity = Math.max(stationarity, FistaGroupLasso.stationarity(problem, s.z()));
            }
            sols.add(s);
        }
        double gap = c == 1 ? sols.get(0).relativeGap() : (primal - dual) / primal;
        GatedNetwork net = new GatedNetwork(gates, w, c, o.bias(), mean, scale);
        double l1 = 0;
        for (int k = 0; k < c; k++) {
            for (int i = 0; i < m; i++) {
                double t = 0;
                for (int j = 0; j < q; j++) {
                    t += w[(k * m + i) * q + j] * w[(k * m + i) * q + j];
                }
                l1 += Math.sqrt(t);
            }
        }
        String reason = String.format(Locale.ROOT, "optimum of the gated-ReLU group lasso for these gates (%s)%s within the certified "
                + "relative gap %.2e; gated networks are a different model from ReLU networks, so this is no bound on the ReLU problem; "
                + "bias, if any, is a penalised ones column", gs.how(), c > 1 ? ", " + c + " outputs one-vs-all with shared gates" : "", gap);
        if (o.stop() == StopRule.GRADIENT) {
            reason = String.format(Locale.ROOT, "stopped on scnn's gradient rule, NOT on the duality gap: squared "
                    + "min-norm subgradient norm (scnn scaling) %.3e %s tolerance %.3e after %d iterations; the relative "
                    + "duality gap measured afterwards is %.3e, so the objective is within that fraction of the ", stationarity,
                    converged ? "<=" : "> (iteration cap reached)", o.tolerance(), iterations, gap) + reason;
        } else {
            for (LassoSolution s : sols) {
                reason += Fits.stopped(s, o.tolerance());
            }
        }
        LassoSolution s0 = sols.get(0);
        return new FitResult(null, "gated", primal, Double.NaN, gap, Double.NaN, net.activeNeurons(), l1, Exactness.OTHER_MODEL,
                reason, m, gs.how(), s0.gapIterations(), s0.gapHistory(), RunInfo.of(o.seed(), start), net);
    }
}
