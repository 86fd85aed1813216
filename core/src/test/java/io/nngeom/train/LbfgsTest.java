package io.nngeom.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.run.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Rosenbrock f = (1 − x)² + 100(y − x²)², minimiser (1, 1). */
    static final DiffFunction ROSENBROCK = new DiffFunction() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            double x = p[0];
            double y = p[1];
            double a = 1 - x;
            double b = y - x * x;
            g[0] = -2 * a - 400 * x * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }
    };

    @Test
    void rosenbrockToGradientNorm1e10() {
        OptimResult r = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, LbfgsOptions.defaults());
        assertThat(r.converged()).isTrue();
        assertThat(r.gradNorm()).isLessThanOrEqualTo(1e-10);
        assertThat(r.x()[0]).isCloseTo(1.0, within(1e-9));
        assertThat(r.x()[1]).isCloseTo(1.0, within(1e-9));
        assertThat(r.iterations()).isLessThan(200);
        assertThat(r.history()).hasSize(r.iterations() + 1);
        // monotone decrease up to rounding
        for (int k = 1; k < r.history().length; k++) {
            assertThat(r.history()[k]).isLessThanOrEqualTo(r.history()[k - 1] + 1e-12);
        }
    }

    @Test
    void quadraticReachesKnownMinimiser() {
        int n = 30;
        SplittableRandom rng = Seeds.rng(8);
        double[] m = new double[n * n];
        for (int k = 0; k < m.length; k++) {
            m[k] = Seeds.gaussian(rng);
        }
        Matrix b = new Matrix(n, n, m);
        Matrix a = b.transpose().times(b).plus(Matrix.identity(n).scale(0.5)); // SPD
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = Seeds.gaussian(rng);
        }
        DiffFunction f = new DiffFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double[] ax = a.times(x);
                double v = 0;
                for (int i = 0; i < n; i++) {
                    g[i] = ax[i] - c[i];
                    v += 0.5 * x[i] * ax[i] - c[i] * x[i];
                }
                return v;
            }
        };
        OptimResult r = Lbfgs.minimize(f, new double[n], LbfgsOptions.defaults().withMaxIterations(5000));
        double[] xStar = Linalg.solve(a, Matrix.column(c)).colArray(0);
        assertThat(r.converged()).isTrue();
        assertThat(r.gradNorm()).isLessThanOrEqualTo(1e-10);
        double err = 0;
        double nx = 0;
        for (int i = 0; i < n; i++) {
            err = Math.max(err, Math.abs(r.x()[i] - xStar[i]));
            nx = Math.max(nx, Math.abs(xStar[i]));
        }
        // ‖x − x*‖ ≤ ‖A⁻¹‖·‖∇f‖ ≤ 2·1e-10; allow the solve's own rounding
        assertThat(err).isLessThanOrEqualTo(1e-8 * Math.max(1, nx));
    }

    @Test
    void stopsAtIterationLimitAndReportsNotConverged() {
        OptimResult r = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, LbfgsOptions.defaults().withMaxIterations(3));
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.converged()).isFalse();
        assertThat(r.value()).isLessThan(24.2);
    }

    @Test
    void cubicInterpolationFindsQuadraticMinimum() {
        // φ(a) = (a − 2)²: φ(0) = 4, φ'(0) = −4, φ(3) = 1, φ'(3) = 2
        assertThat(Lbfgs.cubicMin(0, 4, -4, 3, 1, 2)).isCloseTo(2.0, within(1e-12));
    }
}
