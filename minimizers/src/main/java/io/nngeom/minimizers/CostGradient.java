package io.nngeom.minimizers;

import io.nngeom.net.Mlp;

/** Gradient of C2 with respect to all network parameters (temporary: central differences until train merges). */
public final class CostGradient {
    private CostGradient() {
    }

    public static double[] gradient(Mlp net, ClusteredData data) {
        double[] p = net.parameters();
        double[] g = new double[p.length];
        double h = 1e-6;
        for (int i = 0; i < p.length; i++) {
            double old = p[i];
            p[i] = old + h;
            double up = Costs.c2(net.withParameters(p), data);
            p[i] = old - h;
            double dn = Costs.c2(net.withParameters(p), data);
            p[i] = old;
            g[i] = (up - dn) / (2 * h);
        }
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
        double[] p = net.parameters();
        Mlp cur = net;
        double cost = Costs.c2(cur, data);
        for (int it = 0; it < steps; it++) {
            double[] g = gradient(cur, data);
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
