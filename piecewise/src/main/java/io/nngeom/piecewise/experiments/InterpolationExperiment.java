package io.nngeom.piecewise.experiments;

import io.nngeom.linalg.Matrix;
import io.nngeom.piecewise.Interpolation;
import io.nngeom.piecewise.Piecewise;
import io.nngeom.piecewise.PointSet;
import io.nngeom.run.Seeds;
import io.nngeom.validate.ExperimentContext;
import io.nngeom.validate.ExperimentResult;
import java.util.SplittableRandom;

/** E6: interpolation / decoder with a triangular activation matrix */
final class InterpolationExperiment extends PiecewiseExperiment {
    InterpolationExperiment() {
        super("piecewise.interpolation", "E6: interpolation / decoder with a triangular activation matrix");
    }

    @Override
    ExperimentResult measure(ExperimentContext ctx) {
        int n = 40;
        int dIn = 3;
        int dOut = ctx.quick() ? 50 : 50;
        SplittableRandom rng = Seeds.rng(Seeds.child(ctx.seed(), "e6"));
        double[] x = new double[n * dIn];
        double[] y = new double[n * dOut];
        for (int i = 0; i < x.length; i++) {
            x[i] = Seeds.gaussian(rng);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = Seeds.gaussian(rng);
        }
        PointSet ps = new PointSet(new Matrix(n, dIn, x), new Matrix(n, dOut, y));
        Interpolation.Result r = Interpolation.build(ps, rng.nextLong());
        double err = Piecewise.measure(ps, r.construction().net(), 0, 0)[0];
        return ExperimentResult.builder(this, ctx).param("points", n).param("inputDim", dIn).param("outputs", dOut)
                .atLeast("lowerTriangularPositiveDiagonal", r.lowerTriangular() ? 1 : 0, 1)
                .atMost("maxError", err, 1e-8)
                .atMost("hiddenUnitsMinusN", Math.abs(r.construction().hiddenUnits() - n), 0)
                .measure("conditionNumber", r.condition())
                .criterion("Phi lower triangular with positive diagonal, max error <= 1e-8, N hidden units shared by all outputs")
                .build();
    }
}
