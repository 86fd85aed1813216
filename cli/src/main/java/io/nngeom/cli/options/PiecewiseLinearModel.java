package io.nngeom.cli.options;

import io.nngeom.io.ModelIo;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --model MODEL} (required) and {@code --activation NAME} of the commands that study a piecewise-linear
 * network (regions, pwl distinguish).
 */
public final class PiecewiseLinearModel {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The network (.json or .safetensors).")
    Path file;

    @Option(names = "--activation", paramLabel = "NAME",
            description = "Hidden activation of a PyTorch .safetensors file whose metadata names none (relu, leaky-relu[:ALPHA], identity).")
    Activation activation;

    /** The --model file. */
    public Path file() {
        return file;
    }

    /** Reads the network. */
    public Mlp read() {
        return ModelIo.read(file, activation);
    }

    /** Refuses a network with a hidden activation other than relu, leaky-relu or identity, naming the layer. */
    public Mlp requirePiecewiseLinear(Mlp net) {
        for (int l = 0; l < net.hiddenLayerCount(); l++) {
            if (!net.layer(l).activation().isPiecewiseLinear()) {
                throw new InputException(file + ": hidden layer " + (l + 1) + " has activation "
                        + net.layer(l).activation().id() + "; linear regions need relu, leaky-relu or identity");
            }
        }
        return net;
    }
}
