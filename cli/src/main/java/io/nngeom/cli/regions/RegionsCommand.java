package io.nngeom.cli.regions;

import io.nngeom.cli.CommandResult;
import io.nngeom.cli.CommonOptions;
import io.nngeom.cli.Main;
import io.nngeom.cli.options.PiecewiseLinearModel;
import io.nngeom.cli.options.TargetOptions;
import io.nngeom.data.Dataset;
import io.nngeom.io.AtomicFiles;
import io.nngeom.io.DataIo;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.regions.LinearRegion;
import io.nngeom.regions.Partition;
import io.nngeom.regions.PartitionStyle;
import io.nngeom.regions.PartitionSvg;
import io.nngeom.regions.PatternSearchEnumerator;
import io.nngeom.regions.PlanarPartitioner;
import io.nngeom.regions.RegionBounds;
import io.nngeom.regions.RegionEnumerator;
import io.nngeom.regions.SearchLimits;
import io.nngeom.regions.SearchOutcome;
import io.nngeom.regions.Slice;
import io.nngeom.run.Heartbeat;
import io.nngeom.run.InputException;
import io.nngeom.run.Num;
import io.nngeom.run.StderrProgress;
import java.io.PrintWriter;
import java.math.BigInteger;
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

/** {@code nngeom regions}: the linear regions of any ReLU / leaky-ReLU network on a box. */
@Command(name = "regions", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Enumerate the linear regions of a ReLU network exactly: 2-D inputs (or a 2-D --slice) as polygons "
                + "with each region's activation pattern and affine map and the decision boundary; any input dimension "
                + "by activation-pattern search with LP feasibility.",
            "Counts are compared with the Serra et al. upper bound (and the shallow arrangement formula)."})
public final class RegionsCommand implements Callable<Integer> {
    /** The second enumerator is run by default when the network has at most this many hidden units. */
    public static final int CHEAP_CHECK_UNITS = 40;

    @Mixin
    PiecewiseLinearModel model;

    @Option(names = "--box", paramLabel = "a,b,c,d",
            description = "The domain: lo1,hi1,lo2,hi2,... (default: the --data bounding box, else [-1,1]^n).")
    String boxText;

    @Option(names = "--data", paramLabel = "FILE", description = "Data whose bounding box (widened 5%%) is the domain.")
    Path dataFile;

    @Option(names = "--slice", paramLabel = "O:U:V",
            description = "A 2-D plane x = O + s U + t V through the input space (each a comma list of n numbers); "
                    + "--box then bounds (s, t) (default [-1,1]^2).")
    String sliceText;

    @Option(names = "--enumerator", paramLabel = "planar|lp", description = "planar (2-D, default) or lp (any dimension).")
    Method enumerator;

    /** The enumerators {@code --enumerator} names. */
    public enum Method {
        /** The exact 2-D partition ({@link PlanarPartitioner}). */
        PLANAR,
        /** The LP pattern search, any dimension ({@link PatternSearchEnumerator}). */
        LP;

