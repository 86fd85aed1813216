package io.nngeom.cli.convex;

import io.nngeom.cli.EvalCommand;
import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Loss;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The train and test metrics of a fitted model: mean squared error (summed over outputs, mean over examples:
 * {@link Loss#MSE}, as {@code nngeom eval} reports it) and, for class labels, accuracy (largest output against the
 * label). NaN where there is no model, no test set or no labels.
 */
record FitMetrics(double trainMse, double testMse, double trainAccuracy, double testAccuracy) {
    static FitMetrics of(UnaryOperator<Matrix> model, Dataset train, Dataset test) {
        if (model == null) {
            return new FitMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Matrix f = model.apply(train.x());
        Matrix ft = test == null ? null : model.apply(test.x());
        return new FitMetrics(mse(f, train), ft == null ? Double.NaN : mse(ft, test), accuracy(f, train),
                ft == null ? Double.NaN : accuracy(ft, test));
    }

    private static double mse(Matrix f, Dataset d) {
        if (d.isClassification() && d.targetDim() != f.cols()) {
            // a test set whose largest label is below the training set's: pad its one-hot targets
            Matrix y = Matrix.zeros(d.size(), f.cols());
            for (int i = 0; i < d.size(); i++) {
                if (d.labels()[i] < f.cols()) {
                    y.set(i, d.labels()[i], 1);
                }
            }
            return Loss.MSE.value(f, y);
        }
        return Loss.MSE.value(f, d.y());
    }

    private static double accuracy(Matrix f, Dataset d) {
        return d.isClassification() ? EvalCommand.accuracy(f, d.labels()) : Double.NaN;
    }

    void print(PrintWriter w, String prefix) {
        if (Double.isNaN(trainMse)) {
            return;
        }
        w.printf(Locale.ROOT, "%-14s%.6g%s%n", prefix.isEmpty() ? "trainMse" : prefix.trim() + " trainMse ", trainMse,
                Double.isNaN(testMse) ? "" : String.format(Locale.ROOT, "   testMse %.6g", testMse));
        if (!Double.isNaN(trainAccuracy)) {
            w.printf(Locale.ROOT, "%-14s%.6g%s%n", prefix.isEmpty() ? "trainAccuracy" : prefix.trim() + " trainAccuracy ", trainAccuracy,
                    Double.isNaN(testAccuracy) ? "" : String.format(Locale.ROOT, "   testAccuracy %.6g", testAccuracy));
        }
    }
}
