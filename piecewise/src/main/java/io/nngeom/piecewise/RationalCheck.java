package io.nngeom.piecewise;

import java.math.BigDecimal;

/**
 * The digest's exact-rational mode for C1: every double is a dyadic rational, so with {@link BigDecimal} (exact
 * sums and products, no rounding) the C1 formula f(x) = c − s₀σ(t₁ − x) + s₁σ(x − t₁) + Σ_{j≥2}(s_j − s_{j−1})σ(x − t_j),
 * with the jumps formed exactly, can be compared for exact equality with the spec's own definition (the value
 * at t₁ plus the slopes integrated piece by piece).
 */
public final class RationalCheck {
    private RationalCheck() {
    }

    private static BigDecimal relu(BigDecimal z) {
        return z.signum() > 0 ? z : BigDecimal.ZERO;
    }

    /** The C1 network's value at x in exact arithmetic (weights formed exactly from the spec). */
    public static BigDecimal c1Network(Pwl1d f, double x) {
        BigDecimal bx = new BigDecimal(x);
        int k = f.k();
        BigDecimal y = new BigDecimal(f.value());
        if (k == 0) {
            return y.add(new BigDecimal(f.slope(0)).multiply(bx));
        }
        BigDecimal t1 = new BigDecimal(f.t(0));
        y = y.subtract(new BigDecimal(f.slope(0)).multiply(relu(t1.subtract(bx))));
        y = y.add(new BigDecimal(f.slope(1)).multiply(relu(bx.subtract(t1))));
        for (int j = 2; j <= k; j++) {
            BigDecimal jump = new BigDecimal(f.slope(j)).subtract(new BigDecimal(f.slope(j - 1)));
            y = y.add(jump.multiply(relu(bx.subtract(new BigDecimal(f.t(j - 1))))));
        }
        return y;
    }

    /** The spec's value at x in exact arithmetic, from its definition piece by piece. */
    public static BigDecimal spec(Pwl1d f, double x) {
        BigDecimal bx = new BigDecimal(x);
        int k = f.k();
        BigDecimal v = new BigDecimal(f.value());
        if (k == 0) {
            return v.add(new BigDecimal(f.slope(0)).multiply(bx));
        }
        if (x <= f.t(0)) {
            return v.add(new BigDecimal(f.slope(0)).multiply(bx.subtract(new BigDecimal(f.t(0)))));
        }
        int j = 0;
        while (j + 1 < k && f.t(j + 1) < x) {
            v = v.add(new BigDecimal(f.slope(j + 1)).multiply(new BigDecimal(f.t(j + 1)).subtract(new BigDecimal(f.t(j)))));
            j++;
        }
        return v.add(new BigDecimal(f.slope(j + 1)).multiply(bx.subtract(new BigDecimal(f.t(j)))));
    }

    /** Points (of the given ones) where the exact network and the exact spec differ. */
    public static int mismatches(Pwl1d f, double[] xs) {
        int bad = 0;
        for (double x : xs) {
            if (c1Network(f, x).compareTo(spec(f, x)) != 0) {
                bad++;
            }
        }
        return bad;
    }
}
