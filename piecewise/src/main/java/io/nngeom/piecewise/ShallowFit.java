package io.nngeom.piecewise;

import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Mlp;
import io.nngeom.regions.Box;
import io.nngeom.run.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * C2 (digest §3): a one-hidden-layer network from the crease hyperplanes of a PL function. One hidden unit per
 * hyperplane, output weights and the affine part by least squares on sample points (features σ(w_i·x + b_i),
 * x, 1). The representability criterion ("no interference", §4.2): f is a one-hidden-layer net with these
 * hyperplanes iff the least-squares residual vanishes; the residual measured on fresh test points is the
 * interference measure. On the bounded domain the affine part costs one always-active unit (§2 fact 4), so
 * the network has m + 1 hidden units (m when the affine part has no linear term).
 */
public final class ShallowFit {
    /** Relative residual below which f counts as shallow-representable: 1e-8·(1 + max|f|). */
    public static final double REPRESENTABLE_TOL = 1e-8;

    private ShallowFit() {
    }

    /**
     * @param construction the network (m hidden units for the hyperplanes + the affine unit)
     * @param residual max |f − net| on the test points
     * @param rms root mean square error on the test points
     * @param representable residual ≤ REPRESENTABLE_TOL·(1 + max|f|)
     * @param hyperplanes number of crease hyperplanes used
     */
    public record Result(Construction construction, double residual, double rms, boolean representable, int hyperplanes) {
    }

    /** Sample points of a spec's domain: triangulation polygon, max-min box, or an explicit box. */
    public static Matrix samples(PwlSpec f, Box box, int count, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        int n = f.inputDim();
        double[] data = new double[count * n];
        for (int r = 0; r < count; r++) {
            double[] x;
            if (f instanceof Triangulation t) {
                x = t.sample(rng);
            } else {
                x = new double[n];
                for (int j = 0; j < n; j++) {
                    x[j] = box.lo(j) + (box.hi(j) - box.lo(j)) * rng.nextDouble();
                }
            }
            System.arraycopy(x, 0, data, r * n, n);
        }
        return new Matrix(count, n, data);
    }

    /**
     * Fits f with the given hyperplanes (rows (w_1..w_n, b)) on the domain.
     *
     * @param box the domain's bounding box (for the always-active affine unit and box sampling)
     */
    public static Result fit(PwlSpec f, List<double[]> hyperplanes, Box box, int samples, long seed) {
        return fit(f.inputDim(), f::value, (cnt, sd) -> samples(f, box, cnt, sd), hyperplanes, box, samples, seed);
    }

    /** Refits a network (a teacher) on the box from given hyperplanes (digest E3). */
    public static Result fit(Mlp teacher, List<double[]> hyperplanes, Box box, int samples, long seed) {
        ToDoubleFunction<double[]> f = x -> teacher.apply(x)[0];
        return fit(teacher.inputDim(), f, (cnt, sd) -> boxSamples(box, cnt, sd), hyperplanes, box, samples, seed);
    }

