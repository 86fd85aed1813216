package io.nngeom.cli.pwl;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.cli.options.PiecewiseLinearModel;
import io.nngeom.data.Dataset;
import io.nngeom.io.DataIo;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.Distinguishability;
import io.nngeom.run.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nngeom distinguish}: distinguishability of labelled data at every layer of a model. */
@Command(name = "distinguish", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Is labelled data still distinguishable after each layer? Counts pairs with different labels "
                + "(or targets) whose images coincide, points sent to zero, the rank of the images, and (classes) "
                + "LP linear separability of every class pair."})
public final class DistinguishCommand implements Callable<Integer> {

    @Mixin
    PiecewiseLinearModel model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled data (.csv, .npy, .npz).")
    Path dataFile;

    @Option(names = "--target", paramLabel = "COL", description = "Target column (default: the file's default).")
    String target;

    @Option(names = "--classes", description = "The target holds class labels (enables the LP separability test).")
    boolean classes;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Mlp net = model.read();
        Dataset d = DataIo.read(dataFile, target, classes);
        if (d.x().cols() != net.inputDim()) {
            throw new InputException(dataFile + ": has " + d.x().cols() + " input columns, the model expects " + net.inputDim());
        }
        CommandResult result = CommandResult.start("distinguish", common);
        int[] labels = classes ? d.labels() : Distinguishability.labelsOf(d.y());
        boolean lp = classes && d.x().rows() <= Distinguishability.MAX_LP_POINTS;
        List<Distinguishability.LayerReport> rep = Distinguishability.analyse(net, d.x(), labels, lp);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (var r : rep) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", r.layer());
            m.put("width", r.width());
            m.put("collisions", r.collisions());
            m.put("sameLabelCollisions", r.sameLabelCollisions());
            m.put("zeroImages", r.zeroImages());
            m.put("rank", r.rank());
            m.put("linearlySeparable", r.linearlySeparable());
            layers.add(m);
        }
        int firstLost = -1;
        for (var r : rep) {
            if (r.collisions() > 0) {
                firstLost = r.layer();
                break;
            }
        }
        result.put("model", model.file().toString()).put("data", dataFile.toString()).put("points", d.x().rows())
                .put("distinguishable", firstLost < 0).put("firstLayerWithCollisions", firstLost < 0 ? null : firstLost)
                .put("layers", layers);
        result.finish();
        if (!common.quiet()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("layer  width  collisions  zero-images  rank  linearly-separable");
            for (var r : rep) {
                out.printf(Locale.ROOT, "%5d  %5d  %10d  %11d  %4d  %s%n", r.layer(), r.width(), r.collisions(), r.zeroImages(),
                        r.rank(), r.linearlySeparable() == null ? "-" : r.linearlySeparable().toString());
            }
            out.println(firstLost < 0 ? "distinguishable at every layer" : "distinguishability lost at layer " + firstLost);
            out.flush();
        }
        return Main.OK;
    }
}
