package io.nngeom.cli.convex;

import io.nngeom.convex.PenaltyNorm;
import io.nngeom.run.InputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --penalty l2|l1} of the convex commands: the first-layer penalty norm of a two-layer network. */
final class PenaltyOption {

    @Option(names = "--penalty", paramLabel = "l2|l1", defaultValue = "l2", description = "First-layer penalty norm (default: ${DEFAULT-VALUE}).")
    String penalty;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The norm; a name other than l2 or l1 is bad input naming --penalty. */
    PenaltyNorm norm() {
        return PenaltyNorm.parse(penalty, "--penalty");
    }

    /** Whether --penalty was given on the command line (rather than defaulted). */
    boolean given() {
        return command.commandLine().getParseResult().hasMatchedOption("--penalty");
    }

    /** Refuses an explicit --penalty at depth 3 or 4, whose penalty is fixed: (beta/L) Σ|w|^L on all weights. */
    void refuseAtDepth(int depth) {
        if (depth > 2 && given()) {
            throw new InputException("--penalty: depth " + depth + " uses (beta/L) sum |w|^L on all weights; omit --penalty");
        }
    }
}
