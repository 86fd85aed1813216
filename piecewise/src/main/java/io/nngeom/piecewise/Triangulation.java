package io.nngeom.piecewise;

import io.nngeom.regions.Polygons;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A continuous piecewise-linear function on a triangulated polygon in the plane: vertex positions, triangles
 * (vertex index triples) and the function's value at every vertex; on each triangle f is the affine
 * interpolant of its vertex values. Any continuous PL function on a polygon has this form.
 */
public final class Triangulation implements PwlSpec {
    /** Barycentric slack for point location: a point with all barycentric coordinates ≥ −LOCATE_TOL is inside. */
    public static final double LOCATE_TOL = 1e-12;

    private final double[][] vertices;
    private final int[][] triangles;
    private final double[] values;
    private final double[][] pieces; // per triangle (a1, a2, c)
    private final double[][] inv; // per triangle barycentric map: 6 numbers

    public Triangulation(double[][] vertices, int[][] triangles, double[] values) {
        if (vertices.length < 3 || triangles.length == 0) {
            throw new IllegalArgumentException("a triangulation needs at least 3 vertices and 1 triangle");
        }
        if (values.length != vertices.length) {
            throw new IllegalArgumentException(vertices.length + " vertices but " + values.length + " values");
        }
        this.vertices = new double[vertices.length][];
        for (int i = 0; i < vertices.length; i++) {
            if (vertices[i].length != 2 || !Double.isFinite(vertices[i][0]) || !Double.isFinite(vertices[i][1])) {
                throw new IllegalArgumentException("vertex " + i + " is not a finite 2-D point");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite");
            }
            this.vertices[i] = vertices[i].clone();
        }
        this.values = values.clone();
        this.triangles = new int[triangles.length][];
        this.pieces = new double[triangles.length][];
        this.inv = new double[triangles.length][];
        for (int t = 0; t < triangles.length; t++) {
            int[] tr = triangles[t];
            if (tr.length != 3) {
                throw new IllegalArgumentException("triangle " + t + " does not have 3 vertices");
            }
            for (int i : tr) {
                if (i < 0 || i >= vertices.length) {
                    throw new IllegalArgumentException("triangle " + t + " refers to vertex " + i + " of " + vertices.length);
                }
            }
            this.triangles[t] = tr.clone();
            double[] p0 = vertices[tr[0]];
            double[] p1 = vertices[tr[1]];
            double[] p2 = vertices[tr[2]];
            double e1x = p1[0] - p0[0];
            double e1y = p1[1] - p0[1];
            double e2x = p2[0] - p0[0];
            double e2y = p2[1] - p0[1];
            double det = e1x * e2y - e2x * e1y;
            double scale = (Math.abs(e1x) + Math.abs(e1y)) * (Math.abs(e2x) + Math.abs(e2y));
            if (!(Math.abs(det) > 1e-14 * scale)) {
                throw new IllegalArgumentException("triangle " + t + " is degenerate (zero area)");
            }
            // barycentric (l1, l2) = M^{-1} (x - p0)
            double[] m = {e2y / det, -e2x / det, -e1y / det, e1x / det, p0[0], p0[1]};
            inv[t] = m;
            double d1 = values[tr[1]] - values[tr[0]];
            double d2 = values[tr[2]] - values[tr[0]];
            // gradient g with g·e1 = d1, g·e2 = d2  →  g = M^{-T} (d1, d2)
            double gx = m[0] * d1 + m[2] * d2;
            double gy = m[1] * d1 + m[3] * d2;
            pieces[t] = new double[] {gx, gy, values[tr[0]] - gx * p0[0] - gy * p0[1]};
        }
    }

    @Override
    public int inputDim() {
        return 2;
    }

    @Override
    public String type() {
        return "triangulation";
    }

    public int vertexCount() {
        return vertices.length;
    }

    public int triangleCount() {
        return triangles.length;
    }

    public double[] vertex(int i) {
        return vertices[i].clone();
    }

    public int[] triangle(int t) {
        return triangles[t].clone();
    }

    public double vertexValue(int i) {
        return values[i];
    }

    /** The affine piece (a1, a2, c) of triangle t: f = a1 x + a2 y + c there. */
    public double[] piece(int t) {
        return pieces[t].clone();
    }

    /** Triangle t as a counter-clockwise flat polygon x0,y0,x1,y1,x2,y2. */
    public double[] polygon(int t) {
        int[] tr = triangles[t];
        double[] p = {vertices[tr[0]][0], vertices[tr[0]][1], vertices[tr[1]][0], vertices[tr[1]][1],
                vertices[tr[2]][0], vertices[tr[2]][1]};
        if (Polygons.area(p, 3) < 0) {
            p = new double[] {p[0], p[1], p[4], p[5], p[2], p[3]};
        }
        return p;
    }

