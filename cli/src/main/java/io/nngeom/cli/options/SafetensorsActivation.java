package io.nngeom.cli.options;

import io.nngeom.cli.CliInputs;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --activation NAME} of a command that reads any model: the hidden activation of a bare PyTorch file. */
public final class SafetensorsActivation {

    @Option(names = "--activation", paramLabel = "NAME",
            description = "Hidden activation of a PyTorch .safetensors file whose metadata names none (relu, leaky-relu[:ALPHA], tanh, sigmoid, softplus, identity).")
    Activation activation;

    /** The activation given, or null. */
    public Activation activation() {
        return activation;
    }

    /** Reads the model in {@code file} with this activation ({@link CliInputs#model(Path, Activation)}). */
    public Mlp read(Path file) {
        return CliInputs.model(file, activation);
    }
}