        /** planar, lp or lp-search (any case). */
        public static Method parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "planar" -> PLANAR;
                case "lp", "lp-search" -> LP;
                default -> throw new IllegalArgumentException("expected planar or lp, got '" + s + "'");
            };
        }
    }

    @Option(names = "--check", negatable = true,
            description = "Also run the other enumerator and compare (default: on for at most " + CHEAP_CHECK_UNITS + " hidden units).")
    Boolean check;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0",
            description = "Decision boundary level for one output (default: ${DEFAULT-VALUE}); several outputs: argmax ties.")
    double threshold;

    @Option(names = "--svg", paramLabel = "FILE", description = "Draw the 2-D partition as SVG.")
    Path svgFile;

    @Option(names = "--color", paramLabel = "pattern|output|slope",
            description = "Fill of the regions in the pictures (--svg, --plot): pattern (a colour per activation pattern, "
                    + "the default), output (the network's first output at the region's centroid) or slope (the norm of "
                    + "the region's affine map).")
    String color;

    @Mixin
    TargetOptions targets;

    @Option(names = "--max-regions", paramLabel = "N", defaultValue = "1000000",
            description = "lp search: stop once more than N regions are certain and report the lower bound reached, "
                    + "labelled incomplete (default: ${DEFAULT-VALUE}; 0: no bound).")
    long maxRegions;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "0",
            description = "lp search: stop after this many seconds and report the lower bound reached, labelled "
                    + "incomplete (default: 0, no limit).")
    double timeLimit;

    @Option(names = "--max-listed", paramLabel = "N", defaultValue = "100000",
            description = "List at most N regions in the JSON (default: ${DEFAULT-VALUE}).")
    int maxListed;

    @Mixin
    CommonOptions.WithPlot common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkLimits();
        Mlp net = model.requirePiecewiseLinear(model.read());
        CommandResult result = CommandResult.start("regions", common);
        Mlp work = net;
        int dim = net.inputDim();
        Slice slice = null;
        if (sliceText != null) {
            slice = parseSlice(sliceText, dim);
            work = slice.restrict(net);
            dim = 2;
        }
        // the points of --data: a file with a target column (coloured by it), or inputs only (drawn, not coloured)
        Matrix points = dataFile == null ? null : DataIo.readInputs(dataFile, null, null, net.inputDim());
        Dataset data = dataFile == null ? null : withTarget(dataFile, net.inputDim());
        PartitionStyle style = PartitionPicture.style(color, data, slice != null, threshold);
        Box box = boxText != null ? parseBox(boxText, dim) : points != null && slice == null
                ? Box.bounding(points, 0.05) : Box.cube(dim, -1, 1);
        RegionEnumerator main = chooseEnumerator(dim);
        int[] hs = RegionBounds.hiddenSizes(net);
        if (slice != null) {
            hs[0] = 2;
        }
        var upper = RegionBounds.serraUpper(hs);
        var lower = RegionBounds.montufarLower(hs);
        PrintWriter err = spec.commandLine().getErr();
        if (!common.quiet()) {
            err.println("regions: " + net.architecture() + " on " + box + " by " + main.name()
                    + "; Serra et al. upper bound " + upper + " regions"
                    + (main instanceof PatternSearchEnumerator ? limitsText() : ""));
            err.flush();
        }
        boolean doCheck = check != null ? check : dim == 2 && work.hiddenUnits() <= CHEAP_CHECK_UNITS;
        Enumerated found = enumerate(main, work, box, doCheck && dim == 2, err);
        if (!found.outcome().complete()) {
            return incomplete(result, net, box, found.outcome(), upper);
        }
        Partition p = found.outcome().partition();
        Partition other = found.other();
        putCounts(result, net, box, p, other, upper, lower, hs[0], slice);
        result.put("regionList", regionList(p, maxListed));
        drawPartition(result, net, work, box, p, other, dim, style);
        result.finish();
        if (!common.quiet()) {
            printSummary(net, box, p, other, upper);
        }
        return Main.OK;
    }

    /** --enumerator, or planar for 2-D inputs and the LP search otherwise. */
    private RegionEnumerator chooseEnumerator(int dim) {
        Method which = enumerator != null ? enumerator : dim == 2 ? Method.PLANAR : Method.LP;
        if (which == Method.PLANAR && dim != 2) {
            throw new InputException("--enumerator planar: needs a 2-D input or --slice, the model has " + dim + " inputs");
        }
        return which == Method.PLANAR ? new PlanarPartitioner(threshold) : new PatternSearchEnumerator();
    }

    /** The counts of a complete enumeration, the bounds beside them and the second enumerator's agreement. */
    private void putCounts(CommandResult result, Mlp net, Box box, Partition p, Partition other, BigInteger upper, BigInteger lower,
            int inputs, Slice slice) {
        int dim = slice != null ? 2 : net.inputDim();
        result.put("model", model.file().toString()).put("architecture", net.architecture()).put("box", boxList(box))
                .put("enumerator", p.enumerator()).put("complete", true).put("regions", p.count()).put("upperBound", upper.doubleValue())
                .put("lowerBoundMaximal", lower == null ? null : lower.doubleValue())
                .put("enumerationSeconds", p.seconds()).put("lpCount", p.lpCount());
        if (net.hiddenLayerCount() == 1) {
            result.put("shallowArrangementCount", RegionBounds.shallowArrangement(net.hiddenUnits(), inputs).doubleValue());
        }
        if (slice != null) {
            result.put("slice", Map.of("origin", slice.origin(), "u", slice.u(), "v", slice.v()));
        }
        if (other != null) {
            boolean agree = other.patternKeys().equals(p.patternKeys());
            result.put("otherEnumerator", other.enumerator()).put("otherRegions", other.count()).put("agree", agree)
                    .put("otherSeconds", other.seconds()).put("otherLpCount", other.lpCount());
        }
        if (dim == 2 && p.boundary().length > 0) {
            result.put("decisionBoundarySegments", p.boundarySegments()).put("decisionBoundaryLength", p.boundaryLength());
        }
    }

    /** --svg and the --plot figure of a 2-D partition (re-partitioned exactly when the enumerator kept no polygons). */
    private void drawPartition(CommandResult result, Mlp net, Mlp work, Box box, Partition p, Partition other, int dim, PartitionStyle style) {
        if (dim == 2 && (common.plot() != null || svgFile != null)) {
            Partition drawn = p.boundary().length > 0 || other == null || other.boundary().length == 0 ? p : other;
            if (drawn.regions().get(0).polygon() == null) {
                drawn = new PlanarPartitioner(threshold).enumerate(work, box);
            }
            String title = "Linear regions of " + net.architecture();
            if (common.plot() != null) {
                result.figure(PartitionSvg.figure("regions", title, drawn, style));
            }
            if (svgFile != null) {
                AtomicFiles.writeString(svgFile, PartitionSvg.svg(drawn, title, style));
            }
        } else if (svgFile != null) {
            throw new InputException("--svg: needs a 2-D input or --slice");
        }
    }

    private void printSummary(Mlp net, Box box, Partition p, Partition other, BigInteger upper) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s on %s: %d linear regions (%s, %.3f s%s); Serra et al. upper bound %s%n",
                net.architecture(), box, p.count(), p.enumerator(), p.seconds(),
                p.lpCount() > 0 ? ", " + p.lpCount() + " LPs" : "", upper);
        if (other != null) {
            out.printf(Locale.ROOT, "%s: %d regions (%.3f s) - %s%n", other.enumerator(), other.count(), other.seconds(),
                    other.patternKeys().equals(p.patternKeys()) ? "same activation patterns" : "DIFFERENT activation patterns");
        }
        out.flush();
    }

    private void checkLimits() {
        if (maxRegions < 0) {
            throw new InputException("--max-regions: must be ≥ 0 (0: no bound), got " + maxRegions);
        }
        if (!(timeLimit >= 0) || Double.isInfinite(timeLimit)) {
            throw new InputException("--time-limit: must be a finite number of seconds ≥ 0 (0: no limit), got " + timeLimit);
        }
        if (maxListed < 0) {
            throw new InputException("--max-listed: must be ≥ 0, got " + maxListed);
        }
    }

    /** The main enumeration (or the point where the bounded LP search stopped) and the cross-check, if any. */
    private record Enumerated(SearchOutcome outcome, Partition other) {
    }

    private Enumerated enumerate(RegionEnumerator main, Mlp work, Box box, boolean crossCheck, PrintWriter err) {
        try (StderrProgress progress = common.progress(err)) {
            SearchOutcome found;
            if (main instanceof PatternSearchEnumerator lp) {
                found = lp.search(work, box, new SearchLimits(maxRegions, timeLimit, progress));
            } else {
                try (Heartbeat beat = Heartbeat.start(progress, "regions: planar partition")) {
                    Partition p = main.enumerate(work, box);
                    found = new SearchOutcome(p, true, p.count(), work.hiddenLayerCount(), p.lpCount(), p.seconds(), "");
                }
            }
            Partition other = null;
            if (found.complete() && crossCheck) {
                try (Heartbeat beat = Heartbeat.start(progress, "regions: checking with the other enumerator")) {
                    other = main instanceof PlanarPartitioner ? new PatternSearchEnumerator().enumerate(work, box)
                            : new PlanarPartitioner(threshold).enumerate(work, box);
                }
            }
            progress.clear();
            return new Enumerated(found, other);
        }
    }

    /** At most {@code max} regions as JSON objects. */
    private static List<Map<String, Object>> regionList(Partition p, int max) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LinearRegion r : p.regions()) {
            if (list.size() >= max) {
                break;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pattern", r.patternKey());
            m.put("map", rows(r.map()));
            m.put("offset", r.offset());
            m.put("interior", r.interior());
            if (r.polygon() != null) {
                m.put("polygon", r.polygon());
                m.put("area", r.area());
            } else {
                m.put("chebyshevRadius", r.radius());
            }
            list.add(m);
        }
        return list;
    }

    private String limitsText() {
        return "; search bounded by --max-regions " + (maxRegions > 0 ? maxRegions : "none") + " and --time-limit "
                + (timeLimit > 0 ? Num.show(timeLimit) + " s" : "none");
    }

    /** A search that stopped early: the lower bound it reached, labelled incomplete, and no region list. */
    private int incomplete(CommandResult result, Mlp net, Box box, SearchOutcome found, BigInteger upper) {
        result.put("model", model.file().toString()).put("architecture", net.architecture()).put("box", boxList(box))
                .put("enumerator", "lp-search").put("complete", false).put("regionsAtLeast", found.regionsAtLeast())
                .put("stopReason", found.stopReason()).put("layersDone", found.layersDone())
                .put("upperBound", upper.doubleValue()).put("enumerationSeconds", found.seconds())
                .put("lpCount", found.lpCount());
        result.finish();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s on %s: at least %d linear regions - INCOMPLETE (%s after %s s, %d of %d hidden layers "
                        + "searched, %d LPs); Serra et al. upper bound %s%n", net.architecture(), box,
                found.regionsAtLeast(), found.stopReason(), Num.show(found.seconds()), found.layersDone(),
                net.hiddenLayerCount(), found.lpCount(), upper);
        out.flush();
        return Main.OK;
    }

    private static List<double[]> rows(Matrix a) {
        List<double[]> r = new ArrayList<>();
        for (int i = 0; i < a.rows(); i++) {
            r.add(a.rowArray(i));
        }
        return r;
    }

    private static List<Double> boxList(Box b) {
        List<Double> l = new ArrayList<>();
        for (int j = 0; j < b.dim(); j++) {
            l.add(b.lo(j));
            l.add(b.hi(j));
        }
        return l;
    }

    static double[] numbers(String text, String option) {
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException(option + ": '" + parts[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new InputException(option + ": '" + parts[i].trim() + "' is not finite");
            }
        }
        return v;
    }

    static Box parseBox(String text, int dim) {
        double[] v = numbers(text, "--box");
        if (v.length != 2 * dim) {
            throw new InputException("--box: expected " + 2 * dim + " numbers lo1,hi1,... for " + dim + " inputs, got " + v.length);
        }
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        for (int j = 0; j < dim; j++) {
            lo[j] = v[2 * j];
            hi[j] = v[2 * j + 1];
            if (!(hi[j] > lo[j])) {
                throw new InputException("--box: side " + (j + 1) + " is empty: [" + lo[j] + ", " + hi[j] + "]");
            }
        }
        return new Box(lo, hi);
    }

    static Slice parseSlice(String text, int dim) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            throw new InputException("--slice: expected ORIGIN:U:V, each a comma list of " + dim + " numbers");
        }
        double[] o = numbers(parts[0], "--slice");
        double[] u = numbers(parts[1], "--slice");
        double[] v = numbers(parts[2], "--slice");
        if (o.length != dim || u.length != dim || v.length != dim) {
            throw new InputException("--slice: origin and directions need " + dim + " numbers each (the model's input dimension)");
        }
        double uu = 0;
        double vv = 0;
        double uv = 0;
        for (int j = 0; j < dim; j++) {
            uu += u[j] * u[j];
            vv += v[j] * v[j];
            uv += u[j] * v[j];
        }
        if (uu * vv - uv * uv <= 1e-24 * uu * vv || uu == 0 || vv == 0) {
            throw new InputException("--slice: the directions U and V must be linearly independent");
        }
        return new Slice(o, u, v);
    }

    /** The data set of {@code file} when it has a target column beside the network's inputs, else null (inputs only). */
    private Dataset withTarget(Path file, int inputDim) {
        try {
            Dataset d = targets.read(file);
            return d.inputDim() == inputDim ? d : null;
        } catch (InputException inputsOnly) {
            return null;
        }
    }
}
