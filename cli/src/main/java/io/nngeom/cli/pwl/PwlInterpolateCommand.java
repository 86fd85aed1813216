package io.nngeom.cli.pwl;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.io.ModelIo;
import io.nngeom.piecewise.EvaluationAccuracy;
import io.nngeom.piecewise.Interpolation;
import io.nngeom.piecewise.PointSet;
import io.nngeom.run.InputException;
import io.nngeom.run.Num;
import io.nngeom.run.Seeds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom pwl interpolate}: C3, exact interpolation with N hidden units. */
@Command(name = "interpolate", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Interpolate labelled points with one hidden layer of N units sharing one direction "
                + "(C3; the activation matrix is lower triangular). All target columns share the hidden layer.",
            "Exact in exact arithmetic; the small print says how exact in floating point: the condition number of the "
                + "activation matrix and the evaluation error of the written network in float64 and in float32 "
                + "(PyTorch's default), with a warning on stderr past tolerance."})
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
        EvaluationAccuracy acc = EvaluationAccuracy.of(r.construction().net(), d.x(), d.y());
        ModelIo.write(r.construction().net(), outFile);
        result.put("points", d.x().rows()).put("outputs", d.y().cols()).put("hiddenLayers", 1)
                .put("hiddenUnits", r.construction().hiddenUnits()).put("maxError", acc.float64Error())
                .put("float32MaxError", acc.float32Error()).put("targetScale", acc.scale())
                .put("float64Tolerance", EvaluationAccuracy.FLOAT64_TOL * acc.scale())
                .put("float32Tolerance", EvaluationAccuracy.FLOAT32_TOL * acc.scale())
                .put("lowerTriangular", r.lowerTriangular()).put("conditionNumber", r.condition())
                .put("conditionTolerance", EvaluationAccuracy.CONDITION_TOL).put("minGap", r.minGap())
                .put("withinTolerance", acc.float64WithinTolerance() && acc.float32WithinTolerance()
                        && r.condition() <= EvaluationAccuracy.CONDITION_TOL)
                .put("model", outFile.toString());
        result.finish();
        PrintWriter out = spec.commandLine().getOut();
        out.println("C3: " + d.x().rows() + " points, " + d.y().cols() + " output" + (d.y().cols() == 1 ? "" : "s")
                + " -> " + r.construction().hiddenUnits() + " hidden units, Phi lower triangular: " + r.lowerTriangular());
        out.println("cond(Phi)       " + Num.show(r.condition()) + " (tolerance " + Num.show(EvaluationAccuracy.CONDITION_TOL) + ")");
        out.println("float64 error   " + Num.show(acc.float64Error()) + " = max |f(x) - y| on the points (tolerance "
                + Num.show(EvaluationAccuracy.FLOAT64_TOL * acc.scale()) + ")");
        out.println("float32 error   " + Num.show(acc.float32Error()) + " (tolerance "
                + Num.show(EvaluationAccuracy.FLOAT32_TOL * acc.scale()) + ")");
        out.flush();
        warnings(r.condition(), acc);
        return Main.OK;
    }

    private void warnings(double condition, EvaluationAccuracy acc) {
        PrintWriter err = spec.commandLine().getErr();
        String tail = " (tolerances relative to max(1, max|y|) = " + Num.show(acc.scale()) + ")";
        if (condition > EvaluationAccuracy.CONDITION_TOL) {
            err.println("nngeom: warning: cond(Phi) = " + Num.show(condition) + " exceeds " + Num.show(EvaluationAccuracy.CONDITION_TOL)
                    + ": the construction is exact only in exact arithmetic");
        }
        if (!acc.float64WithinTolerance()) {
            err.println("nngeom: warning: evaluated in float64 the network is off by " + Num.show(acc.float64Error())
                    + " on the points, more than " + Num.show(EvaluationAccuracy.FLOAT64_TOL * acc.scale()) + tail);
        }
        if (!acc.float32WithinTolerance()) {
            err.println("nngeom: warning: evaluated in float32 (e.g. PyTorch's default dtype) the network is off by "
                    + Num.show(acc.float32Error()) + ", more than " + Num.show(EvaluationAccuracy.FLOAT32_TOL * acc.scale()) + tail);
        }
        err.flush();
    }
}
