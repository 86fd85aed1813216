package io.nngeom.regions;

import io.nngeom.net.Mlp;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Closed-form region counts for ReLU networks with input dimension n_0 and hidden widths n_1..n_L.
 */
public final class RegionBounds {
    private RegionBounds() {
    }

    /** Binomial coefficient C(n, k) (0 outside 0 ≤ k ≤ n). */
    public static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }

    /**
     * Regions of a generic arrangement of N hyperplanes in R^{n0} (Zaslavsky / Buck): Σ_{j=0}^{n0} C(N, j); in the
     * plane 1 + N + C(N, 2). It is the number of linear regions of a one-hidden-layer net with N units in general
     * position whose hyperplanes all meet inside the domain.
     */
    public static BigInteger shallowArrangement(int units, int inputDim) {
        BigInteger s = BigInteger.ZERO;
        for (int j = 0; j <= inputDim; j++) {
            s = s.add(binomial(units, j));
        }
        return s;
    }

    /**
     * Upper bound of Serra, Tjandraatmadja and Ramalingam (ICML 2018, Theorem 1) on the number of linear
     * regions: Σ_{(j_1..j_L) ∈ J} Π_l C(n_l, j_l) with 0 ≤ j_l ≤ min(n_0, n_1 − j_1, …, n_{l−1} − j_{l−1}, n_l).
     *
     * @param sizes (n_0, n_1, …, n_L) input dimension then hidden widths (no output layer)
     */
    public static BigInteger serraUpper(int[] sizes) {
        return serra(sizes, 1, sizes[0], new HashMap<>());
    }

    /** Σ over j_l..j_L given the running cap min(n_0, n_1 − j_1, …); memoised on (l, cap). */
    private static BigInteger serra(int[] sizes, int l, int cap, Map<Long, BigInteger> memo) {
        if (l == sizes.length) {
            return BigInteger.ONE;
        }
        long key = (long) l << 32 | cap;
        BigInteger known = memo.get(key);
        if (known != null) {
            return known;
        }
        BigInteger s = BigInteger.ZERO;
        int lim = Math.min(Math.min(sizes[0], cap), sizes[l]);
        for (int j = 0; j <= lim; j++) {
            s = s.add(binomial(sizes[l], j).multiply(serra(sizes, l + 1, Math.min(cap, sizes[l] - j), memo)));
        }
        memo.put(key, s);
        return s;
    }

    /**
     * Lower bound of Montúfar, Pascanu, Cho and Bengio (NeurIPS 2014, Theorem 4 as stated by Serra et al.) on the
     * MAXIMAL number of regions of a net with these widths: (Π_{l=1}^{L−1} ⌊n_l/n_0⌋^{n_0}) · Σ_{j=0}^{n_0} C(n_L, j).
     * It is a statement about the best parameters, not a bound for a given network. Null when some width is
     * below n_0 (the theorem needs n_l ≥ n_0).
     *
     * @param sizes (n_0, n_1, …, n_L) input dimension then hidden widths (no output layer)
     */
    public static BigInteger montufarLower(int[] sizes) {
        int n0 = sizes[0];
        int last = sizes.length - 1;
        if (last < 1) {
            return BigInteger.ONE;
        }
        BigInteger p = BigInteger.ONE;
        for (int l = 1; l < last; l++) {
            if (sizes[l] < n0) {
                return null;
            }
            p = p.multiply(BigInteger.valueOf(sizes[l] / n0).pow(n0));
        }
        if (sizes[last] < n0) {
            return null;
        }
        return p.multiply(shallowArrangement(sizes[last], n0));
    }

    /** (n_0, n_1..n_L) of a network: input dimension and hidden widths. */
    public static int[] hiddenSizes(Mlp net) {
        int[] s = net.sizes();
        return Arrays.copyOf(s, s.length - 1);
    }
}
