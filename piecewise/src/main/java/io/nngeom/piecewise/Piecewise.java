package io.nngeom.piecewise;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.run.InputException;
import io.nngeom.run.Progress;
import io.nngeom.run.RunInfo;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Front door of the piecewise area: builds the network a PL spec calls for and measures it against the spec.
 * Shallow depth: C1 (1-D), C2 (crease hyperplanes; reports representability and the residual), C3 (points).
 * Deep depth: C1 for 1-D (already exact with one hidden layer), the C5c lattice construction for triangulations
 * and max–min expressions, C3 for points.
 */
public final class Piecewise {
    private Piecewise() {
    }

    /** Network depth asked for. */
    public enum Depth { SHALLOW, DEEP }

    /**
     * @param depth shallow (one hidden layer) or deep
     * @param testPoints random test points for maxError (plus a grid and the breakpoints/vertices)
     * @param seed root seed
     */
    public record BuildOptions(Depth depth, int testPoints, long seed) {
        public static BuildOptions defaults(Depth depth) {
            return new BuildOptions(depth, 20_000, Seeds.DEFAULT);
        }
    }

    /**
     * @param construction what was built (network, counts, details)
     * @param maxError max |net − spec| on the test points
     * @param maxAbsValue max |spec| on the test points (scale for tolerances)
     * @param representable for shallow builds, whether the spec is a one-hidden-layer net on its domain (C2
     *                      criterion); true for exact constructions
     * @param residual the shallow least-squares residual (max error), 0 for exact constructions
     * @param testPoints number of test points
     */
    public record BuildResult(String specType, Depth depth, Construction construction, double maxError, double maxAbsValue,
                              boolean representable, double residual, int testPoints, RunInfo run) {
        public Mlp net() {
            return construction.net();
        }

        public int hiddenLayers() {
            return construction.hiddenLayers();
        }

        public int hiddenUnits() {
            return construction.hiddenUnits();
        }
    }

    public static BuildResult build(PwlSpec spec, BuildOptions opts) {
        return build(spec, opts, Progress.NONE);
    }

    /** {@link #build(PwlSpec, BuildOptions)}, reporting its two stages (construction, measurement) to {@code progress}. */
    public static BuildResult build(PwlSpec spec, BuildOptions opts, Progress progress) {
        long t0 = System.nanoTime();
        progress.update("construction (" + spec.type() + ", " + opts.depth().name().toLowerCase(Locale.ROOT) + ")",
                1, 2, "");
        Construction c;
        boolean representable = true;
        double residual = 0;
        if (spec instanceof Pwl1d p) {
            c = OneDimensional.build(p);
        } else if (spec instanceof PointSet ps) {
            c = Interpolation.build(ps, Seeds.child(opts.seed(), "interpolation")).construction();
        } else if (spec instanceof Triangulation t) {
            if (opts.depth() == Depth.SHALLOW) {
                ShallowFit.Result r = ShallowFit.fit(t, t.creaseLines(), domainBox(t), 4000, Seeds.child(opts.seed(), "shallow"));
                c = r.construction();
                representable = r.representable();
                residual = r.residual();
            } else {
                if (!t.isConvexDomain()) {
                    throw new InputException("spec: the deep (lattice) construction needs a triangulation of a convex polygon");
                }
                c = Lattice.build(t);
            }
        } else if (spec instanceof MaxMin m) {
            Box box = m.domain() != null ? m.domain() : Box.cube(m.inputDim(), -1, 1);
            if (opts.depth() == Depth.SHALLOW) {
                ShallowFit.Result r = ShallowFit.fit(m, ShallowFit.creases(m, box, Seeds.child(opts.seed(), "creases")), box, 4000,
                        Seeds.child(opts.seed(), "shallow"));
                c = r.construction();
                representable = r.representable();
                residual = r.residual();
            } else {
                c = Lattice.build(m.pieces(), m.terms());
            }
        } else {
            throw new IllegalStateException("unknown spec " + spec);
        }
        progress.update("measuring the network against the spec", 2, 2, c.hiddenUnits() + " hidden units");
        double[] err = measure(spec, c.net(), opts.testPoints(), Seeds.child(opts.seed(), "test"));
        return new BuildResult(spec.type(), opts.depth(), c, err[0], err[1], representable, residual, (int) err[2],
                RunInfo.of(opts.seed(), t0));
    }

    /** Box of a triangulation's vertices. */
    public static Box domainBox(Triangulation t) {
        double[] b = t.bounds();
        return Box.of2d(b[0], b[1], b[2], b[3]);
    }

    /** {max |net − spec|, max |spec|, points} on random domain points plus structural points. */
    public static double[] measure(PwlSpec spec, Mlp net, int randomPoints, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        double maxErr = 0;
        double maxF = 0;
        int count = 0;
        if (spec instanceof PointSet ps) {
            Matrix y = net.apply(ps.x());
            for (int r = 0; r < y.rows(); r++) {
                for (int o = 0; o < y.cols(); o++) {
                    maxErr = Math.max(maxErr, Math.abs(y.get(r, o) - ps.y().get(r, o)));
                    maxF = Math.max(maxF, Math.abs(ps.y().get(r, o)));
                }
            }
            return new double[] {maxErr, maxF, ps.x().rows()};
        }
        List<double[]> pts = new ArrayList<>();
        if (spec instanceof Pwl1d p) {
            double lo = p.k() == 0 ? -1 : p.t(0) - 1;
            double hi = p.k() == 0 ? 1 : p.t(p.k() - 1) + 1;
            for (int i = 0; i < randomPoints; i++) {
                pts.add(new double[] {lo + (hi - lo) * rng.nextDouble()});
            }
            for (double t : p.breakpoints()) {
                pts.add(new double[] {t});
                pts.add(new double[] {t + 1e-9});
                pts.add(new double[] {t - 1e-9});
            }
        } else if (spec instanceof Triangulation t) {
            for (int i = 0; i < randomPoints; i++) {
                pts.add(t.sample(rng));
            }
            for (int i = 0; i < t.vertexCount(); i++) {
                pts.add(t.vertex(i));
            }
        } else if (spec instanceof MaxMin m) {
            Box box = m.domain() != null ? m.domain() : Box.cube(m.inputDim(), -1, 1);
            for (int i = 0; i < randomPoints; i++) {
                double[] x = new double[m.inputDim()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = box.lo(j) + (box.hi(j) - box.lo(j)) * rng.nextDouble();
                }
                pts.add(x);
            }
        }
        Matrix xs = Matrix.of(pts.toArray(new double[0][]));
        double[] y = new SparseEval(net).apply(xs);
        for (int r = 0; r < xs.rows(); r++) {
            double f = spec.value(xs.rowArray(r));
            if (Double.isNaN(f)) {
                continue;
            }
            count++;
            maxErr = Math.max(maxErr, Math.abs(y[r] - f));
            maxF = Math.max(maxF, Math.abs(f));
        }
        return new double[] {maxErr, maxF, count};
    }
}
