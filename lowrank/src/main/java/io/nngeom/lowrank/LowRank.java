package io.nngeom.lowrank;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.PopulationObjective.LossKind;
import io.nngeom.net.Activation;
import io.nngeom.plot.Figure;
import io.nngeom.run.InputException;
import io.nngeom.run.RunInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Front door of theory 1, the local geometry of feature extraction (Shisher, Ornee, Sun, arXiv 2202.04632;
 * Xu, Huang, Zheng, Wornell, Entropy 24:135, 2022; Huang, Makur, Wornell, Zheng, arXiv 1911.09105): in the local
 * region, the optimal output weights and features of a k-feature network form the rank-k approximation of the
 * matrix fixed by the layer's Bayes action (B̃ for softmax regression, M for MMSE estimation).
 */
public final class LowRank {
    private LowRank() {
    }

    /** The matrices, modes, information quantities and predicted optimal loss of a joint law. */
    public static AnalyzeResult analyze(JointDistribution law, AnalyzeOptions o) {
        long start = System.nanoTime();
        Matrix bt = LocalGeometry.centredDtm(law);
        int rankB = Math.min(law.nx(), law.ny()) - 1;
        LocalGeometry.Modes dtmModes = LocalGeometry.modes(bt, law.px(), law.py(), rankB);
        LocalGeometry.Modes modes;
        double entropy;
        double scale;
        Matrix embedding = o.embedding();
        if (o.loss() == LossKind.SOFTMAX) {
            modes = dtmModes;
            entropy = law.entropyY();
            scale = 0.5;
        } else {
            Matrix e = embedding == null ? Matrix.identity(law.ny()) : embedding;
            if (e.cols() != law.ny()) {
                throw new InputException("--embedding: " + e.cols() + " columns, the law has " + law.ny() + " y symbols");
            }
            Matrix m = LocalGeometry.mmseMatrix(law, e);
            modes = LocalGeometry.modes(m, law.px(), null, Math.min(Math.min(m.rows(), m.cols()), rankB));
            entropy = LocalGeometry.traceCovariance(law, e);
            scale = 1.0;
        }
        int k = Math.min(o.k(), modes.sigma().length);
        double h = scale * modes.energy(k);
        double condEntropy = o.loss() == LossKind.SOFTMAX ? law.conditionalEntropyYgivenX()
                : entropy - modes.energy(modes.sigma().length);
        Matrix features = Subspaces.firstCols(modes.features(), k);
        Matrix weights = Subspaces.firstCols(modes.weights(), k);
        double eps = bt.normF();
        List<String> warnings = new ArrayList<>(law.warnings());
        if (o.k() > k) {
            warnings.add("--k: " + o.k() + " exceeds the rank bound " + modes.sigma().length + "; using k = " + k);
        }
        if (eps > SampleFeatures.LOCAL_EPSILON) {
            warnings.add(SampleFeatures.localRegime(eps));
        }
        BottleneckMetrics trained = null;
        double grad = Double.NaN;
        Bottleneck.Trained net = null;
        if (o.train()) {
            net = Bottleneck.train(law, new Bottleneck.Options(k, Activation.IDENTITY, o.loss(), embedding,
                    Activation.IDENTITY, o.restarts(), Bottleneck.GRAD_TOL, 20000, o.seed()));
            trained = BottleneckMetrics.of(law, net.model(), net.loss(), k, o.loss(), embedding);
            grad = net.gradNorm();
            if (!net.converged()) {
                warnings.add("bottleneck training stopped at gradient norm " + net.gradNorm() + " > " + Bottleneck.GRAD_TOL);
            }
        }
        List<Figure> figs = new ArrayList<>();
        figs.add(LowRankFigures.spectrum("lowrank-spectrum", "Singular values of " + (o.loss() == LossKind.SOFTMAX ? "B̃" : "M"),
                modes.sigma(), k));
        if (net != null) {
            figs.add(LowRankFigures.learnedVsPredicted("lowrank-features", law, net.features(), modes, k));
        }
        return new AnalyzeResult(o.loss(), o.k(), law.xNames(), law.yNames(), law.px(), law.py(), eps,
                modes.sigma(), dtmModes.sigma(), entropy, condEntropy, law.mutualInformation(), 0.5 * eps * eps,
                features, weights, h, entropy - h, trained, grad, warnings, figs, RunInfo.of(o.seed(), start));
    }

    /** Singular values of the uncentred DTM B (the first is 1): a check of the centring. */
    public static double[] dtmSpectrum(JointDistribution law) {
        return Arrays.copyOf(Linalg.singularValues(LocalGeometry.dtm(law)), Math.min(law.nx(), law.ny()));
    }
}
