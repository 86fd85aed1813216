package io.nngeom.cli.minimizers;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.cli.options.NetworkOut;
import io.nngeom.minimizers.Minimizers;
import io.nngeom.minimizers.ShallowOptions;
import io.nngeom.minimizers.ShallowResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom minimizers shallow}: the shallow companion construction and its O(δ_P) bound. */
@Command(name = "shallow", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Build the shallow construction and its O(delta_P) cost bound.",
            "One hidden layer of width M that maps every class mean to its target; reports its cost, the bound",
            "and the affine least-squares minimum."})
public final class ShallowCommand implements Callable<Integer> {

    @Mixin
    DataSource source;

    @Option(names = "--translation", paramLabel = "C", defaultValue = "OPTIMAL",
            description = "The free translation c: OPTIMAL (c*) or ZERO (default: ${DEFAULT-VALUE}).")
    ShallowOptions.Translation translation;

    @Mixin
    NetworkOut modelOut;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        modelOut.check();
        var data = source.load();
        CommandResult result = CommandResult.start("minimizers shallow", common);
        ShallowResult r = Minimizers.shallow(data, new ShallowOptions(translation, null, common.seed()));
        modelOut.write(r.model());
        result.put("cost", r.cost()).put("costSqrt", r.costSqrt()).put("closedFormCost", r.closedFormCost())
                .put("bound", r.bound()).put("translation", r.translation())
                .put("leastSquaresCost", r.leastSquaresCost()).put("leastSquaresClosedForm", r.leastSquaresClosedForm())
                .put("relativeGap", r.relativeGap()).put("deltaP", r.deltaP())
                .put("architecture", r.model().architecture()).put("model", modelOut.name());
        result.finish();
        PrintWriter w = spec.commandLine().getOut();
        w.println("shallow construction (" + r.model().architecture() + ", translation " + translation + "): C2 = "
                + Fmt.e(r.cost()) + ", C = " + Fmt.e(r.costSqrt()) + " <= bound " + Fmt.e(r.bound()));
        w.println("affine least-squares minimum C2_LS = " + Fmt.e(r.leastSquaresCost()) + ", relative gap (C - sqrt C2_LS)/C = "
                + Fmt.e(r.relativeGap()));
        w.flush();
        return Main.OK;
    }
}
