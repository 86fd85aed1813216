package io.nngeom.cli.options;

import io.nngeom.data.Dataset;
import io.nngeom.net.Loss;
import io.nngeom.run.InputException;
import picocli.CommandLine.Option;

/** {@code --loss LOSS} of the network commands (train, eval): mse, half-sse or softmax, by default chosen from the data. */
public final class LossOption {

    @Option(names = "--loss", paramLabel = "LOSS", description = "mse, half-sse or softmax (default: mse; softmax with --classes).")
    Loss loss;

    /** The loss given, or null. */
    public Loss given() {
        return loss;
    }

    /**
     * The loss given, else softmax cross-entropy for class labels and mean squared error otherwise. Softmax on
     * real-valued targets must be soft labels (at least two target columns, nonnegative, rows not all zero);
     * anything else (a regression target without {@code --classes}) is refused, since it cannot be fitted.
     */
    public Loss resolve(Dataset data) {
        Loss l = loss != null ? loss : data.isClassification() ? Loss.SOFTMAX_CE : Loss.MSE;
        if (l == Loss.SOFTMAX_CE && !data.isClassification()) {
            checkSoftLabels(data);
        }
        return l;
    }

    private static void checkSoftLabels(Dataset data) {
        String fix = "; for class labels add --classes, for real-valued targets use --loss mse";
        if (data.targetDim() < 2) {
            throw new InputException("--loss softmax: the data have " + data.targetDim()
                    + " real-valued target column, not class labels" + fix);
        }
        for (int i = 0; i < data.size(); i++) {
            double sum = 0;
            for (int j = 0; j < data.targetDim(); j++) {
                double v = data.y().get(i, j);
                if (v < 0) {
                    throw new InputException("--loss softmax: target " + v + " in data row " + (i + 1)
                            + " is negative, so the targets are not (soft) class labels" + fix);
                }
                sum += v;
            }
            if (sum == 0) {
                throw new InputException("--loss softmax: the targets of data row " + (i + 1) + " are all zero" + fix);
            }
        }
    }
}
