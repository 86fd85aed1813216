package io.nngeom.regions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nngeom.net.Activation;
import io.nngeom.net.Mlp;
import io.nngeom.optim.LinearProgram;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dedicated Chebyshev-ball simplex against Hipparchus' general simplex (the slow path). */
class ChebyshevLpTest {

    /** Random cells around a ball B(c, R) in [−1, 1]^n: unit-normal rows g·u ≤ g·c + R + gap, plus a cutting row. */
    @ParameterizedTest(name = "n = {0}")
    @CsvSource({"1", "2", "3", "4", "6", "9"})
    void sameRadiusAsHipparchusOnRandomCells(int n) {
        SplittableRandom rng = Seeds.rng(40 + n);
        int feasible = 0;
        for (int trial = 0; trial < 300; trial++) {
            double[] c = new double[n];
            for (int q = 0; q < n; q++) {
                c[q] = 0.6 * (2 * rng.nextDouble() - 1);
            }
            double radius = 0.05 + 0.3 * rng.nextDouble();
            List<double[]> rows = new ArrayList<>();
            int k = rng.nextInt(3 * n + 1);
            for (int i = 0; i <= k; i++) {
                rows.add(row(unit(n, rng), c, radius * (1 + rng.nextDouble())));
            }
            // the cut: a hyperplane through the ball (offset in [−R, R]), either side
            double[] extra = row(unit(n, rng), c, radius * (2 * rng.nextDouble() - 1));
            double[] fast = new ChebyshevLp(n).solve(rows, extra, c);
            double[] slow = hipparchus(rows, extra, n);
            assertThat(fast).as("trial %d", trial).isNotNull();
            if (slow == null) {
                assertThat(fast[n]).as("trial %d: Hipparchus found it infeasible (r < −1)", trial).isLessThan(-1 + 1e-9);
                continue;
            }
            feasible++;
            assertThat(Math.abs(fast[n] - slow[n])).as("trial %d radius", trial).isLessThan(1e-9);
            // the fast centre satisfies every row with its radius
            for (double[] g : all(rows, extra, n)) {
                double v = fast[n];
                for (int q = 0; q < n; q++) {
                    v += g[q] * fast[q];
                }
                assertThat(v).isLessThanOrEqualTo(g[n] + 1e-9);
            }
        }
        assertThat(feasible).isGreaterThan(200);
    }

    @Test
    void sameRegionsAsTheSlowPathInThreeAndFourDimensionsAndOnOneAndTwoThreads() {
        int[][] archs = {{3, 10, 10, 1}, {4, 8, 8, 2}, {3, 12, 1}, {5, 6, 6, 6, 1}};
        for (int s = 0; s < archs.length; s++) {
            Mlp net = Mlp.random(archs[s], s % 2 == 0 ? Activation.RELU : Activation.leakyRelu(0.1), Seeds.rng(60 + s));
            Box box = Box.cube(archs[s][0], -1.5, 1.5);
            PatternSearchEnumerator dedicated = new PatternSearchEnumerator();
            Partition fast = dedicated.enumerate(net, box);
            assertThat(dedicated.lastFallbackCount()).isZero();
            Partition slow = new PatternSearchEnumerator(false, 1).enumerate(net, box);
            Partition oneThread = new PatternSearchEnumerator(true, 1).enumerate(net, box);
            Partition twoThreads = new PatternSearchEnumerator(true, 2).enumerate(net, box);
            assertThat(twoThreads.count()).isEqualTo(oneThread.count());
            for (int k = 0; k < oneThread.count(); k++) {
                LinearRegion a = oneThread.regions().get(k);
                LinearRegion b = twoThreads.regions().get(k);
                assertThat(b.pattern()).containsExactly(a.pattern());
                assertThat(b.interior()).containsExactly(a.interior());
                assertThat(b.radius()).isEqualTo(a.radius());
                assertThat(b.map().data()).containsExactly(a.map().data());
            }
            assertThat(fast.patternKeys()).containsExactlyInAnyOrderElementsOf(slow.patternKeys());
            assertThat(fast.count()).isGreaterThan(10);
            assertThat(fast.lpCount()).isPositive();
            PwlNet p = PwlNet.of(net);
            for (LinearRegion r : fast.regions()) {
                // the witness lies in its region: its activation pattern is the region's
                assertThat(p.pattern(r.interior())).containsExactly(r.pattern());
                assertThat(r.radius()).isPositive();
            }
        }
    }

    static double[] unit(int n, SplittableRandom rng) {
        double[] g = new double[n];
        double s = 0;
        for (int q = 0; q < n; q++) {
            g[q] = Seeds.gaussian(rng);
            s += g[q] * g[q];
        }
        s = Math.sqrt(s);
        for (int q = 0; q < n; q++) {
            g[q] /= s;
        }
        return g;
    }

    /** The row g·u ≤ g·c + offset (n+1 entries). */
    static double[] row(double[] g, double[] c, double offset) {
        double[] r = Arrays.copyOf(g, g.length + 1);
        double gc = 0;
        for (int q = 0; q < g.length; q++) {
            gc += g[q] * c[q];
        }
        r[g.length] = gc + offset;
        return r;
    }

    static List<double[]> all(List<double[]> rows, double[] extra, int n) {
        List<double[]> a = new ArrayList<>(rows);
        a.add(extra);
        for (int q = 0; q < n; q++) {
            for (int s = -1; s <= 1; s += 2) {
                double[] b = new double[n + 1];
                b[q] = s;
                b[n] = 1;
                a.add(b);
            }
        }
        return a;
    }

    static double[] hipparchus(List<double[]> rows, double[] extra, int n) {
        LinearProgram lp = new LinearProgram(n + 1);
        double[] obj = new double[n + 1];
        obj[n] = 1;
        lp.maximize(obj);
        for (double[] g : all(rows, extra, n)) {
            double[] a = Arrays.copyOf(g, n + 1);
            a[n] = 1;
            lp.lessEq(a, g[n]);
        }
        lp.bound(n, -1, 2);
        LinearProgram.Result r = lp.solve();
        return r.optimal() ? r.x() : null;
    }
}
