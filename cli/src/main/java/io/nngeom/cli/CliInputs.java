package io.nngeom.cli;

import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.io.ModelIo;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import java.nio.file.Path;

/**
 * Checks and readers shared by the commands: every problem with the user's input ends in one
 * {@link InputException} line naming the option or file.
 */
public final class CliInputs {
    private CliInputs() {
    }

    /** A data set from {@code --data} (CSV, NPY, NPZ); malformed files, NaN and infinities are bad input. */
    public static Dataset data(Path file, String target, boolean classes) {
        return DataIo.read(file, target, classes);
    }

    /** A model from a {@code .json} or {@code .safetensors} file. */
    public static Mlp model(Path file) {
        return ModelIo.read(file);
    }

    /**
     * A model; {@code activation} (the {@code --activation} option, may be null) is the hidden layers' activation
     * of a plain PyTorch safetensors state dict whose metadata names none.
     */
    public static Mlp model(Path file, Activation activation) {
        return ModelIo.read(file, activation);
    }

    /** Parses an architecture such as {@code 2-64-64-1} given to {@code option}; non-positive sizes are bad input. */
    public static int[] architecture(String option, String text) {
        try {
            return Mlp.parseArchitecture(text);
        } catch (IllegalArgumentException e) {
            throw InputException.of(option, e.getMessage());
        }
    }

    /** A whole number that must be ≥ 1. */
    public static int positive(String option, int value) {
        if (value < 1) {
            throw InputException.of(option, "must be a positive whole number, got " + value);
        }
        return value;
    }

    /** A finite number that must be &gt; 0. */
    public static double positive(String option, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw InputException.of(option, "must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** A finite number that must be ≥ 0. */
    public static double nonNegative(String option, double value) {
        if (!(Double.isFinite(value) && value >= 0)) {
            throw InputException.of(option, "must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** The network's input size must equal the data's number of input columns. */
    public static void checkInputs(int inputs, String what, Dataset data, Path dataFile) {
        if (inputs != data.inputDim()) {
            throw InputException.of(dataFile, data.inputDim() + " input column" + (data.inputDim() == 1 ? "" : "s")
                    + ", but " + what + " takes " + inputs + " input" + (inputs == 1 ? "" : "s"));
        }
    }

    /**
     * The network's output size must equal the data's target dimension (regression) or number of classes
     * (classification). For classes, a network with more outputs than the largest label needs is accepted
     * (a class may be absent from the data); the data set is then one-hot encoded with the network's width.
     *
     * @return the data set, with its classes widened to the network's outputs where needed
     */
    public static Dataset matchOutputs(int outputs, String what, Dataset data, Path dataFile) {
        if (data.isClassification()) {
            if (outputs < data.classes()) {
                throw InputException.of(dataFile, "labels go up to " + (data.classes() - 1) + " (" + data.classes()
                        + " classes), but " + what + " has " + outputs + " output" + (outputs == 1 ? "" : "s"));
            }
            return outputs == data.classes() ? data : Dataset.classification(data.x(), data.labels(), outputs);
        }
        if (outputs != data.targetDim()) {
            throw InputException.of(dataFile, data.targetDim() + " target column" + (data.targetDim() == 1 ? "" : "s")
                    + ", but " + what + " has " + outputs + " output" + (outputs == 1 ? "" : "s"));
        }
        return data;
    }
}
