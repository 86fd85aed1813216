package io.nngeom.cli.pwl;

import io.nngeom.cli.options.NetworkOut;
import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.piecewise.Construction;
import io.nngeom.piecewise.Sawtooth;
import io.nngeom.run.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code nngeom pwl sawtooth}: Telgarsky's sawtooth, deep (2k units) against shallow (2^k units). */
@Command(name = "sawtooth", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"The sawtooth f_k = T o ... o T on [0,1] (2^k pieces): deep net with k layers of 2 units vs the "
                + "one-hidden-layer net with 2^k units; pieces counted exactly on the dyadic grid."})
public final class PwlSawtoothCommand implements Callable<Integer> {

    @Option(names = "--k", required = true, paramLabel = "K", description = "Number of compositions (1..20).")
    int k;

    @Option(names = "--shallow", description = "Write the shallow net to --out instead of the deep one.")
    boolean shallow;

    @Mixin
    NetworkOut modelOut;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (k < 1 || k > 20) {
            throw new InputException("--k: must lie in 1..20, got " + k);
        }
        modelOut.check();
        CommandResult result = CommandResult.start("pwl sawtooth", common);
        Construction deep = Sawtooth.deep(k);
        Construction flat = Sawtooth.shallow(k);
        int pd = Sawtooth.countPieces(deep.net(), k);
        int ps = Sawtooth.countPieces(flat.net(), k);
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
