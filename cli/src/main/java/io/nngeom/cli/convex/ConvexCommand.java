package io.nngeom.cli.convex;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nngeom convex}: convex training of two-layer ReLU networks via wedge products (theory 3). */
@Command(name = "convex", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Convex training of two-layer ReLU networks (Pilanci): wedge-product Lasso, the exact arrangement "
            + "program, the gated relaxation, recovery of the network and certificates of global optimality. Network "
            + "objective 1/2||f(X) - y||^2 + (beta/2) sum_j(||w_j||_p^2 + alpha_j^2), biases unpenalised."},
        subcommands = {FitCommand.class, PathCommand.class, CertifyCommand.class})
public final class ConvexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
