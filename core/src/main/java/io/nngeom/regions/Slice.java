package io.nngeom.regions;

import io.nngeom.linalg.Matrix;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;

/**
 * A 2-D affine plane x = origin + s·u + t·v through the input space of a network. The network restricted to
 * the plane is again an {@link Mlp} (the first layer absorbs the plane), whose regions in (s, t) are the
 * intersections of the network's regions with the plane.
 *
 * @param origin a point of the input space
 * @param u first direction
 * @param v second direction
 */
public record Slice(double[] origin, double[] u, double[] v) {

    public Slice {
        if (origin.length != u.length || u.length != v.length) {
            throw new IllegalArgumentException("slice origin and directions need the same dimension");
        }
        origin = origin.clone();
        u = u.clone();
        v = v.clone();
    }

    /** The plane through {@code origin} spanned by coordinate axes i and j. */
    public static Slice axes(double[] origin, int i, int j) {
        double[] u = new double[origin.length];
        double[] v = new double[origin.length];
        u[i] = 1;
        v[j] = 1;
        return new Slice(origin, u, v);
    }

    public int dim() {
        return origin.length;
    }

    /** The input point of plane coordinates (s, t). */
    public double[] point(double s, double t) {
        double[] x = new double[origin.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = origin[k] + s * u[k] + t * v[k];
        }
        return x;
    }

    /** The network restricted to the plane, as a 2-input network. */
    public Mlp restrict(Mlp net) {
        if (net.inputDim() != origin.length) {
            throw new IllegalArgumentException("slice has dimension " + origin.length + ", network input " + net.inputDim());
        }
        Layer first = net.layer(0);
        int out = first.outputs();
        Matrix w = Matrix.zeros(out, 2);
        double[] b = first.bias();
        for (int i = 0; i < out; i++) {
            double su = 0;
            double sv = 0;
            double so = 0;
            for (int k = 0; k < origin.length; k++) {
                double wik = first.w(i, k);
                su += wik * u[k];
                sv += wik * v[k];
                so += wik * origin[k];
            }
            w.set(i, 0, su);
            w.set(i, 1, sv);
            b[i] += so;
        }
        return net.withLayer(0, new Layer(w, b, first.activation()));
    }
}
