package io.nngeom.piecewise;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.ForwardTrace;
import io.nngeom.net.Mlp;
import io.nngeom.optim.LinearProgram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Distinguishable data sets (digest §4.1, the toolkit's operational definition): labelled points are
 * distinguishable at hidden layer ℓ when no two points with different labels have the same image F_ℓ(x); they
 * are linearly distinguishable when, for every pair of classes, the images are separated by a hyperplane (an LP
 * feasibility test: w·z + c ≥ 1 on one class, ≤ −1 on the other). Once two differently labelled points collide,
 * no later layer can separate them.
 */
public final class Distinguishability {
    /** Two images collide when they differ by at most this times (1 + max |F_ℓ|) in every coordinate. */
    public static final double COLLISION_TOL = 1e-12;
    /** The LP separability test is run for at most this many points per class pair. */
    public static final int MAX_LP_POINTS = 2000;

    private Distinguishability() {
    }

    /**
     * One layer's report.
     *
     * @param layer 0 = input, ℓ = after layer ℓ (the last is the output)
     * @param width dimension of the layer's output
     * @param collisions pairs of points with different labels and equal images
     * @param sameLabelCollisions pairs with equal labels and equal images
     * @param linearlySeparable whether every class pair is linearly separable (null when not tested)
     * @param rank numerical rank of the centred image matrix
     * @param zeroImages points mapped to the zero vector (all units off)
     */
    public record LayerReport(int layer, int width, long collisions, long sameLabelCollisions, Boolean linearlySeparable,
                              int rank, int zeroImages) {
    }

    /**
     * @param labels class of each point (for regression targets, use {@link #labelsOf(Matrix)})
     */
    public static List<LayerReport> analyse(Mlp net, Matrix x, int[] labels, boolean testSeparability) {
        if (labels.length != x.rows()) {
            throw new IllegalArgumentException(x.rows() + " points but " + labels.length + " labels");
        }
        ForwardTrace tr = net.trace(x);
        List<LayerReport> out = new ArrayList<>();
        for (int l = 0; l <= net.layerCount(); l++) {
            Matrix f = tr.activations().get(l);
            out.add(layer(l, f, labels, testSeparability));
        }
        return out;
    }

    static LayerReport layer(int l, Matrix f, int[] labels, boolean lp) {
        int n = f.rows();
        int m = f.cols();
        double tol = COLLISION_TOL * (1 + f.maxAbs());
        long coll = 0;
        long same = 0;
        // sorted by the row sums: images equal to tol in every coordinate have sums within m·tol (a sort by one
        // coordinate degrades to all pairs when that coordinate is a dead unit's zero)
        double[] key = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            for (int q = 0; q < m; q++) {
                key[i] += f.get(i, q);
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
        double keyTol = m * tol * (1 + 1e-12) + Math.ulp(1.0) * m * (1 + f.maxAbs()) * m;
        for (int ii = 0; ii < n; ii++) {
            int i = order[ii];
            for (int jj = ii + 1; jj < n; jj++) {
                int j = order[jj];
                if (key[j] - key[i] > keyTol) {
                    break;
                }
                boolean eq = true;
                for (int q = 0; q < m && eq; q++) {
                    eq = Math.abs(f.get(i, q) - f.get(j, q)) <= tol;
                }
                if (eq) {
                    if (labels[i] != labels[j]) {
                        coll++;
                    } else {
                        same++;
                    }
                }
            }
        }
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            boolean z = true;
            for (int q = 0; q < m && z; q++) {
                z = f.get(i, q) == 0;
            }
            if (z) {
                zeros++;
            }
        }
        Matrix c = f.copy();
        for (int q = 0; q < m; q++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += c.get(i, q);
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                c.set(i, q, c.get(i, q) - mean);
            }
        }
        int rank = c.maxAbs() == 0 ? 0 : Linalg.rankValuesOnly(c);
        Boolean sep = null;
        if (lp) {
            sep = separable(f, labels);
        }
        return new LayerReport(l, m, coll, same, sep, rank, zeros);
    }

    /** Whether every pair of classes is linearly separable (null when a pair has too many points). */
    public static Boolean separable(Matrix f, int[] labels) {
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        for (int a = 0; a < classes.length; a++) {
            for (int b = a + 1; b < classes.length; b++) {
                List<Integer> rows = new ArrayList<>();
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == classes[a] || labels[i] == classes[b]) {
                        rows.add(i);
                    }
                }
                if (rows.size() > MAX_LP_POINTS) {
                    return null;
                }
                int m = f.cols();
                LinearProgram lp = new LinearProgram(m + 1);
                for (int i : rows) {
                    double[] r = new double[m + 1];
                    for (int q = 0; q < m; q++) {
                        r[q] = f.get(i, q);
                    }
                    r[m] = 1;
                    if (labels[i] == classes[a]) {
                        lp.greaterEq(r, 1);
                    } else {
                        lp.lessEq(r, -1);
                    }
                }
                if (lp.solve().status() != LinearProgram.Status.OPTIMAL) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Labels for regression targets: one class per distinct target row. */
    public static int[] labelsOf(Matrix y) {
        Map<String, Integer> ids = new HashMap<>();
        int[] l = new int[y.rows()];
        for (int i = 0; i < y.rows(); i++) {
            String k = Arrays.toString(y.rowArray(i));
            l[i] = ids.computeIfAbsent(k, s -> ids.size());
        }
        return l;
    }
}
