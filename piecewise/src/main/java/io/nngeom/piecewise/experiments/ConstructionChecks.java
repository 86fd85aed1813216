package io.nngeom.piecewise.experiments;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.piecewise.AffineLift;
import io.nngeom.piecewise.Construction;
import io.nngeom.piecewise.Interpolation;
import io.nngeom.piecewise.Lattice;
import io.nngeom.piecewise.MaxMin;
import io.nngeom.piecewise.OneDimensional;
import io.nngeom.piecewise.Piecewise;
import io.nngeom.piecewise.PointSet;
import io.nngeom.piecewise.Pwl1d;
import io.nngeom.piecewise.Sawtooth;
import io.nngeom.piecewise.ShallowFit;
import io.nngeom.piecewise.Triangulation;
import io.nngeom.plot.Chart;
import io.nngeom.regions.Box;
import io.nngeom.run.Seeds;
import io.nngeom.validate.Experiment;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import io.nngeom.validate.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** E1–E9: the constructions against their specs and the §5 unit counts. */
final class ConstructionChecks {
    /** The digest's exactness tolerance: 1e-9·(1 + max|f|). */
    static final double TOL = 1e-9;

    private ConstructionChecks() {
    }

    static Pwl1d randomPwl(int k, SplittableRandom rng) {
        double[] t = new double[k];
        for (int j = 0; j < k; j++) {
            t[j] = -5 + 10 * rng.nextDouble();
        }
        Arrays.sort(t);
        double[] s = new double[k + 1];
        for (int j = 0; j <= k; j++) {
            s[j] = Seeds.gaussian(rng);
        }
        return new Pwl1d(t, s, Seeds.gaussian(rng));
    }

