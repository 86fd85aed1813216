package io.nngeom.convex;

import io.nngeom.data.Dataset;
import io.nngeom.linalg.Matrix;
import io.nngeom.net.GatedNetwork;
import io.nngeom.net.Layer;
import io.nngeom.net.Mlp;
import java.util.ArrayList;
import java.util.List;

/**
 * Column scaling as scnn's {@code unitize_data} does it (scnn {@code unitize_columns}): every input column divided by
 * its Euclidean norm over the training rows, so that diag(X̃ᵀX̃) = I; no centring; a column of zeros is left as it is
 * (scale 1). The fit runs on the scaled data; its models are then returned on the raw inputs: a gated model records
 * the scales (mean 0), a ReLU network has them folded into its first layer (W_{:,j}/s_j). Penalties, objectives and
 * certificates are those of the scaled problem.
 *
 * @param scale s_j, the training column norms (1 for a zero column)
 * @param data the scaled training data
 */
public record Unitize(double[] scale, Dataset data) {
    /** The column norms of the training inputs and the scaled data set. */
    public static Unitize of(Dataset d) {
        Matrix x = d.x();
        double[] s = new double[x.cols()];
        for (int j = 0; j < s.length; j++) {
            double t = 0;
            for (int i = 0; i < x.rows(); i++) {
                t += x.get(i, j) * x.get(i, j);
            }
            s[j] = t > 0 ? Math.sqrt(t) : 1;
        }
        return new Unitize(s, new Dataset(scaled(x, s), d.y(), d.labels(), d.classes()));
    }

    /** x with column j divided by s_j (for held-out inputs, with the training scales). */
    public static Matrix scaled(Matrix x, double[] s) {
        Matrix out = Matrix.zeros(x.rows(), x.cols());
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                out.set(i, j, x.get(i, j) / s[j]);
            }
        }
        return out;
    }

    /** A ReLU network of the scaled inputs as a network of the raw inputs (first layer W_{:,j}/s_j). */
    public Mlp onRawInputs(Mlp m) {
        Layer l = m.layer(0);
        Matrix w = l.weight().copy();
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                w.set(i, j, w.get(i, j) / scale[j]);
            }
        }
        List<Layer> ls = new ArrayList<>(m.layers());
        ls.set(0, new Layer(w, l.bias(), l.activation()));
        return new Mlp(ls);
    }

    /** A gated network of the scaled inputs as one of the raw inputs (it records mean 0 and the scales). */
    public GatedNetwork onRawInputs(GatedNetwork g) {
        return new GatedNetwork(g.gates(), g.weights(), g.outputDim(), g.bias(), new double[scale.length], scale);
    }

    /** A fit's result with its model(s) on the raw inputs. */
    public FitResult onRawInputs(FitResult r) {
        return new FitResult(r.model() == null ? null : onRawInputs(r.model()), r.method(), r.objective(), r.nnObjective(), r.dualityGap(),
                r.lowerBound(), r.nonzeros(), r.l1Norm(), r.exactness(), r.reason() + "; fitted on inputs scaled to unit column norms "
                        + "(--unitize, as scnn's unitize_data), the model takes raw inputs", r.columns(), r.dictionary(), r.gapIterations(),
                r.gapHistory(), r.run(), r.gated() == null ? null : onRawInputs(r.gated()));
    }
}
