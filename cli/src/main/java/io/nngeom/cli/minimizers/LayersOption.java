package io.nngeom.cli.minimizers;

import picocli.CommandLine.Option;

/** {@code --layers L} (required) of the minimizers commands that build deep networks: the number of hidden layers. */
final class LayersOption {

    @Option(names = "--layers", paramLabel = "L", required = true, description = "Number of hidden layers (>= Q).")
    int layers;

    int layers() {
        return layers;
    }
}
