package io.nngeom.piecewise.experiments;

import io.nngeom.linalg.Linalg;
import io.nngeom.net.Activation;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/** E14: a deep unit switches on the pulled-back input hyperplane */
final class PullbackExperiment extends PiecewiseExperiment {
    PullbackExperiment() {
        super("piecewise.pullback", "E14: a deep unit switches on the pulled-back input hyperplane");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e14"));
        int lines = ctx.quick() ? 200 : 2000;
        int n = 3;
        Mlp net = Mlp.random(new int[] {n, 8, 6, 1}, Activation.RELU, rng);
        Layer l1 = net.layer(0);
        Layer l2 = net.layer(1);
        int found = 0;
        double worst = 0;
        for (int trial = 0; trial < lines; trial++) {
            double[] x0 = new double[n];
            double[] d = new double[n];
            for (int q = 0; q < n; q++) {
                x0[q] = 2 * rng.nextDouble() - 1;
                d[q] = Seeds.gaussian(rng);
            }
            int unit = rng.nextInt(l2.outputs());
            double dist = switchingDistance(l1, l2, unit, x0, d);
            if (Double.isNaN(dist)) {
                continue;
            }
            worst = Math.max(worst, dist);
            found++;
        }
        return ExperimentResult.builder(this, ctx).param("lines", lines).param("net", net.architecture())
                .atLeast("switchingPointsFound", found, 10)
                .atMost("maxDistanceToPredictedHyperplane", worst, 1e-9)
                .criterion("switching points of a layer-2 unit found by bisection inside a layer-1 region lie on the pulled-back "
                        + "hyperplane (A_R^T w) x + w beta_R + b = 0 within 1e-9")
                .build();
    }

    /**
     * Along the line x0 + t·d inside the layer-1 region of x0: the distance from the point where the layer-2 unit
     * switches (found by bisection on its pre-activation) to the unit's pulled-back hyperplane (A_Rᵀw)·x + w·β_R + b = 0
     * of that region; NaN when the unit does not switch inside the region or the hyperplane is degenerate.
     */
    private static double switchingDistance(Layer l1, Layer l2, int unit, double[] x0, double[] d) {
        int n = x0.length;
        double[] z0 = l1.preActivation(x0);
        // layer-1 region of x0 along the line: t-interval where every unit keeps its sign
        double tLo = -10;
        double tHi = 10;
        double[] dz = l1.weight().times(d);
        for (int i = 0; i < z0.length; i++) {
            if (dz[i] == 0) {
                return Double.NaN;
            }
            double tz = -z0[i] / dz[i];
            if (tz > 0) {
                tHi = Math.min(tHi, tz);
            } else {
                tLo = Math.max(tLo, tz);
            }
        }
        // predicted hyperplane of the unit in the region: (A_Rᵀ w)·x + w·β_R + b = 0
        double[] a = new double[n];
        double c0 = l2.b(unit);
        for (int i = 0; i < z0.length; i++) {
            if (z0[i] > 0) {
                double wi = l2.w(unit, i);
                for (int q = 0; q < n; q++) {
                    a[q] += wi * l1.w(i, q);
                }
                c0 += wi * l1.b(i);
            }
        }
        double nrm = Linalg.norm2(a);
        if (nrm == 0) {
            return Double.NaN;
        }
        DoubleUnaryOperator z2 = t -> {
            double[] xt = new double[n];
            for (int q = 0; q < n; q++) {
                xt[q] = x0[q] + t * d[q];
            }
            double[] h = l1.preActivation(xt);
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.max(0, h[i]);
            }
            return l2.preActivation(h)[unit];
        };
        double lo = tLo + 1e-9 * (tHi - tLo);
        double hi = tHi - 1e-9 * (tHi - tLo);
        double flo = z2.applyAsDouble(lo);
        double fhi = z2.applyAsDouble(hi);
        if (flo * fhi >= 0) {
            return Double.NaN;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-15 * (1 + Math.abs(lo)); it++) {
            double mid = 0.5 * (lo + hi);
            double fm = z2.applyAsDouble(mid);
            if ((fm > 0) == (flo > 0)) {
                lo = mid;
                flo = fm;
            } else {
                hi = mid;
            }
        }
        double ts = 0.5 * (lo + hi);
        double dist = c0;
        for (int q = 0; q < n; q++) {
            dist += a[q] * (x0[q] + ts * d[q]);
        }
        return Math.abs(dist) / nrm;
    }
}
