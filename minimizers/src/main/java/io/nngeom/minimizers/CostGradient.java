package io.nngeom.minimizers;

import io.nngeom.data.Dataset;
import io.nngeom.net.Loss;
import io.nngeom.net.Mlp;
import io.nngeom.train.Objective;

/**
 * Gradient of C2 = (1/N) Σ |f(x) − y|² with respect to all network parameters (flat order of
 * {@link Mlp#parameters()}), by backpropagation through {@link Objective} with {@link Loss#MSE}; and a monotone
 * gradient descent for the local-minima study.
 */
public final class CostGradient {
    private static final Objective C2 = Objective.of(Loss.MSE);

    private CostGradient() {
    }

    public static double[] gradient(Mlp net, ClusteredData data) {
        return gradient(net, data.toDataset());
    }

    public static double[] gradient(Mlp net, Dataset data) {
        double[] g = new double[net.parameterCount()];
        C2.valueAndGradient(net, data, g);
        return g;
    }

    public static double norm(Mlp net, ClusteredData data) {
        double s = 0;
        for (double v : gradient(net, data)) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Full-batch gradient descent on C2 with Armijo backtracking (each step starts at {@code rate} and halves
     * until C2 drops by at least 1e-4·t·|∇C2|²), so that descent is monotone whatever the curvature; returns the
     * final parameters.
     */
    static double[] descend(Mlp net, ClusteredData data, int steps, double rate) {
        Dataset ds = data.toDataset();
        double[] p = net.parameters();
        Mlp cur = net;
        double cost = Costs.c2(cur, data);
        for (int it = 0; it < steps; it++) {
            double[] g = gradient(cur, ds);
            double gg = 0;
            for (double v : g) {
                gg += v * v;
            }
            if (gg == 0) {
                break;
            }
            double t = rate;
            boolean accepted = false;
            for (int half = 0; half < 60; half++) {
                double[] trial = p.clone();
                for (int i = 0; i < p.length; i++) {
                    trial[i] -= t * g[i];
                }
                Mlp cand = net.withParameters(trial);
                double c = Costs.c2(cand, data);
                if (c <= cost - 1e-4 * t * gg) {
                    p = trial;
                    cur = cand;
                    cost = c;
                    accepted = true;
                    break;
                }
                t /= 2;
            }
            if (!accepted) {
                break;
            }
        }
        return p;
    }
}
