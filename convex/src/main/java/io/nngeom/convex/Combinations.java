package io.nngeom.convex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** k-subsets of {0..n−1} in lexicographic order (their number is {@link io.nngeom.regions.RegionBounds#binomial}, exact). */
final class Combinations {
    private Combinations() {
    }

    static List<int[]> all(int n, int k) {
        List<int[]> out = new ArrayList<>();
        forEach(n, k, s -> out.add(s.clone()));
        return out;
    }

    /** Calls {@code f} with each k-subset (the array is reused). */
    static void forEach(int n, int k, Consumer<int[]> f) {
        if (k < 0 || k > n) {
            return;
        }
        int[] s = new int[k];
        for (int i = 0; i < k; i++) {
            s[i] = i;
        }
        while (true) {
            f.accept(s);
            int i = k - 1;
            while (i >= 0 && s[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return;
            }
            s[i]++;
            for (int j = i + 1; j < k; j++) {
                s[j] = s[j - 1] + 1;
            }
        }
    }
}
