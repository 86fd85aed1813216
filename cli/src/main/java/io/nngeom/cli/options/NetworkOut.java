package io.nngeom.cli.options;

import io.nngeom.io.ModelIo;
import io.nngeom.net.Mlp;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out MODEL} (optional) of the commands that build a network: where to write it. */
public final class NetworkOut {

    @Option(names = "--out", paramLabel = "MODEL", description = "Write the network (.json or .safetensors).")
    Path file;

    /** The --out file, or null. */
    public Path file() {
        return file;
    }

    /** Refuses an --out without a model extension; call before any work is done. */
    public void check() {
        if (file != null) {
            ModelIo.checkExtension(file);
        }
    }

    /** Writes the network when --out was given. */
    public void write(Mlp net) {
        if (file != null) {
            ModelIo.write(net, file);
        }
    }

    /** The --out path as text, or null (for the JSON result). */
    public String name() {
        return file == null ? null : file.toString();
    }
}
