package io.nngeom.cli.convex;

import io.nngeom.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code nngeom convex}: convex training of two-layer ReLU networks via wedge products (theory 3). */
@Command(name = "convex", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Convex training of two-layer ReLU networks (Pilanci): wedge-product Lasso, the exact arrangement "
            + "program, the gated relaxation, recovery of the network and certificates of global optimality. Network "
            + "objective 1/2||f(X) - y||^2 + (beta/2) sum_j(||w_j||_p^2 + alpha_j^2), biases unpenalised."},
        subcommands = {FitCommand.class, PathCommand.class, CertifyCommand.class})
public final class ConvexCommand extends CommandGroup {
}
