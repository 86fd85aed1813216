package io.nngeom.minimizers;

import io.nngeom.net.Mlp;

/** Gradient of C2 with respect to all network parameters (temporary: central differences until train merges). */
final class CostGradient {
    private CostGradient() {
    }

    static double[] gradient(Mlp net, ClusteredData data) {
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

    static double norm(Mlp net, ClusteredData data) {
        double s = 0;
        for (double v : gradient(net, data)) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Plain full-batch gradient descent on C2; returns the final parameters. */
    static double[] descend(Mlp net, ClusteredData data, int steps, double rate) {
        double[] p = net.parameters();
        Mlp cur = net;
        for (int t = 0; t < steps; t++) {
            double[] g = gradient(cur, data);
            for (int i = 0; i < p.length; i++) {
                p[i] -= rate * g[i];
            }
            cur = net.withParameters(p);
        }
        return p;
    }
}
