package io.nngeom.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nngeom.run.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Linalg against closed forms and algebraic identities (not against itself). */
class LinalgTest {
    /** Entrywise tolerance for well-conditioned random matrices of size ≤ 8: 1e3 · ε_machine · n. */
    private static final double TOL = 1e-12;

    static Matrix random(int m, int n, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        Matrix a = Matrix.zeros(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a.set(i, j, Seeds.gaussian(rng));
            }
        }
        return a;
    }

    static void assertClose(Matrix a, Matrix b, double tol) {
        assertThat(a.rows()).isEqualTo(b.rows());
        assertThat(a.cols()).isEqualTo(b.cols());
        assertThat(a.minus(b).maxAbs()).isLessThanOrEqualTo(tol);
    }

    @Test
    void determinantOfTwoByTwoIsAdMinusBc() {
        assertThat(Linalg.det(Matrix.of(new double[]{3, 1}, new double[]{4, 2}))).isCloseTo(2.0, within(1e-14));
    }

    @Test
    void determinantOfTriangularIsProductOfDiagonal() {
        Matrix t = Matrix.of(new double[]{2, 5, -1}, new double[]{0, -3, 7}, new double[]{0, 0, 0.5});
        assertThat(Linalg.det(t)).isCloseTo(-3.0, within(1e-13));
    }

    @Test
    void multMatchesHandComputedProduct() {
        Matrix a = Matrix.of(new double[]{1, 2}, new double[]{3, 4}, new double[]{5, 6});
        Matrix b = Matrix.of(new double[]{7, 8, 9}, new double[]{10, 11, 12});
        Matrix c = Linalg.mult(a, b);
        assertThat(c).isEqualTo(Matrix.of(new double[]{27, 30, 33}, new double[]{61, 68, 75}, new double[]{95, 106, 117}));
        assertThat(Linalg.multTransA(a, a)).isEqualTo(Linalg.mult(a.transpose(), a));
        assertThat(Linalg.multTransB(a, a)).isEqualTo(Linalg.mult(a, a.transpose()));
        assertThatThrownBy(() -> Linalg.mult(a, a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void solveRecoversKnownSolution() {
        Matrix a = random(6, 6, 1);
        double[] x = {1, -2, 3, 0.5, -0.25, 4};
        double[] b = a.times(x);
        double[] got = Linalg.solve(a, b);
        for (int i = 0; i < x.length; i++) {
            assertThat(got[i]).isCloseTo(x[i], within(1e-10));
        }
        assertThatThrownBy(() -> Linalg.solve(Matrix.of(new double[]{1, 2}, new double[]{2, 4}), new double[]{1, 1}))
                .isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @CsvSource({"5,3", "3,5", "4,4", "1,6", "6,1"})
    void svdReconstructsAndIsOrthonormal(int m, int n) {
        Matrix a = random(m, n, 10L * m + n);
        Linalg.Svd d = Linalg.svd(a);
        int k = Math.min(m, n);
        Matrix recon = d.u().times(Matrix.diag(d.s())).times(d.v().transpose());
        assertClose(recon, a, TOL);
        assertClose(d.u().transpose().times(d.u()), Matrix.identity(k), TOL);
        assertClose(d.v().transpose().times(d.v()), Matrix.identity(k), TOL);
        for (int i = 1; i < k; i++) {
            assertThat(d.s()[i]).isLessThanOrEqualTo(d.s()[i - 1]);
        }
        // ‖A‖_F² = Σ σ²
        double ss = 0;
        for (double s : d.s()) {
            ss += s * s;
        }
        assertThat(Math.sqrt(ss)).isCloseTo(a.normF(), within(TOL));
    }

    @Test
    void singularValuesOfDiagonalAreAbsoluteDiagonalSorted() {
        double[] s = Linalg.singularValues(Matrix.diag(-3, 1, 2));
        assertThat(s).containsExactly(new double[]{3, 2, 1}, within(1e-14));
    }

    @Test
    void rankAndNullSpaceOfRankDeficientMatrix() {
        Matrix b = random(5, 2, 3);
        Matrix c = random(2, 4, 4);
        Matrix a = b.times(c); // 5x4 of rank 2
        assertThat(Linalg.rank(a)).isEqualTo(2);
        Matrix ns = Linalg.nullSpace(a);
        assertThat(ns.cols()).isEqualTo(2);
        assertThat(a.times(ns).maxAbs()).isLessThan(1e-12);
        assertClose(ns.transpose().times(ns), Matrix.identity(2), TOL);
        assertThat(Linalg.rank(Matrix.zeros(3, 3))).isZero();
    }

    @Test
    void pinvSatisfiesPenroseConditions() {
        Matrix a = random(5, 2, 7).times(random(2, 4, 8)); // rank deficient
        Matrix p = Linalg.pinv(a);
        assertClose(a.times(p).times(a), a, 1e-11);
        assertClose(p.times(a).times(p), p, 1e-11);
        Matrix ap = a.times(p);
        Matrix pa = p.times(a);
        assertClose(ap, ap.transpose(), 1e-11);
        assertClose(pa, pa.transpose(), 1e-11);
    }

    @Test
    void lstsqMatchesNormalEquations() {
        Matrix a = random(8, 3, 11);
        double[] b = random(8, 1, 12).data();
        double[] x = Linalg.lstsq(a, b);
        double[] viaNormal = Linalg.solve(a.transpose().times(a), a.transpose().times(b));
        for (int i = 0; i < 3; i++) {
            assertThat(x[i]).isCloseTo(viaNormal[i], within(1e-10));
        }
    }

    @Test
    void eigSymDiagonalisesSymmetricMatrix() {
        Matrix r = random(5, 5, 13);
        Matrix s = r.plus(r.transpose());
        Linalg.EigSym e = Linalg.eigSym(s);
        Matrix v = e.vectors();
        assertClose(v.times(Matrix.diag(e.values())).times(v.transpose()), s, 1e-11);
        assertClose(v.transpose().times(v), Matrix.identity(5), 1e-12);
        for (int i = 1; i < 5; i++) {
            assertThat(e.values()[i]).isGreaterThanOrEqualTo(e.values()[i - 1]);
        }
        // trace = sum of eigenvalues
        double tr = 0;
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            tr += s.get(i, i);
            sum += e.values()[i];
        }
        assertThat(sum).isCloseTo(tr, within(1e-12));
    }

    @Test
    void qrIsOrthonormalTimesUpperTriangular() {
        Matrix a = random(6, 3, 17);
        Linalg.Qr qr = Linalg.qr(a);
        assertClose(qr.q().times(qr.r()), a, TOL);
        assertClose(qr.q().transpose().times(qr.q()), Matrix.identity(3), TOL);
        for (int i = 0; i < qr.r().rows(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(qr.r().get(i, j)).isEqualTo(0.0);
            }
        }
    }

    @Test
    void determinantIsMultiplicativeAndInverseInverts() {
        Matrix a = random(4, 4, 21);
        Matrix b = random(4, 4, 22);
        assertThat(Linalg.det(a.times(b))).isCloseTo(Linalg.det(a) * Linalg.det(b), within(1e-10));
        assertClose(a.times(Linalg.inverse(a)), Matrix.identity(4), 1e-11);
    }
}
