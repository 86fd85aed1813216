package io.nngeom.explain;

import io.nngeom.convex.Certificate;
import io.nngeom.convex.CertifyOptions;
import io.nngeom.convex.Convex;
import io.nngeom.convex.FitOptions;
import io.nngeom.convex.PenaltyNorm;
import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.ForwardTrace;
import io.nngeom.net.Mlp;
import io.nngeom.run.Budget;
import io.nngeom.run.Progress;
import java.util.List;

/**
 * The convex certificate ({@code Convex.certify}, the ℓ2 objective ½‖f(X) − y‖² + (β/2)Σ(‖w‖² + α²)) of the last two
 * layers, the features of the layer below them taken as the inputs. It applies to one real output after one ReLU
 * hidden layer; otherwise the verdict is {@code not-applicable} with the reason.
 */
final class Optimalities {
    /** The certificate's search stops after this many seconds (the verdict is then {@code undecided} at worst). */
    static final double CERTIFY_SECONDS = 60;

    private Optimalities() {
    }

    static Optimality certify(Mlp net, Dataset d, ForwardTrace tr, double beta, long seed, Progress progress) {
        int l = net.layerCount();
        if (net.outputDim() != 1 || d.isClassification() && d.classes() > 2) {
            return na(beta, "the certificate covers networks with one output (regression, or two classes coded 0/1); this one has "
                    + net.outputDim() + " outputs");
        }
        if (net.layer(l - 2).activation().kind() != Activation.Kind.RELU || net.layer(l - 1).activation().kind() != Activation.Kind.IDENTITY) {
            return na(beta, "the certificate needs a ReLU hidden layer under a linear output");
        }
        Matrix lower = tr.activations().get(l - 2);
        Matrix y = d.isClassification() ? labelsAsTargets(d.labels()) : d.y();
        Mlp top = new Mlp(List.of(net.layer(l - 2), net.layer(l - 1)));
        progress.update("explain: certificate of the last two layers", 0, 0, "");
        Certificate c = Convex.certify(top, Dataset.regression(lower, y),
                new CertifyOptions(beta, PenaltyNorm.L2, 2000, FitOptions.DEFAULT_MAX_COLUMNS,
                        CertifyOptions.DEFAULT_MAX_GAP_PERCENT, seed, Budget.of(CERTIFY_SECONDS, progress)));
        return new Optimality(beta, c.verdict().id(), c.nnObjective(), c.lowerBound(), c.evidence());
    }

    private static Optimality na(double beta, String reason) {
        return new Optimality(beta, "not-applicable", Double.NaN, Double.NaN, reason);
    }

    private static Matrix labelsAsTargets(int[] labels) {
        Matrix y = Matrix.zeros(labels.length, 1);
        for (int i = 0; i < labels.length; i++) {
            y.set(i, 0, labels[i]);
        }
        return y;
    }
}
