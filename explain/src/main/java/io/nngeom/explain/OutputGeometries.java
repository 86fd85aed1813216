package io.nngeom.explain;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.lowrank.SampleFeatures;
import io.nngeom.net.Mlp;

/** The trained output layer against the fixed-feature optimum of the last hidden layer ({@link OutputGeometry}). */
final class OutputGeometries {
    private OutputGeometries() {
    }

    static OutputGeometry softmax(Mlp net, Dataset d, Matrix f) {
        int k = d.classes();
        Matrix w = net.layer(net.layerCount() - 1).weight();
        if (w.rows() != k) {
            return new OutputGeometry(Double.NaN, Double.NaN, Double.NaN, false, "the output layer has " + w.rows()
                    + " outputs for " + k + " classes: no softmax output to compare with Psi*");
        }
        Matrix star = SampleFeatures.optimalSoftmaxInformation(f, d.labels(), k);
        Matrix psi = SampleFeatures.softmaxInformation(w, d.labels(), k);
        double eps = SampleFeatures.epsilon(d.x(), d.labels(), k);
        return new OutputGeometry(relative(psi, star), cosine(psi, star), eps, eps <= SampleFeatures.LOCAL_EPSILON,
                SampleFeatures.localRegime(eps));
    }

    static OutputGeometry mmse(Mlp net, Dataset d, Matrix f) {
        Matrix w = net.layer(net.layerCount() - 1).weight();
        Matrix star = SampleFeatures.optimalMmseWeights(f, d.y());
        return new OutputGeometry(relative(w, star), cosine(w, star), Double.NaN, false,
                "real targets: W* is the exact least-squares output layer on these features (no local regime needed)");
    }

    /** ‖a − b‖_F / ‖b‖_F. */
    static double relative(Matrix a, Matrix b) {
        return a.minus(b).normF() / b.normF();
    }

    /** ⟨a, b⟩_F / (‖a‖_F ‖b‖_F). */
    static double cosine(Matrix a, Matrix b) {
        double s = 0;
        for (int i = 0; i < a.data().length; i++) {
            s += a.data()[i] * b.data()[i];
        }
        return s / (a.normF() * b.normF());
    }
}
