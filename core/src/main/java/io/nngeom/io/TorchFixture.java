package io.nngeom.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The PyTorch fixture shipped in the core jar (resources {@code /nngeom/fixtures/torch/}), written by the
 * committed script {@code scripts/make_torch_fixture.py}: safetensors models saved by PyTorch, inputs and
 * PyTorch's outputs as {@code .npy}, and records of 20 full-batch Adam steps ({@code relu_adam.json},
 * {@code tanh_adam.json}). Used by the interoperability tests and the {@code foundation.torch-parity} experiment.
 */
public final class TorchFixture {
    /** Class-path directory of the fixture. */
    public static final String DIR = "/nngeom/fixtures/torch/";

    private TorchFixture() {
    }

    /** The bytes of a fixture file. */
    public static byte[] bytes(String name) {
        try (InputStream in = TorchFixture.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + DIR + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + DIR + name, e);
        }
    }

    /** A fixture model; {@code hiddenIfMissing} for files saved without activation metadata. */
    public static Mlp model(String name, Activation hiddenIfMissing) {
        return Safetensors.decode(bytes(name), DIR + name, hiddenIfMissing);
    }

    /** A fixture array. */
    public static NpyArray npy(String name) {
        return Npy.decode(bytes(name), DIR + name);
    }

    /** A fixture JSON file. */
    public static JsonNode json(String name) {
        return Json.parse(bytes(name), DIR + name);
    }
}