    /** Index of a triangle containing x, or −1. */
    public int locate(double[] x) {
        int best = -1;
        double bestMin = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < triangles.length; t++) {
            double[] m = inv[t];
            double dx = x[0] - m[4];
            double dy = x[1] - m[5];
            double l1 = m[0] * dx + m[1] * dy;
            double l2 = m[2] * dx + m[3] * dy;
            double mn = Math.min(Math.min(l1, l2), 1 - l1 - l2);
            if (mn >= 0) {
                return t;
            }
            if (mn > bestMin) {
                bestMin = mn;
                best = t;
            }
        }
        return bestMin >= -LOCATE_TOL ? best : -1;
    }

    /** f(x) from the affine piece of the containing triangle; NaN outside the triangulated polygon. */
    @Override
    public double value(double[] x) {
        int t = locate(x);
        if (t < 0) {
            return Double.NaN;
        }
        double[] p = pieces[t];
        return p[0] * x[0] + p[1] * x[1] + p[2];
    }

    /** Bounding box {xmin, xmax, ymin, ymax}. */
    public double[] bounds() {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] v : vertices) {
            b[0] = Math.min(b[0], v[0]);
            b[1] = Math.max(b[1], v[0]);
            b[2] = Math.min(b[2], v[1]);
            b[3] = Math.max(b[3], v[1]);
        }
        return b;
    }

    /** Total area of the triangles. */
    public double area() {
        double a = 0;
        for (int t = 0; t < triangles.length; t++) {
            a += Polygons.area(polygon(t), 3);
        }
        return a;
    }

    /** True when the triangles cover a convex polygon (their area equals the convex hull's, relative 1e-9). */
    public boolean isConvexDomain() {
        double hull = Polygons.area(convexHull(vertices), convexHull(vertices).length / 2);
        return Math.abs(hull - area()) <= 1e-9 * hull;
    }

    /** Convex hull (Andrew's monotone chain), counter-clockwise flat array. */
    static double[] convexHull(double[][] pts) {
        double[][] p = pts.clone();
        Arrays.sort(p, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int n = p.length;
        double[][] h = new double[2 * n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) {
                k--;
            }
            h[k++] = p[i];
        }
        for (int i = n - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0) {
                k--;
            }
            h[k++] = p[i];
        }
        double[] out = new double[2 * (k - 1)];
        for (int i = 0; i < k - 1; i++) {
            out[2 * i] = h[i][0];
            out[2 * i + 1] = h[i][1];
        }
        return out;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    /** A uniformly random point of the triangulated polygon. */
    public double[] sample(SplittableRandom rng) {
        double[] cum = cumulativeAreas();
        double u = rng.nextDouble() * cum[cum.length - 1];
        int t = Arrays.binarySearch(cum, u);
        t = t < 0 ? Math.min(-t - 1, cum.length - 1) : t;
        double r1 = rng.nextDouble();
        double r2 = rng.nextDouble();
        if (r1 + r2 > 1) {
            r1 = 1 - r1;
            r2 = 1 - r2;
        }
        double[] p = polygon(t);
        return new double[] {p[0] + r1 * (p[2] - p[0]) + r2 * (p[4] - p[0]), p[1] + r1 * (p[3] - p[1]) + r2 * (p[5] - p[1])};
    }

    private double[] cumAreas;

    private double[] cumulativeAreas() {
        if (cumAreas == null) {
            double[] c = new double[triangles.length];
            double s = 0;
            for (int t = 0; t < triangles.length; t++) {
                s += Polygons.area(polygon(t), 3);
                c[t] = s;
            }
            cumAreas = c;
        }
        return cumAreas;
    }

    /**
     * The crease lines of f: for every interior edge (shared by two triangles) across which the gradient
     * changes by more than {@code 1e-12·(1 + max|∇f|)}, the full line through the edge, as (a, b, c) with
     * a² + b² = 1 and a canonical sign; equal lines (to 1e-9) are merged.
     */
    public List<double[]> creaseLines() {
        double gmax = 0;
        for (double[] p : pieces) {
            gmax = Math.max(gmax, Math.hypot(p[0], p[1]));
        }
        double jumpTol = 1e-12 * (1 + gmax);
        Map<Long, int[]> edges = new HashMap<>();
        List<double[]> lines = new ArrayList<>();
        for (int t = 0; t < triangles.length; t++) {
            for (int e = 0; e < 3; e++) {
                int i = triangles[t][e];
                int j = triangles[t][(e + 1) % 3];
                long key = (long) Math.min(i, j) * vertices.length + Math.max(i, j);
                int[] prev = edges.get(key);
                if (prev == null) {
                    edges.put(key, new int[] {t, i, j});
                    continue;
                }
                double[] p = pieces[prev[0]];
                double[] q = pieces[t];
                if (Math.hypot(p[0] - q[0], p[1] - q[1]) <= jumpTol) {
                    continue;
                }
                addLine(lines, lineThrough(vertices[i], vertices[j]));
            }
        }
        return lines;
    }

    static double[] lineThrough(double[] p, double[] q) {
        double a = q[1] - p[1];
        double b = p[0] - q[0];
        double n = Math.hypot(a, b);
        a /= n;
        b /= n;
        double c = -(a * p[0] + b * p[1]);
        if (a < 0 || (a == 0 && b < 0)) {
            a = -a;
            b = -b;
            c = -c;
        }
        return new double[] {a, b, c};
    }

    static void addLine(List<double[]> lines, double[] l) {
        for (double[] m : lines) {
            if (Math.abs(m[0] - l[0]) < 1e-9 && Math.abs(m[1] - l[1]) < 1e-9 && Math.abs(m[2] - l[2]) < 1e-9) {
                return;
            }
        }
        lines.add(l);
    }

    /** Distinct affine pieces (merged to 1e-12 relative), and for each triangle the index of its piece. */
    public double[][] distinctPieces(int[] pieceOfTriangle) {
        List<double[]> out = new ArrayList<>();
        double scale = 1;
        for (double[] p : pieces) {
            scale = Math.max(scale, Math.abs(p[0]) + Math.abs(p[1]) + Math.abs(p[2]));
        }
        for (int t = 0; t < pieces.length; t++) {
            int found = -1;
            for (int k = 0; k < out.size() && found < 0; k++) {
                double[] q = out.get(k);
                if (Math.abs(q[0] - pieces[t][0]) + Math.abs(q[1] - pieces[t][1]) + Math.abs(q[2] - pieces[t][2]) <= 1e-12 * scale) {
                    found = k;
                }
            }
            if (found < 0) {
                out.add(pieces[t].clone());
                found = out.size() - 1;
            }
            if (pieceOfTriangle != null) {
                pieceOfTriangle[t] = found;
            }
        }
        return out.toArray(new double[0][]);
    }

    /**
     * The pyramid σ(1 − |x₁| − |x₂|) on [−a, a]² (a &gt; 1), triangulated exactly: value 1 at the origin, 0 on the
     * diamond's corners and on the box corners.
     */
    public static Triangulation pyramid(double a) {
        double[][] v = {{0, 0}, {1, 0}, {0, 1}, {-1, 0}, {0, -1}, {a, -a}, {a, a}, {-a, a}, {-a, -a}, {a, 0}, {0, a}, {-a, 0}, {0, -a}};
        double[] val = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int[][] t = {{0, 1, 2}, {0, 2, 3}, {0, 3, 4}, {0, 4, 1},
                {1, 9, 6}, {1, 6, 2}, {2, 6, 10}, {2, 10, 7}, {2, 7, 3}, {3, 7, 11}, {3, 11, 8}, {3, 8, 4},
                {4, 8, 12}, {4, 12, 5}, {4, 5, 1}, {1, 5, 9}};
        return new Triangulation(v, t, val);
    }

    /**
     * Delaunay triangulation (Bowyer–Watson) of the unit square's corners plus {@code interior} uniform random
     * points, with N(0, 1) vertex values: a random continuous PL function on [0, 1]².
     */
    public static Triangulation randomDelaunay(int interior, SplittableRandom rng) {
        double[][] pts = new double[interior + 4][];
        pts[0] = new double[] {0, 0};
        pts[1] = new double[] {1, 0};
        pts[2] = new double[] {1, 1};
        pts[3] = new double[] {0, 1};
        for (int i = 0; i < interior; i++) {
            pts[4 + i] = new double[] {0.05 + 0.9 * rng.nextDouble(), 0.05 + 0.9 * rng.nextDouble()};
        }
        double[] val = new double[pts.length];
        for (int i = 0; i < val.length; i++) {
            val[i] = Seeds.gaussian(rng);
        }
        return new Triangulation(pts, Delaunay.triangulate(pts), val);
    }
}
