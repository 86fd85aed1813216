package io.nngeom.minimizers;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;

/**
 * The truncation map τ_{A,c}(z) = A⁻¹(σ(A z + c) − c) on input space (Chen and Muñoz Ewald, arXiv:2405.07098
 * and arXiv:2309.10639; digest §1.4), for an invertible cumulative weight A (Q×Q) and cumulative bias c.
 *
 * <p>Geometry: with apex p = −A⁻¹c and simplicial cone K = {v : A v ≥ 0}, τ is the identity on p + K, maps
 * p − K to the single point p, and elsewhere zeroes the negative A-coordinates of z − p (a projection onto a
 * face of the cone). The extreme rays of K are the columns of A⁻¹.
 *
 * @param a cumulative weight A, Q×Q, invertible
 * @param c cumulative bias c
 */
public record Truncation(Matrix a, double[] c) {

    public Truncation {
        if (a.rows() != a.cols() || c.length != a.rows()) {
            throw new IllegalArgumentException("a truncation needs a square A and a matching c, got "
                    + a.rows() + "x" + a.cols() + " and " + c.length);
        }
        a = a.copy();
        c = c.clone();
    }

    /** The truncation with apex p and cone normals the rows of A: c = −A p. */
    public static Truncation withApex(Matrix a, double[] apex) {
        double[] ap = a.times(apex);
        for (int i = 0; i < ap.length; i++) {
            ap[i] = -ap[i];
        }
        return new Truncation(a, ap);
    }

    public int dim() {
        return c.length;
    }

    /** Apex p = −A⁻¹ c. */
    public double[] apex() {
        double[] p = Linalg.solve(a, c);
        for (int i = 0; i < p.length; i++) {
            p[i] = -p[i];
        }
        return p;
    }

    /** Extreme rays of the cone K (columns of A⁻¹, each normalised to length 1), as rows of a Q×Q matrix. */
    public Matrix coneRays() {
        Matrix inv = Linalg.inverse(a).transpose();
        for (int i = 0; i < inv.rows(); i++) {
            double n = Linalg.norm2(inv.rowArray(i));
            for (int k = 0; k < inv.cols(); k++) {
                inv.set(i, k, inv.get(i, k) / n);
            }
        }
        return inv;
    }

    /** Pre-activation A z + c of one point. */
    public double[] preActivation(double[] z) {
        double[] s = a.times(z);
        for (int i = 0; i < s.length; i++) {
            s[i] += c[i];
        }
        return s;
    }

    /** Whether z lies in p + K (all pre-activations ≥ 0), where τ is the identity. */
    public boolean inCone(double[] z) {
        for (double v : preActivation(z)) {
            if (v < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether z lies in p − K (all pre-activations ≤ 0), which τ collapses to p. */
    public boolean inOppositeCone(double[] z) {
        for (double v : preActivation(z)) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    /** τ(z) for one point. */
    public double[] apply(double[] z) {
        double[] s = preActivation(z);
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(s[i], 0) - c[i];
        }
        return Linalg.solve(a, s);
    }

    /** τ applied to every row of Z (N×Q). */
    public Matrix apply(Matrix z) {
        int n = z.rows();
        int q = dim();
        Matrix s = Linalg.multTransB(z, a); // Z Aᵀ
        double[] d = s.data();
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < q; i++) {
                double v = d[r * q + i] + c[i];
                d[r * q + i] = Math.max(v, 0) - c[i];
            }
        }
        // rows of Z' solve A z' = s, i.e. Z' = S A⁻ᵀ
        return Linalg.solve(a, s.transpose()).transpose();
    }

    @Override
    public Matrix a() {
        return a.copy();
    }

    @Override
    public double[] c() {
        return c.clone();
    }
}
