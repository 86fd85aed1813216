package io.nngeom.explain;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.SampleFeatures;
import io.nngeom.net.ForwardTrace;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.Distinguishability;
import io.nngeom.plot.Figure;
import io.nngeom.run.Chunks;
import io.nngeom.run.InputException;
import io.nngeom.run.Progress;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Front door of {@code nngeom explain}: a trained network and its data seen through the four theories, layer by
 * layer (the input is layer 0): activity of the units, activation patterns and linear regions (piecewise theory),
 * distinguishability, the H-score of the features and the output layer against its fixed-feature optimum (low-rank
 * theory), class collapse (minimizers theory) and, with β, the certificate of the last two layers (convex theory).
 * Each lens is one class; docs/explain.md says what each measures and where it comes from.
 */
public final class Explain {
    /** The LP separability test of {@link Distinguishability} runs only up to this many examples. */
    public static final int MAX_LP_SAMPLES = 2000;

    private Explain() {
    }

    /** Explains without progress reports. */
    public static ExplainResult run(ExplainOptions o) {
        return run(o, Progress.NONE);
    }

    /** Explains, reporting long steps (segments, distinguishability, planes, the certificate) to {@code progress}. */
    public static ExplainResult run(ExplainOptions o, Progress progress) {
        long start = System.nanoTime();
        Mlp net = o.model();
        Dataset d = o.data();
        check(net, d, "data");
        if (o.test() != null) {
            check(net, o.test(), "--test");
        }
        boolean classes = d.isClassification();
        int k = classes ? d.classes() : 0;
        int hidden = net.layerCount() - 1;
        List<String> notes = new ArrayList<>();
        ForwardTrace tr = net.trace(d.x());
        ForwardTrace tt = o.test() == null ? null : net.trace(o.test().x());
        int[] patterns = patternCounts(tr);
        double[][] seg = segments(net, d, o, progress, notes);
        progress.update("explain: distinguishability", 0, 0, "");
        int[] labels = classes ? d.labels() : Distinguishability.labelsOf(d.y());
        boolean lp = classes && d.size() <= MAX_LP_SAMPLES;
        if (classes && !lp) {
            notes.add("linear separability: not tested (the LP test runs up to " + MAX_LP_SAMPLES + " examples, the data has "
                    + d.size() + ")");
        }
        List<Distinguishability.LayerReport> dist = Distinguishability.analyse(net, d.x(), labels, lp);
        List<LayerReport> layers = new ArrayList<>();
        for (int l = 0; l <= hidden; l++) {
            progress.update("explain: layers", l, hidden + 1, "");
            Matrix f = tr.activations().get(l);
            Activity act = l == 0 ? null : Activity.of(tr.preActivations().get(l - 1));
            Regions reg = new Regions(patterns[l], seg[0][l], (int) seg[1][l]);
            FeatureGeometry fg = features(net, d, o.test(), tr, tt, l);
            Collapse col = classes ? Collapse.of(f, d.labels(), k) : null;
            Collapse colTest = classes && tt != null ? Collapse.of(tt.activations().get(l), o.test().labels(), k) : null;
            String act0 = l == 0 ? "input" : net.layer(l - 1).activation().id();
            LayerReport r = new LayerReport(l, f.cols(), act0, act, reg, Distinguish.of(dist.get(l)), fg, col, colTest, "");
            layers.add(Summaries.withSummary(r, d.size(), layers.isEmpty() ? null : layers.get(layers.size() - 1)));
        }
        Optimality opt = Double.isNaN(o.beta()) ? null : Optimalities.certify(net, d, tr, o.beta(), o.seed(), progress);
        progress.update("explain: planes", 0, o.planes(), "");
        Planes.Drawn planes = o.planes() == 0 || !SegmentPartition.applies(net) ? new Planes.Drawn(List.of(), List.of(), List.of())
                : Planes.draw(net, d, o.planes(), Seeds.child(o.seed(), "planes"));
        notes.addAll(planes.notes());
        Double acc = classes ? accuracy(tr.output(), d.labels()) : null;
        Double testAcc = classes && tt != null ? accuracy(tt.output(), o.test().labels()) : null;
        List<String> summary = new ArrayList<>();
        for (LayerReport r : layers) {
            summary.add(r.summary());
        }
        summary.add(Summaries.output(layers.get(layers.size() - 1), acc, testAcc, opt));
        List<Figure> figures = new ArrayList<>(ExplainFigures.curves(layers, tt != null));
        figures.addAll(planes.figures());
        return new ExplainResult(net.architecture(), d.size(), k, o.test() == null ? 0 : o.test().size(), acc, testAcc,
                o.segments(), layers, planes.planes(), opt, summary, notes, RunInfo.of(o.seed(), start), figures);
    }

