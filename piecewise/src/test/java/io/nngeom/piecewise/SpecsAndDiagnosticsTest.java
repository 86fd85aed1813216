package io.nngeom.piecewise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.run.InputException;
import io.nngeom.run.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecsAndDiagnosticsTest {

    @Test
    void pwl1dEvaluatesFromBreakpointsAndSlopes() {
        Pwl1d f = new Pwl1d(new double[] {0, 1}, new double[] {-1, 2, 0}, 3);
        assertThat(f.at(-2)).isEqualTo(5);
        assertThat(f.at(0.5)).isEqualTo(4);
        assertThat(f.at(1)).isEqualTo(5);
        assertThat(f.at(7)).isEqualTo(5);
        assertThatThrownBy(() -> new Pwl1d(new double[] {1, 0}, new double[] {0, 0, 0}, 0)).hasMessageContaining("increase");
    }

    @Test
    void triangulationInterpolatesVertexValuesAndFindsCreases() {
        Triangulation p = Triangulation.pyramid(2);
        assertThat(p.value(new double[] {0, 0})).isEqualTo(1);
        assertThat(p.value(new double[] {0.25, 0.25})).isCloseTo(0.5, within(1e-15));
        assertThat(p.value(new double[] {1.5, -1.5})).isEqualTo(0);
        assertThat(p.value(new double[] {3, 0})).isNaN();
        assertThat(p.isConvexDomain()).isTrue();
        assertThat(p.area()).isCloseTo(16, within(1e-12));
        assertThat(p.creaseLines()).hasSize(6);
    }

    @Test
    void jsonRoundTripAndErrors(@TempDir Path dir) throws Exception {
        Triangulation t = Triangulation.randomDelaunay(5, Seeds.rng(1));
        PwlSpec back = SpecIo.parse(SpecIo.toJson(t));
        assertThat(back).isInstanceOf(Triangulation.class);
        assertThat(back.value(new double[] {0.3, 0.4})).isEqualTo(t.value(new double[] {0.3, 0.4}));
        MaxMin m = MaxMin.pyramid();
        assertThat(SpecIo.parse(SpecIo.toJson(m)).value(new double[] {0.1, 0.2})).isEqualTo(m.value(new double[] {0.1, 0.2}));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"type\": \"pwl1d\", \"breakpoints\": [0, 1], \"slopes\": [1, 2], \"value\": 0}");
        assertThatThrownBy(() -> SpecIo.read(bad)).isInstanceOf(InputException.class).hasMessageContaining("bad.json")
                .hasMessageContaining("slopes");
        Files.writeString(bad, "{\"type\": \"circle\"}");
        assertThatThrownBy(() -> SpecIo.read(bad)).isInstanceOf(InputException.class).hasMessageContaining("circle");
        Files.writeString(bad, "not json");
        assertThatThrownBy(() -> SpecIo.read(bad)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> SpecIo.read(dir.resolve("missing.json"))).isInstanceOf(InputException.class);
    }

    @Test
    void frontDoorBuildsDeepExactAndReportsShallowNonRepresentability() {
        Triangulation t = Triangulation.randomDelaunay(8, Seeds.rng(2));
        Piecewise.BuildResult deep = Piecewise.build(t, new Piecewise.BuildOptions(Piecewise.Depth.DEEP, 20000, 1));
        assertThat(deep.maxError()).isLessThan(1e-9);
        assertThat(deep.hiddenLayers()).isGreaterThan(1);
        Piecewise.BuildResult shallow = Piecewise.build(t, new Piecewise.BuildOptions(Piecewise.Depth.SHALLOW, 20000, 1));
        assertThat(shallow.representable()).isFalse();
        assertThat(shallow.residual()).isGreaterThan(1e-3);
        assertThat(shallow.hiddenLayers()).isEqualTo(1);
    }

    @Test
    void shallowBuildSaysRepresentableWhenTheCreaseRunsAcrossTheDomain() {
        // f = |x − 0.5| + 0.3 y on [0,1]²: one crease line x = 0.5 crossing the whole square
        double[][] v = {{0, 0}, {0.5, 0}, {1, 0}, {0, 1}, {0.5, 1}, {1, 1}};
        double[] val = new double[6];
        for (int i = 0; i < 6; i++) {
            val[i] = Math.abs(v[i][0] - 0.5) + 0.3 * v[i][1];
        }
        Triangulation t = new Triangulation(v, new int[][] {{0, 1, 4}, {0, 4, 3}, {1, 2, 5}, {1, 5, 4}}, val);
        assertThat(t.creaseLines()).hasSize(1);
        Piecewise.BuildResult r = Piecewise.build(t, new Piecewise.BuildOptions(Piecewise.Depth.SHALLOW, 5000, 1));
        assertThat(r.representable()).isTrue();
        assertThat(r.residual()).isLessThan(1e-12);
        assertThat(r.hiddenUnits()).isEqualTo(2);
        assertThat(r.maxError()).isLessThan(1e-12);
    }

    @Test
    void distinguishabilityFindsCollisionsThatForceEqualOutputs() {
        Mlp net = Mlp.random(new int[] {2, 3, 2, 1}, Activation.RELU, Seeds.rng(3));
        var rng = Seeds.rng(4);
        int n = 300;
        double[] x = new double[2 * n];
        int[] lab = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 4 * rng.nextDouble() - 2;
            x[2 * i + 1] = 4 * rng.nextDouble() - 2;
            lab[i] = x[2 * i] > 0 ? 1 : 0;
        }
        Matrix xs = new Matrix(n, 2, x);
        List<Distinguishability.LayerReport> rep = Distinguishability.analyse(net, xs, lab, true);
        assertThat(rep.get(0).collisions()).isZero();
        assertThat(rep.get(0).linearlySeparable()).isTrue();
        // collisions never decrease with depth
        for (int l = 1; l < rep.size(); l++) {
            assertThat(rep.get(l).collisions()).isGreaterThanOrEqualTo(rep.get(l - 1).collisions());
        }
    }

    @Test
    void generalizedAffineMapMatchesTheNetwork() {
        Mlp net = Mlp.random(new int[] {3, 6, 5, 2}, Activation.RELU, Seeds.rng(5));
        double[] x = {0.2, -0.4, 0.9};
        var maps = GeneralizedAffine.at(net, x);
        var last = maps.get(maps.size() - 1);
        double[] y = last.a().times(x);
        double[] f = net.apply(x);
        for (int o = 0; o < 2; o++) {
            assertThat(y[o] + last.b()[o]).isCloseTo(f[o], within(1e-12));
        }
    }

    @Test
    void rankModelsExactValues() {
        assertThat(RankModels.exactSingular(2, -1, 1)).isEqualTo(0.5);
        assertThat(RankModels.exactSingular(3, -1, 1)).isEqualTo(5.0 / 8);
        assertThat(RankModels.exactSingular(3, 0, 1)).isEqualTo(338.0 / 512);
        assertThat(RankModels.exactSingular(2, 0, 1)).isEqualTo(10.0 / 16);
        assertThat(RankModels.binomialTail(4, 2)).isEqualTo(0.6875);
        assertThat(RankModels.gf2FullRank(3)).isCloseTo(0.5 * 0.75 * 0.875, within(1e-15));
        assertThat(RankModels.mcGaussianFullRank(5, 3, 200, 1)).isEqualTo(1.0);
    }

    @Test
    void boxIsUsedForMaxMinDomain() {
        assertThat(MaxMin.pyramid().domain()).isEqualTo(Box.cube(2, -2, 2));
    }
}
