package io.nngeom.cli.options;

import io.nngeom.data.Dataset;
import io.nngeom.net.Loss;
import picocli.CommandLine.Option;

/** {@code --loss LOSS} of the network commands (train, eval): mse, half-sse or softmax, by default chosen from the data. */
public final class LossOption {

    @Option(names = "--loss", paramLabel = "LOSS", description = "mse, half-sse or softmax (default: mse; softmax with --classes).")
    Loss loss;

    /** The loss given, or null. */
    public Loss given() {
        return loss;
    }

    /** The loss given, else softmax cross-entropy for class labels and mean squared error otherwise. */
    public Loss resolve(Dataset data) {
        return loss != null ? loss : data.isClassification() ? Loss.SOFTMAX_CE : Loss.MSE;
    }
}
