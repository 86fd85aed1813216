package io.nngeom.piecewise;

import io.nngeom.regions.Box;

import java.util.ArrayList;
import java.util.List;

/**
 * A max–min (lattice) expression of affine pieces: f(x) = max over terms S of min over j ∈ S of g_j(x), with
 * g_j(x) = a_j·x + c_j (Tarela and Martínez 1999; Ovchinnikov 2002: every continuous PL function on a convex
 * domain has this form). A plain max of pieces has singleton terms; a plain min has one term.
 *
 * @param pieces rows (a_1..a_n, c)
 * @param terms index sets S (non-empty)
 * @param domain the box on which the function is meant (used for tests and shallow fits)
 */
public record MaxMin(double[][] pieces, List<int[]> terms, Box domain) implements PwlSpec {

    public MaxMin {
        if (pieces.length == 0 || terms.isEmpty()) {
            throw new IllegalArgumentException("a max-min expression needs at least one piece and one term");
        }
        int n = pieces[0].length - 1;
        if (n < 1) {
            throw new IllegalArgumentException("pieces need at least one coefficient and a constant");
        }
        for (double[] p : pieces) {
            if (p.length != n + 1) {
                throw new IllegalArgumentException("all pieces need " + (n + 1) + " numbers");
            }
            for (double v : p) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("piece coefficient is not finite");
                }
            }
        }
        for (int[] s : terms) {
            if (s.length == 0) {
                throw new IllegalArgumentException("a term of the max-min expression is empty");
            }
            for (int j : s) {
                if (j < 0 || j >= pieces.length) {
                    throw new IllegalArgumentException("term refers to piece " + j + " of " + pieces.length);
                }
            }
        }
        if (domain != null && domain.dim() != n) {
            throw new IllegalArgumentException("domain dimension " + domain.dim() + " differs from input dimension " + n);
        }
        double[][] cp = new double[pieces.length][];
        for (int i = 0; i < pieces.length; i++) {
            cp[i] = pieces[i].clone();
        }
        pieces = cp;
        List<int[]> ct = new ArrayList<>();
        for (int[] s : terms) {
            ct.add(s.clone());
        }
        terms = List.copyOf(ct);
    }

    /** max(0, x₁, x₂) on [−3, 3]², the digest's first non-shallow example. */
    public static MaxMin maxOfZeroX1X2() {
        return new MaxMin(new double[][] {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}}, List.of(new int[] {0}, new int[] {1}, new int[] {2}),
                Box.cube(2, -3, 3));
    }

    /** The pyramid σ(1 − |x₁| − |x₂|) = max(0, min(1−x₁−x₂, 1+x₁−x₂, 1−x₁+x₂, 1+x₁+x₂)) on [−2, 2]². */
    public static MaxMin pyramid() {
        return new MaxMin(new double[][] {{0, 0, 0}, {-1, -1, 1}, {1, -1, 1}, {-1, 1, 1}, {1, 1, 1}},
                List.of(new int[] {0}, new int[] {1, 2, 3, 4}), Box.cube(2, -2, 2));
    }

    @Override
    public int inputDim() {
        return pieces[0].length - 1;
    }

    @Override
    public String type() {
        return "maxmin";
    }

    public int pieceCount() {
        return pieces.length;
    }

    public double piece(int j, double[] x) {
        double[] p = pieces[j];
        double s = p[p.length - 1];
        for (int q = 0; q < x.length; q++) {
            s += p[q] * x[q];
        }
        return s;
    }

    @Override
    public double value(double[] x) {
        double best = Double.NEGATIVE_INFINITY;
        for (int[] s : terms) {
            double m = Double.POSITIVE_INFINITY;
            for (int j : s) {
                m = Math.min(m, piece(j, x));
            }
            best = Math.max(best, m);
        }
        return best;
    }

    /** Largest term size. */
    public int maxTermSize() {
        int m = 0;
        for (int[] s : terms) {
            m = Math.max(m, s.length);
        }
        return m;
    }
}
