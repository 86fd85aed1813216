package io.nngeom.minimizers;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Linalg;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.run.Progress;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The local-minima study of digest §3. The deep paper (arXiv:2309.10639) announces 2^Q − 1 distinct degenerate
 * local minima for L ≥ Q; its statement was not available, so this class measures candidates instead of
 * assuming them: for every subset S of classes the partial truncation (reading A: collapse exactly the classes
 * of S, keep the others, fit the output by least squares) and, for |S| ≥ 2, the merged configuration (one layer
 * collapses S to one point). For each it reports the cost, the gradient, the share of random directions that
 * lower the cost, and what gradient descent started there does.
 */
public final class LocalMinima {
    /** A configuration counts as critical when |∇C2| ≤ 1e-10 (5 orders above the round-off seen at minima). */
    public static final double GRADIENT_TOLERANCE = 1e-10;
    /** A perturbation counts as descending when it lowers C2 by more than 1e-13. */
    public static final double PERTURBATION_TOLERANCE = 1e-13;
    /** Gradient descent "moves away" when it lowers C2 by more than 1e-12·max(1, C2). */
    public static final double DESCENT_TOLERANCE = 1e-12;

    private LocalMinima() {
    }

    public static LocalMinimaResult analyze(Dataset data, LocalMinimaOptions options) {
        return analyze(data, options, Progress.NONE);
    }

    /** {@link #analyze(Dataset, LocalMinimaOptions)}, reporting each candidate configuration to {@code progress}. */
    public static LocalMinimaResult analyze(Dataset data, LocalMinimaOptions options, Progress progress) {
        long start = System.nanoTime();
        ClusteredData cd = ClusteredData.of(data);
        int q = cd.classes();
        if (options.layers() < q) {
            throw new InputException("--layers: L = " + options.layers() + " is smaller than Q = " + q);
        }
        if (q > 8) {
            throw new InputException("data: " + q + " classes give 2^Q configurations; the study is limited to Q ≤ 8");
        }
        BuildOptions bo = BuildOptions.defaults(options.layers()).withSeed(options.seed());
        List<Configuration> rows = new ArrayList<>();
        int idx = 0;
        long candidates = 2L * (1 << q) - q - 1; // every truncation, and every merge of at least two classes
        for (int mask = 0; mask < (1 << q); mask++) {
            int[] s = members(mask, q);
            progress.update("candidate configurations", idx, candidates, "truncate " + Arrays.toString(s));
            List<int[]> steps = new ArrayList<>();
            for (int k : s) {
                steps.add(new int[] {k});
            }
            while (steps.size() < options.layers()) {
                steps.add(new int[0]);
            }
            Construction.Outcome o = Construction.run(cd, steps, bo, Construction.OutputFit.LEAST_SQUARES);
            double closed = s.length == 0 ? Shallow.leastSquaresCost(cd) : s.length == q ? 0 : Double.NaN;
            rows.add(measure(Configuration.Kind.TRUNCATE, s, o.model(), closed, cd, options, idx++));
        }
        for (int mask = 0; mask < (1 << q); mask++) {
            int[] s = members(mask, q);
            if (s.length < 2 || options.layers() < 1 + q - s.length) {
                continue;
            }
            progress.update("candidate configurations", idx, candidates, "merge " + Arrays.toString(s));
            List<int[]> steps = new ArrayList<>();
            steps.add(s);
            for (int k = 0; k < q; k++) {
                if ((mask & (1 << k)) == 0) {
                    steps.add(new int[] {k});
                }
            }
            while (steps.size() < options.layers()) {
                steps.add(new int[0]);
            }
            Construction.Outcome o = Construction.run(cd, steps, bo, Construction.OutputFit.LEAST_SQUARES);
            rows.add(measure(Configuration.Kind.MERGE, s, o.model(), mergedCost(cd, s), cd, options, idx++));
        }
        return new LocalMinimaResult(rows, Shallow.leastSquaresCost(cd), q, options.layers(),
                RunInfo.of(options.seed(), start));
    }

    /** (1/N) Σ_{k∈S} N_k |y_k − ȳ_S|² with ȳ_S the count-weighted mean target of S. */
    public static double mergedCost(ClusteredData cd, int[] s) {
        int dOut = cd.outputDim();
        double[] ybar = new double[dOut];
        double total = 0;
        for (int k : s) {
            total += cd.counts()[k];
            for (int d = 0; d < dOut; d++) {
                ybar[d] += cd.counts()[k] * cd.targets().get(k, d);
            }
        }
        double c = 0;
        for (int k : s) {
            for (int d = 0; d < dOut; d++) {
                double r = cd.targets().get(k, d) - ybar[d] / total;
                c += cd.counts()[k] * r * r;
            }
        }
        return c / cd.size();
    }

    static Configuration measure(Configuration.Kind kind, int[] s, Mlp model, double closed, ClusteredData cd,
                                 LocalMinimaOptions opt, int index) {
        double cost = Costs.c2(model, cd);
        double[] grad = CostGradient.gradient(model, cd);
        int hiddenParams = model.parameterCount() - model.layer(model.layerCount() - 1).parameterCount();
        double gn = Linalg.norm2(grad);
        double hg = Linalg.norm2(Arrays.copyOf(grad, hiddenParams));
        SplittableRandom rng = Seeds.rng(Seeds.child(opt.seed(), "directions-" + index));
        double[] theta = model.parameters();
        int descending = 0;
        int tried = 0;
        double minChange = Double.POSITIVE_INFINITY;
        for (double eps : opt.epsilons()) {
            for (int t = 0; t < opt.directions(); t++) {
                double[] v = randomUnit(theta.length, rng);
                double[] p = theta.clone();
                for (int i = 0; i < p.length; i++) {
                    p[i] += eps * v[i];
                }
                double change = Costs.c2(model.withParameters(p), cd) - cost;
                minChange = Math.min(minChange, change);
                if (change < -PERTURBATION_TOLERANCE) {
                    descending++;
                }
                tried++;
            }
        }
        double[] after = CostGradient.descend(model, cd, opt.gdSteps(), opt.gdRate());
        double costAfter = Costs.c2(model.withParameters(after), cd);
        double dist = 0;
        for (int i = 0; i < theta.length; i++) {
            dist += (after[i] - theta[i]) * (after[i] - theta[i]);
        }
        boolean local = gn <= GRADIENT_TOLERANCE && descending == 0
                && costAfter >= cost - DESCENT_TOLERANCE * Math.max(1, cost);
        return new Configuration(kind, s, model, cost, closed, gn, hg, (double) descending / tried, minChange,
                costAfter, Math.sqrt(dist), local);
    }

    static double[] randomUnit(int n, SplittableRandom rng) {
        double[] v = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            v[i] = Seeds.gaussian(rng);
            s += v[i] * v[i];
        }
        s = Math.sqrt(s);
        for (int i = 0; i < n; i++) {
            v[i] /= s;
        }
        return v;
    }

    private static int[] members(int mask, int q) {
        int[] s = new int[Integer.bitCount(mask)];
        for (int k = 0, i = 0; k < q; k++) {
            if ((mask & (1 << k)) != 0) {
                s[i++] = k;
            }
        }
        return s;
    }
}