    /** Uniform points of a box. */
    public static Matrix boxSamples(Box box, int count, long seed) {
        SplittableRandom rng = Seeds.rng(seed);
        int n = box.dim();
        double[] d = new double[count * n];
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < n; j++) {
                d[r * n + j] = box.lo(j) + (box.hi(j) - box.lo(j)) * rng.nextDouble();
            }
        }
        return new Matrix(count, n, d);
    }

    private interface Sampler {
        Matrix draw(int count, long seed);
    }

    private static Result fit(int n, ToDoubleFunction<double[]> f, Sampler sampler, List<double[]> hyperplanes,
                              Box box, int samples, long seed) {
        int m = hyperplanes.size();
        Matrix xs = sampler.draw(samples, Seeds.child(seed, "fit"));
        int cols = m + n + 1;
        Matrix a = Matrix.zeros(samples, cols);
        double[] y = new double[samples];
        for (int r = 0; r < samples; r++) {
            double[] x = xs.rowArray(r);
            for (int i = 0; i < m; i++) {
                a.set(r, i, Math.max(0, dot(hyperplanes.get(i), x)));
            }
            for (int j = 0; j < n; j++) {
                a.set(r, m + j, x[j]);
            }
            a.set(r, m + n, 1);
            y[r] = f.applyAsDouble(x);
        }
        double[] coef = Linalg.lstsq(a, y);
        // network: m crease units + one always-active unit carrying a·x
        double[] lin = new double[n];
        boolean hasLinear = false;
        for (int j = 0; j < n; j++) {
            lin[j] = coef[m + j];
            hasLinear |= lin[j] != 0;
        }
        int h = m + (hasLinear ? 1 : 0);
        double[][] w = new double[Math.max(h, 1)][];
        double[] b = new double[Math.max(h, 1)];
        double[] v = new double[Math.max(h, 1)];
        for (int i = 0; i < m; i++) {
            w[i] = Arrays.copyOf(hyperplanes.get(i), n);
            b[i] = hyperplanes.get(i)[n];
            v[i] = coef[i];
        }
        double c = coef[m + n];
        if (hasLinear) {
            double big = Nets.activeOffset(lin, box, 1.0);
            w[m] = lin;
            b[m] = big;
            v[m] = 1;
            c -= big;
        }
        if (h == 0) {
            w[0] = new double[n];
            b[0] = 0;
            v[0] = 0;
        }
        Mlp net = Nets.shallow(w, b, new double[][] {v}, new double[] {c});
        Matrix test = sampler.draw(samples, Seeds.child(seed, "test"));
        double maxErr = 0;
        double sq = 0;
        double maxF = 0;
        for (int r = 0; r < test.rows(); r++) {
            double[] x = test.rowArray(r);
            double fv = f.applyAsDouble(x);
            double e = Math.abs(fv - net.apply(x)[0]);
            maxErr = Math.max(maxErr, e);
            sq += e * e;
            maxF = Math.max(maxF, Math.abs(fv));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("hyperplanes", m);
        d.put("affineUnit", hasLinear);
        return new Result(new Construction("C2", net, d), maxErr, Math.sqrt(sq / test.rows()),
                maxErr <= REPRESENTABLE_TOL * (1 + maxF), m);
    }

    static double dot(double[] h, double[] x) {
        double s = h[x.length];
        for (int j = 0; j < x.length; j++) {
            s += h[j] * x[j];
        }
        return s;
    }

    /**
     * Crease hyperplanes of a spec, as rows (w, b) with ‖w‖ = 1: triangulation interior edges with a gradient
     * jump; for a max–min expression every hyperplane g_i = g_j along which f actually kinks somewhere in the
     * domain (tested at 400 points per hyperplane); for 1-D the breakpoints.
     */
    public static List<double[]> creases(PwlSpec f, Box box, long seed) {
        if (f instanceof Triangulation t) {
            return t.creaseLines();
        }
        if (f instanceof Pwl1d p) {
            List<double[]> out = new ArrayList<>();
            double[] jumps = p.jumps();
            for (int j = 0; j < p.k(); j++) {
                if (jumps[j] != 0) {
                    out.add(new double[] {1, -p.t(j)});
                }
            }
            return out;
        }
        if (f instanceof MaxMin mm) {
            SplittableRandom rng = Seeds.rng(seed);
            int n = mm.inputDim();
            double[][] g = mm.pieces();
            double scale = box.diameter();
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < g.length; i++) {
                for (int j = i + 1; j < g.length; j++) {
                    double[] hp = new double[n + 1];
                    double nrm = 0;
                    for (int q = 0; q < n; q++) {
                        hp[q] = g[i][q] - g[j][q];
                        nrm += hp[q] * hp[q];
                    }
                    nrm = Math.sqrt(nrm);
                    if (nrm < 1e-12) {
                        continue;
                    }
                    hp[n] = g[i][n] - g[j][n];
                    for (int q = 0; q <= n; q++) {
                        hp[q] /= nrm;
                    }
                    if (kinks(mm, hp, box, rng, scale)) {
                        canonicalSign(hp);
                        boolean dup = false;
                        for (double[] o : out) {
                            double dd = 0;
                            for (int q = 0; q <= n; q++) {
                                dd += Math.abs(o[q] - hp[q]);
                            }
                            dup |= dd < 1e-9;
                        }
                        if (!dup) {
                            out.add(hp);
                        }
                    }
                }
            }
            return out;
        }
        throw new IllegalArgumentException("a point set has no crease hyperplanes; use interpolation (C3)");
    }

    private static void canonicalSign(double[] hp) {
        for (int q = 0; q < hp.length - 1; q++) {
            if (hp[q] != 0) {
                if (hp[q] < 0) {
                    for (int r = 0; r < hp.length; r++) {
                        hp[r] = -hp[r];
                    }
                }
                return;
            }
        }
    }

    private static boolean kinks(MaxMin f, double[] hp, Box box, SplittableRandom rng, double scale) {
        int n = hp.length - 1;
        double delta = 1e-5 * scale;
        for (int s = 0; s < 400; s++) {
            double[] x = new double[n];
            for (int q = 0; q < n; q++) {
                x[q] = box.lo(q) + (box.hi(q) - box.lo(q)) * rng.nextDouble();
            }
            double d = dot(hp, x);
            for (int q = 0; q < n; q++) {
                x[q] -= d * hp[q];
            }
            boolean inside = true;
            for (int q = 0; q < n; q++) {
                inside &= x[q] > box.lo(q) + 2 * delta && x[q] < box.hi(q) - 2 * delta;
            }
            if (!inside) {
                continue;
            }
            double[] xp = x.clone();
            double[] xm = x.clone();
            for (int q = 0; q < n; q++) {
                xp[q] += delta * hp[q];
                xm[q] -= delta * hp[q];
            }
            double second = f.value(xp) + f.value(xm) - 2 * f.value(x);
            if (Math.abs(second) > 1e-7 * delta) {
                return true;
            }
        }
        return false;
    }
}
