package io.nngeom.io;

import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Model files, by extension: {@code .json} (nngeom's JSON model format, {@link JsonModel}) and
 * {@code .safetensors} (PyTorch-compatible, {@link Safetensors}). Writes are atomic; reads validate everything
 * and report problems as one {@link InputException} line naming the file.
 */
public final class ModelIo {
    /** The file extensions a model may have. */
    public static final List<String> EXTENSIONS = List.of(".json", ".safetensors");

    private ModelIo() {
    }

    /** Reads a model; a safetensors file must name its activation in the metadata. */
    public static Mlp read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a model.
     *
     * @param hiddenIfMissing for a safetensors file whose metadata names no activation (a plain PyTorch state
     *                        dict): the hidden layers' activation (output identity); null makes it an error.
     *                        Ignored for files that name their activations.
     */
    public static Mlp read(Path file, Activation hiddenIfMissing) {
        String ext = Files2.extension(file);
        if (ext.equals("pt") || ext.equals("pth")) {
            throw InputException.of(file, "a torch.save file cannot be read directly (it is a Python pickle); convert it with "
                    + "python -m nngeom.export " + file + " OUT.safetensors (pip install ./python; see docs/formats.md)");
        }
        if (GatedModelIo.isGated(file)) {
            throw InputException.of(file, "a gated-ReLU model (format " + GatedModelIo.FORMAT + "), not a ReLU network; eval and info "
                    + "read it, convex fit --decompose turns a gated fit into a ReLU network");
        }
        return switch (kind(file)) {
            case "json" -> JsonModel.read(file);
            default -> Safetensors.read(file, hiddenIfMissing);
        };
    }

    /** Writes a model in the format its extension names, atomically. */
    public static void write(Mlp mlp, Path file) {
        write(mlp, file, null);
    }

    /**
     * Writes a model with the names of its inputs and outputs (null: none), in the format its extension names,
     * atomically; see {@link ModelNames}.
     */
    public static void write(Mlp mlp, Path file, ModelNames names) {
        for (int k = 0; k < mlp.layerCount(); k++) {
            Layer l = mlp.layer(k);
            if (!l.weight().allFinite() || !Arrays.stream(l.bias()).allMatch(Double::isFinite)) {
                throw InputException.of(file, "not written: layer " + k + " of the model has a non-finite weight or bias, "
                        + "which no reader accepts");
            }
        }
        switch (kind(file)) {
            case "json" -> Json.write(file, names == null ? JsonModel.toJson(mlp) : names.addTo(JsonModel.toJson(mlp)));
            default -> AtomicFiles.write(file, Safetensors.encode(mlp, names == null ? Map.of() : names.metadata()));
        }
    }

    /** Checks that a path has a model extension (for options, before any work is done). */
    public static void checkExtension(Path file) {
        kind(file);
    }

    private static String kind(Path file) {
        String ext = Files2.extension(file);
        if (!ext.equals("json") && !ext.equals("safetensors")) {
            throw InputException.of(file, "unknown model file type" + (ext.isEmpty() ? "" : " '." + ext + "'")
                    + " (expected .json or .safetensors)");
        }
        return ext;
    }
}
