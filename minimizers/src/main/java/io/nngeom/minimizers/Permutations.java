package io.nngeom.minimizers;

import java.util.ArrayList;
import java.util.List;

/** All permutations of 0..n−1 in lexicographic order: the truncation orders of the construction. */
public final class Permutations {
    private Permutations() {
    }

    public static List<int[]> all(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] cur, boolean[] used, int pos, List<int[]> out) {
        if (pos == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int i = 0; i < cur.length; i++) {
            if (!used[i]) {
                used[i] = true;
                cur[pos] = i;
                permute(cur, used, pos + 1, out);
                used[i] = false;
            }
        }
    }
}
