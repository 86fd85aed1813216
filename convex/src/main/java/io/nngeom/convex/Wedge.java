package io.nngeom.convex;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import java.util.List;

/**
 * Geometric algebra of sample sets (Pilanci 2024, "From complexity to clarity", §§2–3; digest §1.2).
 *
 * <ul>
 *   <li>{@link #coordinates}: the k-blade v₁∧…∧v_k in the basis e_{i₁}∧…∧e_{i_k} (i₁ &lt; … &lt; i_k), i.e. the
 *       k×k minors of the matrix with rows vᵢ;</li>
 *   <li>{@link #cross}: the generalized cross product ×(v₁,…,v_{d−1}) = ⋆(v₁∧…∧v_{d−1}), with components the
 *       signed cofactors c_k = (−1)^k det(M without column k) for d ≤ {@link #COFACTOR_MAX_DIM}, and from a
 *       QR factorisation beyond. It satisfies M c = 0, ⟨x, c⟩ = det[x; M] and ‖c‖ = √det(M Mᵀ);</li>
 *   <li>{@link #parallelotopeVolume} √det(V Vᵀ) (Cauchy–Binet), {@link #signedVolume} det, and
 *       {@link #simplexVolume} det[p₁ − p₀; …; p_d − p₀]/d!.</li>
 * </ul>
 */
public final class Wedge {
    /** Largest dimension for which cofactors (LU determinants, O(d⁴)) are used; QR beyond. */
    public static final int COFACTOR_MAX_DIM = 8;
    /**
     * A set of d−1 vectors is near-degenerate when ‖c‖ = vol_{d−1}(v₁,…,v_{d−1}) &lt; DEGENERATE_TOL·Π‖vᵢ‖, i.e.
     * when the Hadamard ratio vol/Π‖vᵢ‖ (1 for orthogonal vectors, 0 for dependent ones) is below 1e-9; the
     * hyperplane through such samples is numerically undetermined and the column is skipped.
     */
    public static final double DEGENERATE_TOL = 1e-9;

    private Wedge() {
    }

    /** The wedge coordinates of the rows of v (k×d): all k×k minors, column subsets in lexicographic order. */
    public static double[] coordinates(Matrix v) {
        int k = v.rows();
        int d = v.cols();
        List<int[]> subsets = Combinations.all(d, k);
        double[] out = new double[subsets.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = Linalg.det(v.selectCols(subsets.get(s)));
        }
        return out;
    }

    /** Generalized cross product of the d−1 rows of m ((d−1)×d). */
    public static double[] cross(Matrix m) {
        int d = m.cols();
        if (m.rows() != d - 1) {
            throw new IllegalArgumentException("cross product needs d−1 = " + (d - 1) + " vectors, got " + m.rows());
        }
        if (d == 1) {
            return new double[] {1.0};
        }
        if (d == 2) {
            return new double[] {m.get(0, 1), -m.get(0, 0)};
        }
        if (d == 3) {
            double a0 = m.get(0, 0), a1 = m.get(0, 1), a2 = m.get(0, 2);
            double b0 = m.get(1, 0), b1 = m.get(1, 1), b2 = m.get(1, 2);
            return new double[] {a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0};
        }
        return d <= COFACTOR_MAX_DIM ? crossByCofactors(m) : crossByQr(m);
    }

    /** Cofactor expansion c_k = (−1)^k det(M with column k deleted). */
    public static double[] crossByCofactors(Matrix m) {
        int d = m.cols();
        double[] c = new double[d];
        int[] cols = new int[d - 1];
        for (int k = 0; k < d; k++) {
            int q = 0;
            for (int j = 0; j < d; j++) {
                if (j != k) {
                    cols[q++] = j;
                }
            }
            double det = Linalg.det(m.selectCols(cols));
            c[k] = (k % 2 == 0) ? det : -det;
        }
        return c;
    }

    /**
     * From a thin QR of Mᵀ: the unit normal q of span(v₁..v_{d−1}) (Gram–Schmidt of the standard basis vector
     * least explained by Q), scaled to c = det([q; M]) q, which has ‖c‖ = √det(MMᵀ) and the cofactor orientation.
     */
    public static double[] crossByQr(Matrix m) {
        int d = m.cols();
        Matrix q = Linalg.qr(m.transpose()).q();
        double best = -1;
        double[] normal = null;
        for (int k = 0; k < d; k++) {
            double[] e = new double[d];
            e[k] = 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < q.cols(); c++) {
                    double s = 0;
                    for (int i = 0; i < d; i++) {
                        s += q.get(i, c) * e[i];
                    }
                    for (int i = 0; i < d; i++) {
                        e[i] -= s * q.get(i, c);
                    }
                }
            }
            double nn = Linalg.norm2(e);
            if (nn > best) {
                best = nn;
                normal = e;
            }
        }
        for (int i = 0; i < d; i++) {
            normal[i] /= best;
        }
        double det = Linalg.det(stack(normal, m));
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = det * normal[i];
        }
        return c;
    }

    /** ‖v₁∧…∧v_k‖ = √det(V Vᵀ), the k-volume of the parallelotope spanned by the rows of v. */
    public static double parallelotopeVolume(Matrix v) {
        return Math.sqrt(Math.max(Linalg.det(Linalg.multTransB(v, v)), 0));
    }

    /** Signed d-volume det[v₁; …; v_d] of the parallelotope spanned by the d rows of a square matrix. */
    public static double signedVolume(Matrix v) {
        return Linalg.det(v);
    }

    /** Signed volume of the simplex with vertices the d+1 rows of p ((d+1)×d): det[p₁ − p₀; …]/d!. */
    public static double simplexVolume(Matrix p) {
        int d = p.cols();
        if (p.rows() != d + 1) {
            throw new IllegalArgumentException("a d-simplex needs d+1 = " + (d + 1) + " vertices, got " + p.rows());
        }
        Matrix e = Matrix.zeros(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                e.set(i, j, p.get(i + 1, j) - p.get(0, j));
            }
        }
        double f = 1;
        for (int k = 2; k <= d; k++) {
            f *= k;
        }
        return Linalg.det(e) / f;
    }

    /**
     * Whether the rows of m are near-degenerate: ‖cross(m)‖ &lt; {@link #DEGENERATE_TOL}·Π‖vᵢ‖ (see there).
     * Zero rows count as degenerate.
     */
    public static boolean isDegenerate(Matrix m, double[] cross) {
        double prod = 1;
        for (int i = 0; i < m.rows(); i++) {
            prod *= Linalg.norm2(m.rowArray(i));
        }
        return prod == 0 || Linalg.norm2(cross) < DEGENERATE_TOL * prod;
    }

    static Matrix stack(double[] first, Matrix m) {
        int d = m.cols();
        Matrix s = Matrix.zeros(m.rows() + 1, d);
        for (int j = 0; j < d; j++) {
            s.set(0, j, first[j]);
        }
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < d; j++) {
                s.set(i + 1, j, m.get(i, j));
            }
        }
        return s;
    }
}