    private static void check(Mlp net, Dataset d, String what) {
        if (net.layerCount() < 2) {
            throw new InputException("--model: has no hidden layer (" + net.architecture() + "); explain looks at hidden layers");
        }
        if (d.inputDim() != net.inputDim()) {
            throw new InputException(what + ": has " + d.inputDim() + " input columns, the model (" + net.architecture()
                    + ") expects " + net.inputDim());
        }
        if (d.size() < 2) {
            throw new InputException(what + ": needs at least 2 examples, has " + d.size());
        }
        if (d.isClassification() && d.classes() > net.outputDim() && net.outputDim() > 1) {
            throw new InputException(what + ": has " + d.classes() + " classes, the model has " + net.outputDim() + " outputs");
        }
    }

    /** Distinct activation patterns of layers 1..ℓ among the examples, for ℓ = 0..L−1 (1 for ℓ = 0). */
    static int[] patternCounts(ForwardTrace tr) {
        int hidden = tr.layerCount() - 1;
        int n = tr.input().rows();
        int[] counts = new int[hidden + 1];
        counts[0] = 1;
        BitSet[] keys = new BitSet[n];
        int offset = 0;
        for (int l = 0; l < hidden; l++) {
            Matrix z = tr.preActivations().get(l);
            int m = z.cols();
            double[] a = z.data();
            Set<BitSet> distinct = new HashSet<>();
            for (int i = 0; i < n; i++) {
                if (keys[i] == null) {
                    keys[i] = new BitSet();
                }
                for (int j = 0; j < m; j++) {
                    if (a[i * m + j] > 0) {
                        keys[i].set(offset + j);
                    }
                }
                distinct.add(keys[i]);
            }
            offset += m;
            counts[l + 1] = distinct.size();
        }
        return counts;
    }

    /** Mean (row 0) and largest (row 1) number of regions crossed by random segments, per layer ℓ = 0..L−1. */
    static double[][] segments(Mlp net, Dataset d, ExplainOptions o, Progress progress, List<String> notes) {
        int hidden = net.layerCount() - 1;
        double[][] out = new double[2][hidden + 1];
        if (o.segments() == 0 || !SegmentPartition.applies(net)) {
            Arrays.fill(out[0], Double.NaN);
            if (o.segments() > 0) {
                notes.add("regions along segments: not computed, a hidden activation is not piecewise linear");
            }
            return out;
        }
        SplittableRandom rng = new SplittableRandom(Seeds.child(o.seed(), "segments"));
        int n = d.size();
        int[][] pairs = new int[o.segments()][2];
        for (int[] p : pairs) {
            p[0] = rng.nextInt(n);
            p[1] = (p[0] + 1 + rng.nextInt(n - 1)) % n;
        }
        int[][] crossed = new int[pairs.length][];
        AtomicInteger done = new AtomicInteger();
        Chunks.run(Chunks.THREADS, pairs.length, (thread, s) -> {
            crossed[s] = SegmentPartition.regionsCrossed(net, d.x().rowArray(pairs[s][0]), d.x().rowArray(pairs[s][1]));
            progress.update("explain: regions along segments", done.incrementAndGet(), pairs.length, "");
        });
        double[] sum = new double[hidden + 1];
        for (int[] c : crossed) {
            sum[0] += 1;
            out[1][0] = 1;
            for (int l = 0; l < hidden; l++) {
                sum[l + 1] += c[l];
                out[1][l + 1] = Math.max(out[1][l + 1], c[l]);
            }
        }
        for (int l = 0; l <= hidden; l++) {
            out[0][l] = sum[l] / o.segments();
        }
        return out;
    }

    private static FeatureGeometry features(Mlp net, Dataset d, Dataset test, ForwardTrace tr, ForwardTrace tt, int l) {
        Matrix f = tr.activations().get(l);
        boolean last = l == net.layerCount() - 1;
        if (d.isClassification()) {
            int k = d.classes();
            double h = SampleFeatures.hScore(f, d.labels(), k);
            Double ht = tt == null ? null : SampleFeatures.hScore(tt.activations().get(l), test.labels(), k);
            OutputGeometry out = last ? OutputGeometries.softmax(net, d, f) : null;
            return new FeatureGeometry("softmax", h, SampleFeatures.hScoreMax(k), ht, out);
        }
        double h = SampleFeatures.mmseScore(f, d.y());
        Double ht = tt == null ? null : SampleFeatures.mmseScore(tt.activations().get(l), test.y());
        OutputGeometry out = last ? OutputGeometries.mmse(net, d, f) : null;
        return new FeatureGeometry("mmse", h, SampleFeatures.mmseScoreMax(d.y()), ht, out);
    }

    /** Fraction of examples whose largest output is at their label (for one output: output &gt; 0 means class 1). */
    static double accuracy(Matrix out, int[] labels) {
        int ok = 0;
        for (int i = 0; i < labels.length; i++) {
            int arg;
            if (out.cols() == 1) {
                arg = out.get(i, 0) > 0 ? 1 : 0;
            } else {
                arg = 0;
                for (int j = 1; j < out.cols(); j++) {
                    if (out.get(i, j) > out.get(i, arg)) {
                        arg = j;
                    }
                }
            }
            ok += arg == labels[i] ? 1 : 0;
        }
        return (double) ok / labels.length;
    }
}
