package io.nngeom.cli.pwl;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.io.ModelIo;
import io.nngeom.piecewise.Interpolation;
import io.nngeom.piecewise.Piecewise;
import io.nngeom.piecewise.PointSet;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code nngeom pwl interpolate}: C3, exact interpolation with N hidden units. */
@Command(name = "interpolate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Interpolate labelled points exactly with one hidden layer of N units sharing one direction "
                + "(C3; the activation matrix is lower triangular). All target columns share the hidden layer."})
public final class PwlInterpolateCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Points and targets (.csv, .npy, .npz).")
    Path dataFile;

    @Option(names = "--target", paramLabel = "COL", description = "Target column(s) (default: the file's default target).")
    String target;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Write the network (.json or .safetensors).")
    Path outFile;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelIo.checkExtension(outFile);
        Dataset d = DataIo.read(dataFile, target, false);
        CommandResult result = CommandResult.start("pwl interpolate", common);
        Interpolation.Result r;
        try {
            r = Interpolation.build(new PointSet(d.x(), d.y()), Seeds.child(common.seed(), "interpolation"));
        } catch (IllegalArgumentException e) {
            throw new InputException(dataFile + ": " + e.getMessage());
        }
        double[] err = Piecewise.measure(new PointSet(d.x(), d.y()), r.construction().net(), 0, 0);
        ModelIo.write(r.construction().net(), outFile);
        result.put("points", d.x().rows()).put("outputs", d.y().cols()).put("hiddenLayers", 1)
                .put("hiddenUnits", r.construction().hiddenUnits()).put("maxError", err[0])
                .put("lowerTriangular", r.lowerTriangular()).put("conditionNumber", r.condition()).put("minGap", r.minGap())
                .put("model", outFile.toString());
        result.finish();
        if (!common.quiet()) {
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "C3: %d points, %d outputs -> %d hidden units, max error %.3e, cond(Phi) %.3e, Phi lower triangular: %s%n",
                    d.x().rows(), d.y().cols(), r.construction().hiddenUnits(), err[0], r.condition(), r.lowerTriangular());
            spec.commandLine().getOut().flush();
        }
        return Main.OK;
    }
}
