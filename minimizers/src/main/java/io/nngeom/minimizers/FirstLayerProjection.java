package io.nngeom.minimizers;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Linalg;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import io.nngeom.run.InputException;

/**
 * The documented affine first layer for data whose input dimension d is not the number of classes Q: an affine map
 * z = A x + c into R^Q, where the construction then runs. It is folded into the network's first hidden layer
 * (W₁ z + b₁ = (W₁ A) x + (W₁ c + b₁)), so the network keeps L hidden layers of width Q and takes the raw inputs.
 *
 * <p>The map puts the affine span of the class means on the hyperplane z_Q = 1: z = (Uᵀ(x − m), 1), m the mean of
 * the class means, U (d × (Q − 1)) orthonormal. For d ≥ Q, U holds the top Q − 1 left singular vectors of the
 * centred class means [x̄₁ − m … x̄_Q − m] ("projections adapted to the class averages", the shallow paper's phrase);
 * when they span fewer than Q − 1 dimensions (σ_{Q−1} below {@link #RANK_TOL} σ₁), U comes from the centred data
 * instead (its Q − 1 directions of largest variance). For d &lt; Q, U = [I_d; 0] (the centred inputs padded with
 * zeros). Affinely independent class means become linearly independent points of R^Q.
 *
 * <p>Nothing guarantees that the projected classes satisfy the clustering condition: the construction checks it on
 * the projected data, and the refusal says that it was checked there.
 *
 * @param a the linear part A (Q × d)
 * @param c the offset c (Q)
 * @param rule the map in words, for reports
 */
public record FirstLayerProjection(Matrix a, double[] c, String rule) {

    /** Relative size below which a singular value of the centred class means counts as zero: 1e-10. */
    public static final double RANK_TOL = 1e-10;

    /** The map for {@code data} (d inputs, rows of {@code x}) into R^q, or null when d = q. */
    static FirstLayerProjection of(ClusteredData data, Matrix x, int q) {
        int d = data.inputDim();
        if (d == q) {
            return null;
        }
        if (q < 2) {
            throw new InputException("data: one class; the construction needs at least 2 classes");
        }
        double[] m = new double[d];
        Matrix means = data.means();
        for (int j = 0; j < q; j++) {
            for (int k = 0; k < d; k++) {
                m[k] += means.get(j, k) / q;
            }
        }
        Matrix u;
        String rule;
        if (d < q) {
            u = Matrix.zeros(d, q - 1);
            for (int i = 0; i < d; i++) {
                u.set(i, i, 1);
            }
            rule = "the " + d + " centred inputs padded with zeros to R^" + (q - 1) + ", then a constant coordinate 1";
        } else {
            Linalg.Svd svd = Linalg.svd(centred(means, m).transpose());
            boolean spans = svd.s()[q - 2] > RANK_TOL * svd.s()[0];
            if (!spans) {
                svd = Linalg.svd(centred(x, m).transpose());
            }
            u = firstCols(svd.u(), q - 1);
            rule = spans ? "the " + d + " inputs projected onto the affine span of the " + q + " class means, then a constant coordinate 1"
                    : "the " + d + " inputs projected onto their top " + (q - 1) + " principal directions (the class means span fewer), "
                    + "then a constant coordinate 1";
        }
        Matrix a = Matrix.zeros(q, d);
        double[] c = new double[q];
        for (int i = 0; i < q - 1; i++) {
            for (int k = 0; k < d; k++) {
                a.set(i, k, u.get(k, i));
                c[i] -= u.get(k, i) * m[k];
            }
        }
        c[q - 1] = 1;
        return new FirstLayerProjection(a, c, rule);
    }

    /** The data with inputs z = A x + c (targets and labels unchanged). */
    Dataset apply(Dataset data) {
        Matrix z = Linalg.multTransB(data.x(), a);
        for (int r = 0; r < z.rows(); r++) {
            for (int i = 0; i < c.length; i++) {
                z.set(r, i, z.get(r, i) + c[i]);
            }
        }
        return new Dataset(z, data.y(), data.labels(), data.classes());
    }

    /** The network on the raw inputs: the first hidden layer (W₁, b₁) becomes (W₁ A, W₁ c + b₁). */
    Mlp fold(Mlp net) {
        Layer first = net.layer(0);
        double[] wc = first.weight().times(c);
        double[] b = first.bias().clone();
        for (int i = 0; i < b.length; i++) {
            b[i] += wc[i];
        }
        return net.withLayer(0, new Layer(Linalg.mult(first.weight(), a), b, first.activation()));
    }

    private static Matrix centred(Matrix rows, double[] m) {
        Matrix out = rows.copy();
        for (int r = 0; r < out.rows(); r++) {
            for (int k = 0; k < m.length; k++) {
                out.set(r, k, out.get(r, k) - m[k]);
            }
        }
        return out;
    }

    private static Matrix firstCols(Matrix u, int k) {
        Matrix out = Matrix.zeros(u.rows(), k);
        for (int r = 0; r < u.rows(); r++) {
            for (int i = 0; i < k; i++) {
                out.set(r, i, u.get(r, i));
            }
        }
        return out;
    }
}
