package io.nngeom.piecewise;

import java.util.ArrayList;
import java.util.List;

/** Bowyer–Watson Delaunay triangulation of a planar point set (small sets; O(n²)). */
final class Delaunay {
    private Delaunay() {
    }

    static int[][] triangulate(double[][] p) {
        int n = p.length;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] q : p) {
            minX = Math.min(minX, q[0]);
            maxX = Math.max(maxX, q[0]);
            minY = Math.min(minY, q[1]);
            maxY = Math.max(maxY, q[1]);
        }
        double d = Math.max(maxX - minX, maxY - minY) * 20;
        double mx = (minX + maxX) / 2;
        double my = (minY + maxY) / 2;
        double[][] all = new double[n + 3][];
        System.arraycopy(p, 0, all, 0, n);
        all[n] = new double[] {mx - d, my - d};
        all[n + 1] = new double[] {mx + d, my - d};
        all[n + 2] = new double[] {mx, my + d};
        List<int[]> tris = new ArrayList<>();
        tris.add(new int[] {n, n + 1, n + 2});
        for (int i = 0; i < n; i++) {
            List<int[]> bad = new ArrayList<>();
            for (int[] t : tris) {
                if (inCircle(all[t[0]], all[t[1]], all[t[2]], all[i])) {
                    bad.add(t);
                }
            }
            List<int[]> edges = new ArrayList<>();
            for (int[] t : bad) {
                for (int e = 0; e < 3; e++) {
                    int a = t[e];
                    int b = t[(e + 1) % 3];
                    boolean shared = false;
                    for (int[] u : bad) {
                        if (u == t) {
                            continue;
                        }
                        for (int f = 0; f < 3; f++) {
                            if ((u[f] == b && u[(f + 1) % 3] == a) || (u[f] == a && u[(f + 1) % 3] == b)) {
                                shared = true;
                            }
                        }
                    }
                    if (!shared) {
                        edges.add(new int[] {a, b});
                    }
                }
            }
            tris.removeAll(bad);
            for (int[] e : edges) {
                tris.add(ccw(all, new int[] {e[0], e[1], i}));
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int[] t : tris) {
            if (t[0] < n && t[1] < n && t[2] < n) {
                out.add(t);
            }
        }
        return out.toArray(new int[0][]);
    }

    private static int[] ccw(double[][] p, int[] t) {
        double c = (p[t[1]][0] - p[t[0]][0]) * (p[t[2]][1] - p[t[0]][1]) - (p[t[1]][1] - p[t[0]][1]) * (p[t[2]][0] - p[t[0]][0]);
        return c >= 0 ? t : new int[] {t[0], t[2], t[1]};
    }

    /** Is d strictly inside the circumcircle of the counter-clockwise triangle abc? */
    private static boolean inCircle(double[] a, double[] b, double[] c, double[] d) {
        double ax = a[0] - d[0];
        double ay = a[1] - d[1];
        double bx = b[0] - d[0];
        double by = b[1] - d[1];
        double cx = c[0] - d[0];
        double cy = c[1] - d[1];
        double det = (ax * ax + ay * ay) * (bx * cy - cx * by) - (bx * bx + by * by) * (ax * cy - cx * ay)
                + (cx * cx + cy * cy) * (ax * by - bx * ay);
        return det > 0;
    }
}
