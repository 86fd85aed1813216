package io.nngeom.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConstructionsTest {

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

    @Test
    void c1IsExactWithOneUnitPerPiece() {
        SplittableRandom rng = Seeds.rng(1);
        for (int rep = 0; rep < 5; rep++) {
            Pwl1d f = randomPwl(1 + rng.nextInt(50), rng);
            Construction c = OneDimensional.build(f);
            assertThat(c.hiddenUnits()).isEqualTo(f.k() + 1);
            assertThat(c.hiddenLayers()).isEqualTo(1);
            double[] err = Piecewise.measure(f, c.net(), 5000, 7);
            assertThat(err[0]).isLessThanOrEqualTo(1e-9 * (1 + err[1]));
        }
    }

    @Test
    void c1IsExactInRationalArithmetic() {
        SplittableRandom rng = Seeds.rng(21);
        Pwl1d f = randomPwl(17, rng);
        double[] xs = new double[300];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i < 17 ? f.t(i) : -7 + 14 * rng.nextDouble();
        }
        assertThat(RationalCheck.mismatches(f, xs)).isZero();
        // a wrong network (one jump perturbed) is caught
        double[] s = f.slopes();
        s[5] += 1e-12;
        Pwl1d g = new Pwl1d(f.breakpoints(), s, f.value());
        int bad = 0;
        for (double x : xs) {
            bad += RationalCheck.c1Network(g, x).compareTo(RationalCheck.spec(f, x)) != 0 ? 1 : 0;
        }
        assertThat(bad).isPositive();
    }

    @Test
    void c1MinimalExistsIffASubsetOfJumpsSumsToMinusS0() {
        // jumps Δ = (1, −2, 0.5, 3); s0 = −(Δ2 + Δ4) = −1 → exists with ε = −1 on units 2 and 4
        double[] t = {-1, 0, 1, 2};
        double s0 = -1;
        double[] d = {1, -2, 0.5, 3};
        double[] s = new double[5];
        s[0] = s0;
        for (int j = 0; j < 4; j++) {
            s[j + 1] = s[j] + d[j];
        }
        Pwl1d f = new Pwl1d(t, s, 0.7);
        OneDimensional.Minimal m = OneDimensional.minimal(f);
        assertThat(m.exists()).isTrue();
        assertThat(m.construction().hiddenUnits()).isEqualTo(4);
        double[] err = Piecewise.measure(f, m.construction().net(), 5000, 3);
        assertThat(err[0]).isLessThan(1e-12);
        // sawtooth: jumps ±2^{k+1}, −s0 = −2^k: no subset
        OneDimensional.Minimal saw = OneDimensional.minimal(Sawtooth.spec(3));
        assertThat(saw.exists()).isFalse();
        assertThat(saw.decided()).isTrue();
        assertThat(saw.construction().hiddenUnits()).isEqualTo(8);
    }

    @Test
    void c4SharedHiddenLayerUsesTheUnionOfBreakpoints() {
        SplittableRandom rng = Seeds.rng(4);
        double[] pool = {-3, -2, -1, 0, 1, 2, 3, 4};
        List<Pwl1d> fs = new ArrayList<>();
        int separate = 0;
        for (int o = 0; o < 5; o++) {
            List<Double> t = new ArrayList<>();
            for (double p : pool) {
                if (rng.nextDouble() < 0.5) {
                    t.add(p);
                }
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
        int union = (int) c.details().get("unionBreakpoints");
        assertThat(c.hiddenUnits()).isEqualTo(union + 1).isLessThan(separate);
        for (int i = 0; i < 2000; i++) {
            double x = -6 + 12 * rng.nextDouble();
            double[] y = c.net().apply(new double[] {x});
            for (int o = 0; o < 5; o++) {
                assertThat(Math.abs(y[o] - fs.get(o).at(x))).isLessThan(1e-10);
            }
        }
    }

    @Test
    void c2RefitsARandomTeacherExactly() {
        SplittableRandom rng = Seeds.rng(5);
        Mlp teacher = Mlp.random(new int[] {2, 6, 1}, Activation.RELU, rng);
        List<double[]> hp = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hp.add(new double[] {teacher.layer(0).w(i, 0), teacher.layer(0).w(i, 1), teacher.layer(0).b(i)});
        }
        Box box = Box.cube(2, -2, 2);
        MaxMin dom = new MaxMin(new double[][] {{0, 0, 0}}, List.of(new int[] {0}), box);
        ShallowFit.Result r = ShallowFit.fit(teacher, hp, box, 2000, 9);
        assertThat(r.residual()).isLessThan(1e-10);
        assertThat(r.representable()).isTrue();
        assertThat(dom.inputDim()).isEqualTo(2);
    }

    @Test
    void interferenceNegativeControlsAreNotShallowRepresentableButDeepIsExact() {
        ShallowFit.Result r1 = ShallowFit.fit(MaxMin.maxOfZeroX1X2(), ShallowFit.creases(MaxMin.maxOfZeroX1X2(), Box.cube(2, -3, 3), 1),
                Box.cube(2, -3, 3), 4000, 2);
        assertThat(r1.hyperplanes()).isEqualTo(3);
        assertThat(r1.residual()).isGreaterThan(0.1);
        assertThat(r1.representable()).isFalse();
        Triangulation pyr = Triangulation.pyramid(2);
        ShallowFit.Result r2 = ShallowFit.fit(pyr, pyr.creaseLines(), Piecewise.domainBox(pyr), 4000, 2);
        assertThat(r2.hyperplanes()).isEqualTo(6);
        assertThat(r2.residual()).isGreaterThan(0.1);
        Construction p = Lattice.pyramid();
        assertThat(p.hiddenUnits()).isEqualTo(5);
        assertThat(p.hiddenLayers()).isEqualTo(2);
        assertThat(Piecewise.measure(pyr, p.net(), 5000, 1)[0]).isLessThan(1e-12);
        Construction deep = Lattice.build(MaxMin.maxOfZeroX1X2().pieces(), MaxMin.maxOfZeroX1X2().terms());
        assertThat(Piecewise.measure(MaxMin.maxOfZeroX1X2(), deep.net(), 5000, 1)[0]).isLessThan(1e-12);
    }

    @Test
    void c5LatticeIsExactOnRandomDelaunayFunctions() {
        for (int seed = 0; seed < 3; seed++) {
            Triangulation f = Triangulation.randomDelaunay(6 + 4 * seed, Seeds.rng(seed));
            Lattice.Family fam = Lattice.cellProbeFamily(f);
            Construction c = Lattice.build(fam.pieces(), fam.sets());
            assertThat(c.hiddenLayers()).isEqualTo(Lattice.ceilLog2(fam.maxSetSize()) + Lattice.ceilLog2(fam.sets().size()));
            double[] err = Piecewise.measure(f, c.net(), 5000, 11);
            assertThat(err[0]).isLessThanOrEqualTo(1e-9 * (1 + err[1]));
        }
    }

    @Test
    void c3InterpolationIsExactWithATriangularActivationMatrix() {
        SplittableRandom rng = Seeds.rng(6);
        double[] x = new double[40 * 3];
        double[] y = new double[40 * 50];
        for (int i = 0; i < x.length; i++) {
            x[i] = Seeds.gaussian(rng);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = Seeds.gaussian(rng);
        }
        PointSet ps = new PointSet(new Matrix(40, 3, x), new Matrix(40, 50, y));
        Interpolation.Result r = Interpolation.build(ps, 3);
        assertThat(r.lowerTriangular()).isTrue();
        assertThat(r.construction().hiddenUnits()).isEqualTo(40);
        assertThat(Piecewise.measure(ps, r.construction().net(), 0, 0)[0]).isLessThan(1e-8);
    }

    @Test
    void c6LiftKeepsTheFunctionAndHasTheFamilyDimension() {
        Mlp net = Mlp.random(new int[] {3, 5, 1}, Activation.RELU, Seeds.rng(7));
        Box box = Box.cube(3, -1, 1);
        Construction lifted = AffineLift.lift(net, 12, box, 1.0, 8);
        assertThat(lifted.hiddenLayers()).isEqualTo(2);
        SplittableRandom rng = Seeds.rng(9);
        for (int i = 0; i < 500; i++) {
            double[] x = {2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1};
            assertThat(Math.abs(lifted.net().apply(x)[0] - net.apply(x)[0])).isLessThan(1e-10);
        }
        assertThat(AffineLift.invariantDimension(lifted.net(), box, 200, 10)).isEqualTo(5 * (12 - 3));
    }

    @Test
    void canonicalisationRemovesRedundantUnits() {
        // f with 3 breakpoints, written with a split unit, an opposite unit, a dead unit and an always-active unit
        double[][] w = {{1}, {2}, {1}, {-1}, {1}, {1}, {3}};
        double[] b = {-0.5, -1, 0.2, -0.2, -5, 3, 0.3};
        double[][] v = {{1, 0.5, -2, 0.7, 4, 1.5, 1}};
        Mlp net = Nets.shallow(w, b, v, new double[] {0.1});
        Box box = Box.cube(1, -2, 2);
        AffineLift.Canonical c = AffineLift.canonicalize(net, box);
        // hyperplanes in box: x = 0.5 (units 0,1 merge), x = −0.2 (units 2,3 opposite merge), x = −0.1 (unit 6)
        assertThat(c.effectiveUnits()).isEqualTo(3);
        for (double x = -2; x <= 2; x += 0.001) {
            assertThat(Math.abs(c.construction().net().apply(new double[] {x})[0] - net.apply(new double[] {x})[0])).isLessThan(1e-12);
        }
    }

    @Test
    void c7SawtoothCounts() {
        for (int k = 1; k <= 8; k++) {
            Construction deep = Sawtooth.deep(k);
            Construction shallow = Sawtooth.shallow(k);
            assertThat(deep.hiddenUnits()).isEqualTo(2 * k);
            assertThat(deep.hiddenLayers()).isEqualTo(k);
            assertThat(shallow.hiddenUnits()).isEqualTo(1 << k);
            assertThat(Sawtooth.countPieces(deep.net(), k)).isEqualTo(1 << k);
            assertThat(Sawtooth.countPieces(shallow.net(), k)).isEqualTo(1 << k);
        }
    }
}
