package io.nngeom.cli.pwl;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.cli.options.NetworkOut;
import io.nngeom.piecewise.Construction;
import io.nngeom.piecewise.Sawtooth;
import io.nngeom.run.Heartbeat;
import io.nngeom.run.InputException;
import io.nngeom.run.StderrProgress;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom pwl sawtooth}: Telgarsky's sawtooth, deep (2k units) against shallow (2^k units). */
@Command(name = "sawtooth", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"The sawtooth f_k = T o ... o T on [0,1] (2^k pieces): deep net with k layers of 2 units vs the "
                + "one-hidden-layer net with 2^k units; pieces counted exactly on the dyadic grid."})
public final class PwlSawtoothCommand implements Callable<Integer> {

    @Option(names = "--k", required = true, paramLabel = "K", description = "Number of compositions (1..14).")
    int k;

    @Option(names = "--shallow", description = "Write the shallow net to --out instead of the deep one.")
    boolean shallow;

    @Mixin
    NetworkOut modelOut;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** Largest --k: the shallow side's work grows as 4^k (k = 14: about 30 s on a loaded 2-core machine). */
    static final int MAX_K = 14;

    @Override
    public Integer call() {
        if (k < 1 || k > MAX_K) {
            throw new InputException("--k: must lie in 1.." + MAX_K + " (the shallow network has 2^k units and is evaluated on "
                    + "2^(k+1) grid points, so the work grows as 4^k; k = 14 takes about 30 s), got " + k);
        }
        modelOut.check();
        CommandResult result = CommandResult.start("pwl sawtooth", common);
        Construction deep = Sawtooth.deep(k);
        Construction flat;
        int pd;
        int ps;
        try (StderrProgress progress = common.progress(spec.commandLine().getErr());
             Heartbeat beat = Heartbeat.start(progress, "pwl sawtooth k=" + k + ": counting pieces")) {
            flat = Sawtooth.shallow(k);
            pd = Sawtooth.countPieces(deep.net(), k);
            ps = Sawtooth.countPieces(flat.net(), k);
        }
        modelOut.write((shallow ? flat : deep).net());
        result.put("k", k).put("pieces", pd).put("deepHiddenLayers", deep.hiddenLayers()).put("deepHiddenUnits", deep.hiddenUnits())
                .put("shallowHiddenUnits", flat.hiddenUnits()).put("shallowPieces", ps)
                .put("hiddenLayers", (shallow ? flat : deep).hiddenLayers()).put("hiddenUnits", (shallow ? flat : deep).hiddenUnits());
        if (modelOut.file() != null) {
            result.put("model", modelOut.name());
        }
        result.finish();
        if (!common.quiet()) {
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "sawtooth k=%d: %d pieces; deep %d layers x 2 = %d units; shallow %d units (%d pieces)%n",
                    k, pd, deep.hiddenLayers(), deep.hiddenUnits(), flat.hiddenUnits(), ps);
            spec.commandLine().getOut().flush();
        }
        return Main.OK;
    }
}
