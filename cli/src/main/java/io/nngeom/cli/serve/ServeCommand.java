package io.nngeom.cli.serve;

import io.nngeom.cli.CliInputs;
import io.nngeom.cli.Main;
import io.nngeom.cli.options.TargetOptions;
import io.nngeom.data.Dataset;
import io.nngeom.io.AtomicFiles;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;
import io.nngeom.serve.ExplorerServer;
import io.nngeom.serve.Limits;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom serve}: the explorer in the browser, on 127.0.0.1 only ({@link ExplorerServer}). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Start the explorer: a local web page that trains a network with the code of 'nngeom train'",
            "and draws its exact linear regions live. Listens on 127.0.0.1 only and prints the page's address;",
            "Ctrl-C stops it. See docs/explorer.md."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8642",
            description = "Port on 127.0.0.1 (0: any free port; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "FILE", description = "A data set (CSV, NPY or NPZ, 2 input columns) offered as 'file'.")
    Path data;

    @Mixin
    TargetOptions target;

    @Option(names = "--model", paramLabel = "FILE", description = "A model (.json or .safetensors) to start runs from.")
    Path model;

    @Option(names = "--url-file", paramLabel = "FILE", description = "Also write the page's address to FILE (for scripts).")
    Path urlFile;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw InputException.of("--port", "must lie in 0..65535, got " + port);
        }
        Dataset d = data == null ? null : target.read(data);
        if (d != null && d.inputDim() != 2) {
            throw InputException.of(data, "the explorer draws 2-D inputs; this file has " + d.inputDim() + " input columns");
        }
        Mlp m = model == null ? null : CliInputs.model(model, Activation.RELU);
        if (m != null && m.inputDim() != 2) {
            throw InputException.of(model, "the explorer draws 2-D inputs; this model has " + m.inputDim());
        }
        PrintWriter err = spec.commandLine().getErr();
        ExplorerServer server;
        try {
            server = ExplorerServer.start(port, Limits.defaults(), d, m, err);
        } catch (BindException e) {
            throw InputException.of("--port", "port " + port + " on 127.0.0.1 is in use (" + e.getMessage() + "); try --port 0");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "nngeom-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (urlFile != null) {
            AtomicFiles.writeString(urlFile, server.url() + "\n");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("nngeom explorer: " + server.url() + "  (127.0.0.1 only; Ctrl-C stops it)");
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