    static ExperimentResult e1(Experiment e, ExperimentContext ctx) {
        int funcs = ctx.quick() ? 10 : 50;
        int points = ctx.quick() ? 10_000 : 100_000;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e1"));
        double worst = 0;
        int unitMismatch = 0;
        int rationalMismatch = 0;
        int rationalPoints = 0;
        Pwl1d shown = null;
        Construction shownNet = null;
        for (int i = 0; i < funcs; i++) {
            Pwl1d f = randomPwl(1 + rng.nextInt(50), rng);
            Construction c = OneDimensional.build(f);
            if (c.hiddenUnits() != f.k() + 1 || c.hiddenLayers() != 1) {
                unitMismatch++;
            }
            double[] err = Piecewise.measure(f, c.net(), points, rng.nextLong());
            worst = Math.max(worst, err[0] / (1 + err[1]));
            double[] probe = new double[3 * f.k() + 200];
            for (int j = 0; j < f.k(); j++) {
                probe[3 * j] = f.t(j);
                probe[3 * j + 1] = f.t(j) + 1e-9;
                probe[3 * j + 2] = f.t(j) - 1e-9;
            }
            for (int j = 3 * f.k(); j < probe.length; j++) {
                probe[j] = -6 + 12 * rng.nextDouble();
            }
            rationalMismatch += io.nngeom.piecewise.RationalCheck.mismatches(f, probe);
            rationalPoints += probe.length;
            if (i == 0) {
                shown = f;
                shownNet = c;
            }
        }
        double[] xs = new double[801];
        double[] yf = new double[xs.length];
        double[] yn = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -6 + 12.0 * i / (xs.length - 1);
            yf[i] = shown.at(xs[i]);
            yn[i] = shownNet.net().apply(new double[] {xs[i]})[0];
        }
        return ExperimentResult.builder(e, ctx).param("functions", funcs).param("pointsPerFunction", points + " + t_j, t_j ± 1e-9")
                .atMost("maxRelativeError", worst, TOL).atMost("unitCountMismatches", unitMismatch, 0)
                .atMost("exactRationalMismatches", rationalMismatch, 0).measure("exactRationalPoints", rationalPoints)
                .criterion("max |net - f| / (1 + max|f|) <= 1e-9, exactly k+1 hidden units in one hidden layer, and in exact "
                        + "(BigDecimal) arithmetic the C1 formula equals the spec at t_j, t_j ± 1e-9 and random points")
                .figure(Chart.of("c1-fit", "C1: target and constructed network (k = " + shown.k() + ")", "x", "f(x)")
                        .line("target", xs, yf).line("network", xs, yn))
                .build();
    }

    static ExperimentResult e2(Experiment e, ExperimentContext ctx) {
        int cases = ctx.quick() ? 10 : 100;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e2"));
        int existsOk = 0;
        int notExistsOk = 0;
        double worst = 0;
        for (int i = 0; i < cases; i++) {
            int k = 2 + rng.nextInt(12);
            double[] t = new double[k];
            for (int j = 0; j < k; j++) {
                t[j] = j + 0.5 * rng.nextDouble();
            }
            // jumps: random integers; case A: s0 = −(sum of a random non-empty subset); case B: s0 half-integer
            double[] d = new double[k];
            for (int j = 0; j < k; j++) {
                d[j] = (rng.nextInt(19) - 9) + (rng.nextBoolean() ? 0 : 0);
                if (d[j] == 0) {
                    d[j] = 1;
                }
            }
            double sub = 0;
            for (int j = 0; j < k; j++) {
                if (rng.nextBoolean()) {
                    sub += d[j];
                }
            }
            for (int variant = 0; variant < 2; variant++) {
                double s0 = variant == 0 ? -sub : 0.5 + rng.nextInt(5);
                double[] s = new double[k + 1];
                s[0] = s0;
                for (int j = 0; j < k; j++) {
                    s[j + 1] = s[j] + d[j];
                }
                Pwl1d f = new Pwl1d(t, s, Seeds.gaussian(rng));
                OneDimensional.Minimal m = OneDimensional.minimal(f);
                if (variant == 0) {
                    double[] err = Piecewise.measure(f, m.construction().net(), 2000, rng.nextLong());
                    worst = Math.max(worst, err[0] / (1 + err[1]));
                    if (m.exists() && m.construction().hiddenUnits() == k) {
                        existsOk++;
                    }
                } else if (!m.exists() && m.decided() && m.construction().hiddenUnits() == k + 1) {
                    notExistsOk++; // integer jumps cannot sum to a half-integer: the solver must say k + 1
                }
            }
        }
        return ExperimentResult.builder(e, ctx).param("casesPerVariant", cases)
                .atLeast("kUnitNetsFoundWhereSubsetExists", existsOk, cases)
                .atMost("maxRelativeErrorOfKUnitNets", worst, TOL)
                .atLeast("needsKPlus1ReportedWhereNoSubset", notExistsOk, cases)
                .criterion("subset exists: k-unit net exact; integer jumps with half-integer -s0: solver reports k+1 units")
                .build();
    }

    static ExperimentResult e3(Experiment e, ExperimentContext ctx) {
        int teachers = ctx.quick() ? 3 : 20;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e3"));
        double worstRes = 0;
        double worstJump = 0;
        Box box = Box.cube(2, -2, 2);
        for (int i = 0; i < teachers; i++) {
            int m = 3 + rng.nextInt(8);
            Mlp teacher = Mlp.random(new int[] {2, m, 1}, Activation.RELU, rng);
            // keep only units whose line crosses the box (others are dead or affine there)
            List<double[]> hp = new ArrayList<>();
            for (int u = 0; u < m; u++) {
                hp.add(new double[] {teacher.layer(0).w(u, 0), teacher.layer(0).w(u, 1), teacher.layer(0).b(u)});
            }
            ShallowFit.Result r = ShallowFit.fit(teacher, hp, box, 3000, rng.nextLong());
            worstRes = Math.max(worstRes, r.residual());
            AffineLift.Canonical a = AffineLift.canonicalize(teacher, box);
            AffineLift.Canonical b = AffineLift.canonicalize(r.construction().net(), box);
            worstJump = Math.max(worstJump, jumpDistance(a, b));
        }
        return ExperimentResult.builder(e, ctx).param("teachers", teachers).param("box", box.toString())
                .atMost("maxResidual", worstRes, 1e-10).atMost("maxJumpMismatch", worstJump, 1e-8)
                .criterion("residual <= 1e-10 and the jumps v_i w_i of the canonicalised refit match the teacher's (1e-8)")
                .build();
    }

    /** Largest difference of matching jumps v·w between two canonical nets (∞ if the hyperplanes differ). */
    static double jumpDistance(AffineLift.Canonical a, AffineLift.Canonical b) {
        if (a.effectiveUnits() != b.effectiveUnits()) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (AffineLift.Unit u : a.units()) {
            double best = Double.POSITIVE_INFINITY;
            for (AffineLift.Unit v : b.units()) {
                double d = Math.abs(u.b() - v.b());
                for (int q = 0; q < u.w().length; q++) {
                    d += Math.abs(u.w()[q] - v.w()[q]);
                }
                if (d < 1e-6) {
                    double j = 0;
                    for (int q = 0; q < u.w().length; q++) {
                        j = Math.max(j, Math.abs(u.v() * u.w()[q] - v.v() * v.w()[q]));
                    }
                    best = Math.min(best, j);
                }
            }
            worst = Math.max(worst, best);
        }
        return worst;
    }

    static ExperimentResult e4(Experiment e, ExperimentContext ctx) {
        int samples = ctx.quick() ? 3000 : 20000;
        long seed = Seeds.child(ctx.seed(), "e4");
        MaxMin mx = MaxMin.maxOfZeroX1X2();
        ShallowFit.Result r1 = ShallowFit.fit(mx, ShallowFit.creases(mx, mx.domain(), seed), mx.domain(), samples, seed);
        Triangulation pyr = Triangulation.pyramid(2);
        ShallowFit.Result r2 = ShallowFit.fit(pyr, pyr.creaseLines(), Piecewise.domainBox(pyr), samples, seed);
        Construction deepMax = Lattice.build(mx.pieces(), mx.terms());
        Construction pyrNet = Lattice.pyramid();
        Construction pyrLattice = Lattice.build(pyr);
        double eMax = Piecewise.measure(mx, deepMax.net(), samples, seed)[0];
        double ePyr = Piecewise.measure(pyr, pyrNet.net(), samples, seed)[0];
        double ePyrL = Piecewise.measure(pyr, pyrLattice.net(), samples, seed)[0];
        // picture: the pyramid along x2 = 0.2, target / shallow best fit / deep net
        double[] xs = new double[401];
        double[] yt = new double[xs.length];
        double[] ys = new double[xs.length];
        double[] yd = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -2 + 4.0 * i / (xs.length - 1);
            double[] p = {xs[i], 0.2};
            yt[i] = pyr.value(p);
            ys[i] = r2.construction().net().apply(p)[0];
            yd[i] = pyrNet.net().apply(p)[0];
        }
        return ExperimentResult.builder(e, ctx)
                .param("maxCreaseLines", r1.hyperplanes()).param("pyramidCreaseLines", r2.hyperplanes()).param("samples", samples)
                .atLeast("maxOfZeroX1X2ShallowResidual", r1.residual(), 0.1)
                .atLeast("pyramidShallowResidual", r2.residual(), 0.1)
                .atMost("maxOfZeroX1X2DeepError", eMax, TOL)
                .atMost("pyramid5UnitError", ePyr, TOL)
                .atMost("pyramidLatticeError", ePyrL, TOL)
                .measure("pyramidDeepUnits", pyrNet.hiddenUnits())
                .measure("pyramidDeepLayers", pyrNet.hiddenLayers())
                .criterion("negative controls: best shallow fit on all extended crease lines leaves max residual >= 0.1 "
                        + "(reference values: 0.525, 0.534); the deep constructions are exact (<= 1e-9)")
                .note("Both shallow fits are negative controls: the functions are NOT one-hidden-layer nets (creases stop "
                        + "inside the domain), so a large residual is the expected outcome.")
                .figure(Chart.of("pyramid-shallow-vs-deep", "Pyramid along x2 = 0.2: shallow best fit vs deep (5 units)", "x1", "f")
                        .line("target", xs, yt).line("shallow (all crease lines)", xs, ys).line("deep, 5 units", xs, yd))
                .build();
    }

    static ExperimentResult e5(Experiment e, ExperimentContext ctx) {
        int[] sizes = ctx.quick() ? new int[] {6, 10} : new int[] {6, 12, 18, 24, 30};
        int points = ctx.quick() ? 20_000 : 200_000;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e5"));
        double worst = 0;
        int layerMismatch = 0;
        List<List<String>> rows = new ArrayList<>();
        int pieceMismatch = 0;
        io.nngeom.plot.Figure partitionFigure = null;
        String regionNote = "";
        int done = 0;
        for (int interior : sizes) {
            ctx.progress().update("triangulations", done++, sizes.length,
                    interior + " interior vertices, " + points + " test points");
            Triangulation f = Triangulation.randomDelaunay(interior, rng);
            Lattice.Family fam = Lattice.cellProbeFamily(f);
            Construction c = Lattice.build(fam.pieces(), fam.sets());
            if (interior == sizes[0]) {
                // the network's own linear regions: every region's affine map must be a piece of f, and every piece
                // must occur (checked with the exact planar partition of the constructed net)
                io.nngeom.regions.Partition part = new io.nngeom.regions.PlanarPartitioner().enumerate(c.net(), Box.cube(2, 0, 1));
                boolean[] seen = new boolean[fam.pieces().length];
                for (io.nngeom.regions.LinearRegion r : part.regions()) {
                    int match = -1;
                    for (int j = 0; j < fam.pieces().length && match < 0; j++) {
                        double[] g = fam.pieces()[j];
                        if (Math.abs(r.map().get(0, 0) - g[0]) + Math.abs(r.map().get(0, 1) - g[1]) + Math.abs(r.offset()[0] - g[2])
                                <= 1e-9 * (1 + Math.abs(g[0]) + Math.abs(g[1]) + Math.abs(g[2]))) {
                            match = j;
                        }
                    }
                    if (match < 0) {
                        pieceMismatch++;
                    } else {
                        seen[match] = true;
                    }
                }
                for (boolean b : seen) {
                    if (!b) {
                        pieceMismatch++;
                    }
                }
                regionNote = "The " + c.hiddenUnits() + "-unit lattice net for " + fam.pieces().length + " pieces has " + part.count()
                        + " activation regions on [0,1]^2, and each region's affine map is one of the " + fam.pieces().length + " pieces.";
                partitionFigure = io.nngeom.regions.PartitionSvg.figure("lattice-partition",
                        "Linear regions of the lattice net for a " + fam.pieces().length + "-piece triangulation", part);
            }
            double[] err = Piecewise.measure(f, c.net(), points, rng.nextLong());
            worst = Math.max(worst, err[0] / (1 + err[1]));
            int expected = Lattice.ceilLog2(fam.maxSetSize()) + Lattice.ceilLog2(fam.sets().size());
            if (expected != c.hiddenLayers()) {
                layerMismatch++;
            }
            rows.add(List.of("" + interior, "" + f.triangleCount(), "" + fam.pieces().length, "" + fam.sets().size(),
                    "" + fam.maxSetSize(), "" + c.hiddenLayers(), "" + c.hiddenUnits(), String.format("%.2e", err[0])));
        }
        // negative control: region-wise families
        int controls = ctx.quick() ? 12 : 40;
        int failures = 0;
        double worstControl = 0;
        for (int s = 0; s < controls; s++) {
            Triangulation f = Triangulation.randomDelaunay(15, Seeds.rng(Seeds.child(ctx.seed(), "e5-control-" + s)));
            Lattice.Family rw = Lattice.regionWiseFamily(f);
            Construction c = Lattice.build(rw.pieces(), rw.sets());
            double err = Piecewise.measure(f, c.net(), 5000, s)[0];
            worstControl = Math.max(worstControl, err);
            if (err > 1e-3) {
                failures++;
            }
        }
        return ExperimentResult.builder(e, ctx).param("interiorVertices", Arrays.toString(sizes)).param("points", points)
                .param("controlInstances", controls)
                .atMost("maxRelativeError", worst, TOL).atMost("hiddenLayerCountMismatches", layerMismatch, 0)
                .atMost("regionMapsNotAPieceOrPiecesMissing", pieceMismatch, 0)
                .atLeast("regionWiseControlFailures", failures, 1)
                .measure("regionWiseControlWorstError", worstControl)
                .criterion("cell-probe lattice net exact (<= 1e-9) with ceil(log2 max|S|) + ceil(log2 |F|) hidden layers; "
                        + "negative control: the one-set-per-region family fails (> 1e-3) on some instances")
                .note(regionNote)
                .figure(partitionFigure)
                .note("regionWiseControlFailures counts instances (15 interior vertices each) where the region-wise family is wrong, "
                        + "as the theory warns.")
                .table(new Table("lattice-sizes", "Lattice networks built",
                        List.of("interior", "triangles", "pieces", "|F|", "max|S|", "layers", "units", "max error"), rows))
                .build();
    }

    static ExperimentResult e6(Experiment e, ExperimentContext ctx) {
        int n = 40;
        int dIn = 3;
        int dOut = ctx.quick() ? 50 : 50;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e6"));
        double[] x = new double[n * dIn];
        double[] y = new double[n * dOut];
        for (int i = 0; i < x.length; i++) {
            x[i] = Seeds.gaussian(rng);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = Seeds.gaussian(rng);
        }
        PointSet ps = new PointSet(new Matrix(n, dIn, x), new Matrix(n, dOut, y));
        Interpolation.Result r = Interpolation.build(ps, rng.nextLong());
        double err = Piecewise.measure(ps, r.construction().net(), 0, 0)[0];
        return ExperimentResult.builder(e, ctx).param("points", n).param("inputDim", dIn).param("outputs", dOut)
                .atLeast("lowerTriangularPositiveDiagonal", r.lowerTriangular() ? 1 : 0, 1)
                .atMost("maxError", err, 1e-8)
                .atMost("hiddenUnitsMinusN", Math.abs(r.construction().hiddenUnits() - n), 0)
                .measure("conditionNumber", r.condition())
                .criterion("Phi lower triangular with positive diagonal, max error <= 1e-8, N hidden units shared by all outputs")
                .build();
    }

    static ExperimentResult e7(Experiment e, ExperimentContext ctx) {
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e7"));
        double[] pool = {-3, -2.5, -1, 0, 0.7, 1.5, 2, 3.3, 4};
        List<Pwl1d> fs = new ArrayList<>();
        int separate = 0;
        for (int o = 0; o < 5; o++) {
            List<Double> t = new ArrayList<>();
            for (double p : pool) {
                if (rng.nextDouble() < 0.5) {
                    t.add(p);
                }
            }
            if (t.isEmpty()) {
                t.add(pool[o]);
            }
            double[] ta = t.stream().mapToDouble(Double::doubleValue).toArray();
            double[] s = new double[ta.length + 1];
            for (int j = 0; j < s.length; j++) {
                s[j] = Seeds.gaussian(rng);
            }
            fs.add(new Pwl1d(ta, s, Seeds.gaussian(rng)));
            separate += ta.length + 1;
        }
        Construction c = OneDimensional.shared(fs);
        double worst = 0;
        for (int i = 0; i < 20000; i++) {
            double x = -6 + 12 * rng.nextDouble();
            double[] y = c.net().apply(new double[] {x});
            for (int o = 0; o < fs.size(); o++) {
                worst = Math.max(worst, Math.abs(y[o] - fs.get(o).at(x)) / (1 + Math.abs(fs.get(o).at(x))));
            }
        }
        int union = (int) c.details().get("unionBreakpoints");
        return ExperimentResult.builder(e, ctx).param("functions", fs.size())
                .atMost("maxRelativeError", worst, TOL)
                .atMost("unitsMinusUnionPlus1", Math.abs(c.hiddenUnits() - (union + 1)), 0)
                .atMost("sharedUnitsMinusSeparateUnits", c.hiddenUnits() - separate, -1)
                .measure("sharedUnits", c.hiddenUnits()).measure("separateUnits", separate)
                .criterion("shared net exact with |union of breakpoints| + 1 units, fewer than the separate nets' sum")
                .build();
    }

    static ExperimentResult e8(Experiment e, ExperimentContext ctx) {
        int trials = ctx.quick() ? 3 : 10;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e8"));
        double worst = 0;
        int dimMismatch = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            int n = 1 + rng.nextInt(3);
            int h = 2 + rng.nextInt(5);
            int m = n + 1 + rng.nextInt(8);
            // every hidden unit's hyperplane passes near the origin, so it is active on part of the box (a dead unit
            // would add n more invariant directions: domain-dependent redundancy, not the lift's family)
            Mlp net = Mlp.random(new int[] {n, h, 1}, Activation.RELU, rng);
            double[] hb = new double[h];
            for (int i = 0; i < h; i++) {
                hb[i] = 0.1 * Seeds.gaussian(rng);
            }
            net = net.withLayer(0, new io.nngeom.net.Layer(net.layer(0).weight(), hb, Activation.RELU));
            Box box = Box.cube(n, -1, 1);
            Construction lifted = AffineLift.lift(net, m, box, 1.0, rng.nextLong());
            Matrix xs = ShallowFit.boxSamples(box, 5000, rng.nextLong());
            Matrix a = net.apply(xs);
            Matrix b = lifted.net().apply(xs);
            double d = a.minus(b).maxAbs();
            worst = Math.max(worst, d);
            int dim = AffineLift.invariantDimension(lifted.net(), box, Math.max(60, 4 * h * m), rng.nextLong());
            if (dim != h * (m - n)) {
                dimMismatch++;
            }
            rows.add(List.of("" + n, "" + h, "" + m, "" + h * (m - n), "" + dim, String.format("%.1e", d)));
        }
        return ExperimentResult.builder(e, ctx).param("trials", trials)
                .atMost("maxFunctionChange", worst, 1e-10).atMost("familyDimensionMismatches", dimMismatch, 0)
                .criterion("the lifted net equals the original on the box (<= 1e-10); null space of W' -> values has dimension h(m-n)")
                .table(new Table("lift", "Affine lifts", List.of("n", "h", "m", "h(m-n)", "measured", "max change"), rows))
                .build();
    }

    static ExperimentResult e9(Experiment e, ExperimentContext ctx) {
        int kMax = ctx.quick() ? 8 : 12;
        int bad = 0;
        double[] ks = new double[kMax];
        double[] deepUnits = new double[kMax];
        double[] shallowUnits = new double[kMax];
        double[] pieces = new double[kMax];
        double worstDiff = 0;
        List<List<String>> rows = new ArrayList<>();
        for (int k = 1; k <= kMax; k++) {
            Construction deep = Sawtooth.deep(k);
            Construction shallow = Sawtooth.shallow(k);
            int pd = Sawtooth.countPieces(deep.net(), k);
            int ps = Sawtooth.countPieces(shallow.net(), k);
            if (pd != 1 << k || ps != 1 << k || deep.hiddenUnits() != 2 * k || shallow.hiddenUnits() != 1 << k) {
                bad++;
            }
            int g = 1 << (k + 1);
            for (int i = 0; i <= g; i++) {
                double x = (double) i / g;
                worstDiff = Math.max(worstDiff, Math.abs(deep.net().apply(new double[] {x})[0] - shallow.net().apply(new double[] {x})[0]));
            }
            ks[k - 1] = k;
            deepUnits[k - 1] = 2 * k;
            shallowUnits[k - 1] = shallow.hiddenUnits();
            pieces[k - 1] = pd;
            rows.add(List.of("" + k, "" + pd, "" + deep.hiddenUnits(), "" + shallow.hiddenUnits(),
                    String.format("%.1f", shallow.hiddenUnits() / (double) deep.hiddenUnits())));
        }
        return ExperimentResult.builder(e, ctx).param("kMax", kMax)
                .atMost("countMismatches", bad, 0).atMost("deepMinusShallowOnDyadicGrid", worstDiff, 1e-9)
                .criterion("pieces = 2^k with 2k deep units; the shallow C1 net has 2^k units and equals the deep net")
                .figure(Chart.of("sawtooth-units", "Sawtooth: units needed for 2^k pieces", "k", "hidden units")
                        .line("deep (2k)", ks, deepUnits).line("shallow (2^k)", ks, shallowUnits).withLogY())
                .table(new Table("sawtooth", "Sawtooth depth separation", List.of("k", "pieces", "deep units", "shallow units", "ratio"), rows))
                .build();
    }
}
